"""The orchestrator: one page in, one `Article` out, stage after stage (one module each).

1. decode    `_decode`    bytes to text (BOM, declared charset, page charset, detection)
2. parse     `_parse`     text to a Lexbor DOM, once
3. head      `_head`      what the page declares (meta, links, <title>), read once; then
             `_headline`  the title's comparison keys, which prune and score use
4. prune     `_prune`     plan which subtrees are chrome or invisible (the DOM is kept whole);
                          `_selectors` matches the caller's include/exclude selectors
5. segment   `_segment`   one walk: blocks of text with features, and their containers
6. score     `_score`     a content score per block and per container
7. select    `_select`    the article region, and kept/dropped for every block
8. dedup     `_dedup`     one copy of the article, each paragraph once
   (5 to 8 run once per attempt; `_attempts` holds the retry policy)
   site      `_site`      the lines the caller's `SiteMemory` knows as the site's furniture
9. body      `_body`      the kept blocks as text (`_tables`: one data-table rule for all)
10. metadata `_metadata`  title, dates, authors and the rest, from the whole page (skipped
                          with `Options.body_only`)
11. comments `_comments`  the readers' comments, apart from the body (`include_comments`)
12. document `_document`  the document score: how far to trust the body, from the doubts
                          the earlier stages leave; then the public blocks (`_blocks`)

`_api.extract` checks the arguments and calls `timed_extract`; `_arguments` bounds the input;
`_clock` times stages for the bench.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from . import _body, _comments, _decode, _document, _head, _parse, _prune, _site
from ._arguments import Input, bounded
from ._attempts import best_attempt
from ._blocks import outgoing, public_blocks, public_regions
from ._clock import StageClock
from ._deadline import Deadline
from ._headline import title_keys
from ._locate import BlockLocator
from ._metadata import extract_metadata
from ._model import Article
from ._options import Options
from ._tables import data_tables

__all__ = ["StageClock", "timed_extract"]

_NO_METADATA = Article()  # what `Options.body_only` gives instead of the metadata stage


def timed_extract(
    html: Input, url: str | None, options: Options, encoding: str | None,
    reference_time: datetime | None, clock: StageClock, site: _site.Boilerplate | None = None,
) -> Article:  # fmt: skip
    """`declutter.extract` on checked arguments, each stage's time charged to `clock`;
    `site` is what the caller's `SiteMemory` learned."""
    clock.start()
    deadline = Deadline(options.time_budget)  # one for every stage
    data, cut = bounded(html, options.max_bytes)
    decoded = _decode.decode(data, declared=encoding, tolerated=options.utf8_tolerated_errors)
    clock.lap("decode")
    tree, parse_cut = _parse.parse_page(data, decoded.text, decoded.utf8, options, deadline)
    clock.lap("parse")
    meta = _head.read_head(tree, options, deadline)
    title = title_keys(meta, url=url, options=options)
    clock.lap("head")
    plan, included = _prune.plan_page(tree, title, options)
    clock.lap("prune")
    seg = best_attempt(tree, plan, title, options, deadline, clock, included)
    _site.drop_boilerplate(seg.blocks, site, url)
    tables = data_tables((b for b in seg.blocks if b.kept), options)
    body = _body.to_text(seg.blocks, tables)
    clock.lap("serialise")
    article = _NO_METADATA if options.body_only else extract_metadata(
        tree, meta=meta, url=url, body=body, options=options, reference_time=reference_time,
        deadline=deadline, locate=BlockLocator(seg) if options.page_view else None,
    )  # fmt: skip
    clock.lap("metadata")
    comments = _comments.page_comments(tree, seg, options)
    clock.lap("comments")
    confidence = _document.document_score(seg, options)
    article = replace(
        article,
        body=body,
        url=url or article.canonical_url,
        score=confidence.score,
        score_parts=confidence.parts,
        truncated=cut or parse_cut or seg.truncated or deadline.hit,
        encoding=decoded.encoding,
        comments=comments,
        blocks=public_blocks(seg, options, tables),
        regions=public_regions(seg, options) if options.page_view else (),
    )  # the metadata stage's fields, and the pipeline's
    clock.lap("serialise")
    return outgoing(article)
