"""--target-language: pages in other languages are skipped and counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from declutter._metadata import _language
from outputs_helpers import cli, err, out

pytestmark = pytest.mark.skipif(
    not _language.identifier_available(), reason="py3langid (the language extra) is not installed"
)

_PAGE = "<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{text}</p></article></body></html>"
_PAGES = {
    "en.html": (
        "The weather",
        "It is sunny in London today, and people are enjoying the sunshine in the public gardens of the city.",
    ),
    "fr.html": (
        "Le temps",
        "Il fait beau aujourd'hui à Paris, et les habitants profitent du soleil dans les jardins publics de la ville.",
    ),
    "de.html": (
        "Das Wetter",
        "Heute scheint in Berlin die Sonne, und die Menschen genießen das schöne Wetter in den Parks der Stadt.",
    ),
}


def _workspace(root: Path) -> Path:
    (root / "pages").mkdir(parents=True)
    for name, (title, text) in _PAGES.items():
        (root / "pages" / name).write_text(_PAGE.format(title=title, text=text), encoding="utf-8")
    return root


def test_other_languages_are_skipped_and_counted(tmp_path: Path) -> None:
    work = _workspace(tmp_path)
    result = cli("-f", "jsonl", "--target-language", "en,de", "pages", cwd=work)
    assert result.returncode == 0
    assert sorted(line.split('"input": "')[1].split('"')[0] for line in out(result).splitlines()) == [
        "pages/de.html", "pages/en.html",
    ]  # fmt: skip
    assert "3 pages, 0 failed, 1 skipped (other language)" in err(result)


def test_a_skipped_single_page_writes_nothing_and_says_why(tmp_path: Path) -> None:
    work = _workspace(tmp_path)
    result = cli("--target-language", "en", "-o", "out", "pages/fr.html", cwd=work)
    assert result.returncode == 0 and out(result) == ""
    assert not (work / "out").exists() or not any((work / "out").iterdir())
    assert "pages/fr.html: skipped, its language fr" in err(result)


def test_an_invalid_target_is_a_usage_error(tmp_path: Path) -> None:
    result = cli("--target-language", "english!", "x.html", cwd=_workspace(tmp_path))
    assert result.returncode == 2 and "not a language tag" in err(result)
