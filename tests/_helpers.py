"""Helpers shared by the tests: run the pipeline's stages on a snippet of HTML (pages are
read by `_pages`)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from declutter import _parse, _prune, _score, _select
from declutter._deadline import NO_DEADLINE
from declutter._head import read_head
from declutter._headline import TitleKeys, keys_of, title_keys
from declutter._options import DEFAULT_OPTIONS, Options
from declutter._segment import RawBlock, Segmentation, segment
from declutter._textstats import measure

UNLIMITED = _parse.Limits(
    max_chars=10**9, max_tags=10**9, max_depth=10**9, max_formatting=10**9,
    max_attributes=10**9, max_options=10**9,
)  # fmt: skip


def segment_html(html: str, *, vocabulary: bool = True) -> Segmentation:
    """Stages 2 to 4 (parse, prune, segment) on `html`, without any limit."""
    tree, _ = _parse.parse(html, UNLIMITED)
    root = tree.body or tree.root
    plan = _prune.plan(tree, use_vocabulary=vocabulary)
    return segment(root, plan=plan, max_nodes=10**9, deadline=NO_DEADLINE)


def page_title(html: str, options: Options = DEFAULT_OPTIONS) -> TitleKeys:
    tree, _ = _parse.parse(html, UNLIMITED)
    return title_keys(read_head(tree, options), options=options)


def keys(*titles: str, options: Options = DEFAULT_OPTIONS) -> TitleKeys:
    """Title keys of these titles, as the pipeline builds them from a page's <title>."""
    return keys_of(list(titles), options=options)


def select_html(
    html: str, options: Options = DEFAULT_OPTIONS
) -> tuple[Segmentation, _select.Selection]:
    """Stages 2 to 5 (parse, prune, segment, score, select) on `html`: one pass, no dedup,
    no un-prune retry, no fallback, so the select stage's own decisions show."""
    seg = segment_html(html)
    _score.score_blocks(seg, options)
    headline = _score.find_headline(seg, page_title(html, options), options)
    ranking = _score.score_containers(seg, options, headline)
    selection = _select.select(seg, ranking, options, headline[0])
    return seg, selection


def block(blocks: list[RawBlock] | tuple, start: str):
    """The only block whose text starts with `start`."""
    found = [b for b in blocks if b.text.startswith(start)]
    assert len(found) == 1, f"{len(found)} blocks start with {start!r}"
    return found[0]


def kept_texts(blocks) -> list[str]:
    return [b.text for b in blocks if b.kept]


def raw_blocks(*texts: str, kept: bool = True) -> list[RawBlock]:
    """Kept (or dropped) paragraph blocks with these texts, as the select stage leaves them."""
    return [
        RawBlock(
            index=i,
            text=t,
            tag="p",
            kind="paragraph",
            container=0,
            depth=0,
            length=measure(t),
            link_length=0,
            punctuation=0,
            element_count=0,
            kept=kept,
            reason="content" if kept else "short",
        )
        for i, t in enumerate(texts)
    ]


def load_program(path: Path, module_name: str) -> ModuleType:
    """A script of the repository that is not a package module (benchmarks/, reference scorers)."""
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
