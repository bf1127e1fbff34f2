"""Real pages end to end: the AMZ123 fixture and the Chinese development set."""

from __future__ import annotations

import json
import re

import pytest

import declutter
from _metadata_helpers import shared_dir

SHARED = shared_dir()
pytestmark = pytest.mark.skipif(SHARED is None, reason="shared benchmark data not found")
_SEP = re.compile(r"[\s,，、;；/&|]+")


def _names(value: str | None) -> frozenset[str]:
    return frozenset(p for p in _SEP.split(value or "") if p)


def test_amz123_fixture() -> None:
    assert SHARED is not None
    folder = SHARED / "fixtures" / "amz123-xiaohongshu"
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    doc = declutter.extract((folder / "page.html").read_bytes(), url=expected["url"])
    assert doc.title == expected["title"]
    assert doc.authors == (expected["author"],)  # the byline is only in the mobile copy
    assert doc.date == expected["date"]


def test_chinese_dev_set_meets_the_targets() -> None:
    assert SHARED is not None
    folder = SHARED / "bench" / "zh"
    pages = sorted(folder.glob("*.json"))
    title = author = day = times = timed = 0
    for path in pages:
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = declutter.extract(path.with_suffix(".html").read_bytes(), url=gold.get("url"))
        title += " ".join((doc.title or "").split()) == " ".join(gold["title"].split())
        author += _names(doc.author) == _names(gold["author"])
        day += (doc.date or "")[:10] == gold["date"][:10]
        if "T" in gold["date"]:
            timed += 1
            times += (doc.date or "")[:16] == gold["date"][:16]
    n = len(pages)
    assert n >= 30
    assert title / n >= 0.98
    assert author / n >= 0.90
    assert day / n >= 0.98
    assert times == timed
