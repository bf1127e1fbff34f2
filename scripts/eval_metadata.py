#!/usr/bin/env python3
"""Metadata accuracy (title, author, date) of declutter and trafilatura on the trafilatura set.

    python scripts/eval_metadata.py [--dataset DIR] [--tools declutter,trafilatura] [-v FIELD]

Metric (the project benchmark implements the same): over pages whose evaldata entry has the
key; title = exact match after whitespace normalisation (pages with an empty gold title are
skipped); author = set of names split on , ， 、 ; ； / & | and whitespace, gold '' means "no
author" so only an empty prediction matches; date = same calendar day, gold '' means no date
so only None matches. `-v FIELD` prints the misses of declutter for that field.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable
from typing import Any

_WS = re.compile(r"[\s\u3000\xa0\u200b\ufeff]+")
_AUTHOR_SEP = re.compile(r"[\s,，、;；/&|]+")
_DAY = (
    re.compile(r"((?:19|20)\d\d)\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)"),
    re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})"),
)
DEFAULT_DATASET = "/work/shared/bench/trafilatura-dev"


def norm_ws(s: object) -> str:
    return "" if s is None else _WS.sub(" ", str(s)).strip()


def names(s: object) -> frozenset[str]:
    return frozenset(p for p in _AUTHOR_SEP.split(norm_ws(s)) if p)


def day(s: object) -> str | None:
    text = norm_ws(s)
    if not text:
        return None
    for rx in _DAY:
        m = rx.search(text)
        if m:
            y, mo, d = (int(x) for x in m.groups())
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return text


def run_declutter(html: bytes, url: str) -> dict[str, Any]:
    import declutter

    doc = declutter.extract(html, url=url)
    return {"title": doc.title, "author": doc.author, "date": doc.date}


def run_trafilatura(html: bytes, url: str) -> dict[str, Any]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return {}
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    return {"title": get("title"), "author": get("author"), "date": get("date")}


TOOLS: dict[str, Callable[[bytes, str], dict[str, Any]]] = {
    "declutter": run_declutter,
    "trafilatura": run_trafilatura,
}


def judge(field: str, gold: str, pred: object) -> bool | None:
    """True/False for a scored page, None when the page does not count for `field`."""
    if field == "title":
        return None if not norm_ws(gold) else norm_ws(gold) == norm_ws(pred)
    if field == "author":
        return names(gold) == names(pred)
    return day(gold) == day(pred)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dataset", default=DEFAULT_DATASET)
    ap.add_argument("--tools", default="declutter,trafilatura")
    ap.add_argument("-v", "--verbose", choices=("title", "author", "date"), action="append")
    a = ap.parse_args(argv)
    with open(os.path.join(a.dataset, "evaldata.json"), encoding="utf-8") as f:
        evaldata = json.load(f)
    tools = a.tools.split(",")
    hits = {t: {k: [0, 0] for k in ("title", "author", "date")} for t in tools}
    seconds = dict.fromkeys(tools, 0.0)
    for url, entry in evaldata.items():
        with open(os.path.join(a.dataset, "html", entry["file"]), "rb") as f:
            html = f.read()
        for tool in tools:
            t0 = time.perf_counter()
            try:
                pred = TOOLS[tool](html, url)
            except Exception as e:  # noqa: BLE001 - an error counts as an empty result
                print(f"{tool} {entry['file']}: {type(e).__name__}: {e}", file=sys.stderr)
                pred = {}
            seconds[tool] += time.perf_counter() - t0
            for field in ("title", "author", "date"):
                if field not in entry:
                    continue
                ok = judge(field, entry[field], pred.get(field))
                if ok is None:
                    continue
                hits[tool][field][0] += ok
                hits[tool][field][1] += 1
                if not ok and tool == "declutter" and a.verbose and field in a.verbose:
                    print(f"{entry['file']:50} {field}: {pred.get(field)!r} != {entry[field]!r}")
    print(f"{'tool':12} {'title':>14} {'author':>14} {'date':>14} {'s':>7}")
    for tool in tools:
        cells = [f"{100 * h / n:5.1f} ({h}/{n})" for h, n in hits[tool].values()]
        print(f"{tool:12} " + " ".join(f"{c:>14}" for c in cells) + f" {seconds[tool]:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
