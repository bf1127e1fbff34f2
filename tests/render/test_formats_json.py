"""JSON field names are documented (docs/formats.md) and stable."""

from __future__ import annotations

import json
import re

import declutter
from _pages import REPO
from declutter import Article
from outputs_helpers import all_kept, real_page

DOC = REPO / "docs" / "formats.md"


def _documented(section: str) -> list[str]:
    text = DOC.read_text(encoding="utf-8").split(f"### {section}\n", 1)[1].split("\n###", 1)[0]
    return re.findall(r"^\| `(\w+)` \|", text, re.MULTILINE)


def test_article_fields_are_documented_in_order() -> None:
    names = list(declutter.extract("<p>x</p>").to_dict(include_blocks=True))
    assert _documented("Article") == ["input", *names]


def test_block_fields_are_documented_in_order() -> None:
    article = all_kept(
        "<body><p>Some <a href=/x>text</a>, here.</p><img src=/i.png><p>More.</p></body>"
    )
    assert _documented("Block") == list(article.blocks[0].to_dict())


def test_json_and_jsonl_carry_the_same_record() -> None:
    article = declutter.extract(real_page("flowfx.de.tmux.html"))
    pretty = declutter.render(article, "json")
    line = declutter.render(article, "jsonl")
    assert line.count("\n") == 1 and pretty.count("\n") > 10
    assert json.loads(pretty) == json.loads(line) == article.to_dict()
    with_blocks = json.loads(declutter.render(article, "jsonl", blocks=True))
    assert len(with_blocks["blocks"]) == len(article.blocks)


def test_links_and_images_serialise() -> None:
    article = all_kept(
        "<body><p>Some <a href=/x>text</a>, here.</p><img src=/i.png alt=A><p>More.</p></body>"
    )
    record = json.loads(article.to_json(include_blocks=True))
    assert record["blocks"][0]["links"] == [{"text": "text", "url": "/x"}]
    assert record["blocks"][1]["images"] == [{"url": "/i.png", "alt": "A", "title": ""}]


def test_unknown_format_is_refused() -> None:
    try:
        declutter.render(Article(), "yaml")  # type: ignore[arg-type]
    except ValueError as exc:
        assert "text, markdown, json, jsonl, html" in str(exc)
    else:
        raise AssertionError("no error")
