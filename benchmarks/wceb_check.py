#!/usr/bin/env python3
"""Check the wceb-dev sets in ../shared/bench/wceb-dev as the benchmark reads them.

    python benchmarks/wceb_check.py

The sets are AGPL/research-only, so they stay out of the repository and the test suite
(which checks the same loading and scoring code on a stand-in tree of the same layout).
This program checks the real ones where they are present:

* Dragnet's gold is split at its comments marker: no marker is left in any article part,
  and every page that had one has its comments apart;
* the paper's scorer, loaded from beside the data, scores a page's own gold as perfect
  (body and comments) and an empty body as zero.

It prints the page counts (the benchmark's README names them: 738 CleanEval pages, 1,379
Dragnet pages of which 421 have comments) and exits 1 when a check fails, 0 when every
check passes or the sets are absent (said on stderr).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence

from declutter.bench import Prediction, Tool, load_dataset, run_tool
from declutter.bench._data import COMMENTS_MARKER, WCEB_DATASETS, wceb_dir


def _problems() -> list[str]:
    """What is wrong with the sets as loaded (empty when every check passes)."""
    problems: list[str] = []
    for name in WCEB_DATASETS:
        print(f"{name}: {len(load_dataset(name).pages)} pages")
    dragnet = load_dataset("dragnet")
    with_comments = [p for p in dragnet.pages if p.gold["comments"] is not None]
    print(f"dragnet: {len(with_comments)} pages with comments")
    marked = [p.id for p in dragnet.pages if COMMENTS_MARKER.search(p.gold["text"])]
    if marked:
        problems.append(f"dragnet: the comments marker is left in {len(marked)} gold texts")
    if not with_comments:
        problems.append("dragnet: no page has comments apart")
        return problems
    page = with_comments[0]
    one = type(dragnet)(dragnet.name, dragnet.kind, (page,))

    def echo(html: bytes, url: str | None) -> Prediction:
        return Prediction(page.gold["text"], comments=page.gold["comments"])

    perfect = run_tool(Tool("gold", None, echo, frozenset()), one).summary
    if not (math.isclose(perfect["f1"], 1.0) and math.isclose(perfect["comments_f1"], 1.0)):
        problems.append(f"the scorer gives the gold itself {perfect['f1']:.3f} / "
                        f"{perfect['comments_f1']:.3f} (body / comments), not 1")  # fmt: skip
    empty = run_tool(Tool("empty", None, lambda h, u: Prediction(""), frozenset()), one).summary
    if not math.isclose(empty["f1"], 0.0, abs_tol=1e-9):
        problems.append(f"the scorer gives an empty body {empty['f1']:.3f}, not 0")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    del argv  # no options
    if not all((wceb_dir() / name / "gold.jsonl").is_file() for name in WCEB_DATASETS):
        print(f"{wceb_dir()} is absent: nothing to check", file=sys.stderr)
        return 0
    problems = _problems()
    for problem in problems:
        print(f"FAIL {problem}")
    print("every check passed" if not problems else f"{len(problems)} checks failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
