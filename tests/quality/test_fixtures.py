"""Every fixture page: declutter's body close to the expected one; AMZ123 exactly as expected."""

from __future__ import annotations

import json
import re

import pytest
from floors import FLOOR_FILE, page_f1

import declutter
from declutter.testing import PortalPage, load_page

_PAGE_FLOORS: dict[str, float] = json.loads(FLOOR_FILE.read_text(encoding="utf-8"))["pages"]
_AMZ = "amz123-xiaohongshu"
_SPACES = re.compile(r"\s+")


def _norm(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


def test_body_above_page_floor(portal_page: PortalPage) -> None:
    assert portal_page.name in _PAGE_FLOORS, (
        "new page: pin its floor with python tests/quality/floors.py"
    )
    assert page_f1(portal_page) >= _PAGE_FLOORS[portal_page.name]


@pytest.fixture(scope="module")
def amz() -> tuple[PortalPage, declutter.Article]:
    page = load_page(_AMZ)
    return page, declutter.extract(page.html, url=page.expected["url"])


def test_amz_body_exact(amz: tuple[PortalPage, declutter.Article]) -> None:
    page, doc = amz
    assert _norm(doc.body) == _norm(page.expected["body"])


def test_amz_body_paragraphs_once(amz: tuple[PortalPage, declutter.Article]) -> None:
    page, doc = amz
    body = _norm(doc.body)
    counts = {
        p[:30]: body.count(_norm(p)) for p in page.expected["body"].split("\n\n") if p.strip()
    }
    assert set(counts.values()) == {1}, counts


def test_amz_no_page_furniture(amz: tuple[PortalPage, declutter.Article]) -> None:
    page, doc = amz
    assert [s for s in page.expected["must_not_contain"] if s in doc.body] == []


def test_amz_title(amz: tuple[PortalPage, declutter.Article]) -> None:
    page, doc = amz
    assert _norm(doc.title) == _norm(page.expected["title"])


def test_amz_author(amz: tuple[PortalPage, declutter.Article]) -> None:
    page, doc = amz
    assert _norm(doc.author) == _norm(page.expected["author"])


def test_amz_date(amz: tuple[PortalPage, declutter.Article]) -> None:
    page, doc = amz
    assert _norm(doc.date) == _norm(page.expected["date"])
