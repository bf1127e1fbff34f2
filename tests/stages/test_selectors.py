"""Include and exclude selectors (`Options.include`, `Options.exclude`, ``--include``,
``--exclude``) on real pages: what a user who knows the site's markup would write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import declutter
from outputs_helpers import cli, real_page

FLOWFX = real_page("flowfx.de.tmux.html")  # a blog post: prose, a code block, a tag list
PEOPLE = real_page("people_20240517_xcz.html")
CODE_LINE = (
    'bind-key -T copy-mode-vi MouseDragEnd1Pane send-keys -X copy-pipe-and-cancel "xclip -se c -i"'
)


def test_exclude_prunes_the_matched_subtrees_before_scoring() -> None:
    plain = declutter.extract(FLOWFX)
    doc = declutter.extract(FLOWFX, options=declutter.Options(exclude="pre"))
    assert CODE_LINE in plain.body and CODE_LINE not in doc.body
    assert doc.body.startswith("For the first time in many years")
    excluded = [b for b in doc.blocks if b.pruned_by == "excluded"]
    assert excluded and all(not b.kept for b in excluded)


def test_include_makes_the_matched_region_the_article_metadata_from_the_whole_page() -> None:
    """The footer, chrome by default, named as the article: its prose is the body."""
    plain = declutter.extract(FLOWFX)
    doc = declutter.extract(FLOWFX, options=declutter.Options(include="footer"))
    assert "Creative Commons" not in plain.body
    assert doc.body.startswith("All content is licensed under a Creative Commons")
    prose = [b for b in doc.blocks if b.text.startswith("For the first time")]
    assert prose and all(b.reason == "not-included" for b in prose)
    assert (doc.title, doc.date, doc.authors) == (plain.title, plain.date, plain.authors)


def test_include_of_the_article_box_keeps_the_article() -> None:
    plain = declutter.extract(FLOWFX)
    doc = declutter.extract(FLOWFX, options=declutter.Options(include="div.e-content"))
    assert doc.body == plain.body


def test_include_and_exclude_together() -> None:
    doc = declutter.extract(
        FLOWFX, options=declutter.Options(include="div.e-content", exclude="pre")
    )
    assert doc.body.startswith("For the first time") and CODE_LINE not in doc.body


def test_an_include_that_matches_nothing_changes_nothing() -> None:
    doc = declutter.extract(PEOPLE, options=declutter.Options(include="div.no-such-box"))
    assert doc.body == declutter.extract(PEOPLE).body


@pytest.mark.parametrize("field", ["include", "exclude"])
@pytest.mark.parametrize("selector", ["div[", "##", "", "p:contains(x)"])
def test_invalid_selectors_are_refused_at_construction(field: str, selector: str) -> None:
    with pytest.raises(ValueError, match=f"Options.{field} is not a valid CSS selector"):
        declutter.Options(**{field: selector})


def test_cli_include_and_exclude(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(FLOWFX)
    result = cli("--format", "json", "--include", "div.e-content", "--exclude", "pre, .no_such",
                 "page.html", cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)["body"]
    assert body.startswith("For the first time") and CODE_LINE not in body


def test_cli_invalid_selector_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(FLOWFX)
    result = cli("--exclude", "div[", "page.html", cwd=tmp_path)
    assert result.returncode == 2
    assert b"Options.exclude is not a valid CSS selector: 'div['" in result.stderr
