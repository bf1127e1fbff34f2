"""Time of the metadata stage alone (`extract_metadata`) on the ScrapingHub pages.

Each page is decoded and parsed once, outside the timing. In each of `--repeats` rounds
over all pages (interleaved, so a burst of load elsewhere hits every page alike), the body
stages run on the tree, untimed, then `extract_metadata` is timed on it, as
`declutter.extract` runs it: right after the body stages, in the cache state they leave
(`--cold` skips them before each call). Per page, the median of its rounds is kept; mean,
median and p90 of those per-page times are printed, in ms. The machine is shared: compare
two versions in the same session (or with `--clock cpu`, this process's CPU time).

    python benchmarks/metadata_speed.py [--repeats 5] [--cold] [--dump out.json]

`--dump` writes every page's metadata (to diff the outputs of two versions).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from dataclasses import asdict
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from declutter import _decode, _parse, _prune
from declutter._attempts import best_attempt
from declutter._body import to_text
from declutter._deadline import NO_DEADLINE
from declutter._head import read_head
from declutter._headline import title_keys
from declutter._metadata import extract_metadata
from declutter._options import DEFAULT_OPTIONS
from declutter._tables import data_tables

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "fixtures" / "bench" / "scrapinghub"


def _body(tree: LexborHTMLParser, url: str | None) -> str:
    """The body text, extracted from `tree` by the body stages, as the pipeline runs them."""
    o = DEFAULT_OPTIONS
    title = title_keys(read_head(tree, o), url=url, options=o)
    plan, included = _prune.plan_page(tree, title, o)
    seg = best_attempt(tree, plan, title, o, NO_DEADLINE, included=included)
    return to_text(seg.blocks, data_tables((b for b in seg.blocks if b.kept), o))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="cpu: this process's CPU time (steadier while other programs run)")  # fmt: skip
    parser.add_argument("--cold", action="store_true", help="no body stages before each call")
    parser.add_argument("--dump", type=Path, help="write each page's metadata as JSON")
    args = parser.parse_args()
    urls = {
        k: v.get("url") for k, v in json.loads((DATA / "ground-truth.json").read_text()).items()
    }
    options = DEFAULT_OPTIONS
    pages = []
    for path in sorted((DATA / "html").glob("*.html.gz")):
        page_id = path.name.removesuffix(".html.gz")
        data = gzip.decompress(path.read_bytes())[: options.max_bytes]
        text = _decode.decode(data, declared=None, tolerated=options.utf8_tolerated_errors).text
        tree, _ = _parse.parse(text, _parse.Limits.of(options))
        pages.append((page_id, tree, urls.get(page_id), _body(tree, urls.get(page_id))))
    times: list[list[float]] = [[] for _ in pages]
    results = {}
    clock = time.perf_counter if args.clock == "wall" else time.process_time
    for _ in range(args.repeats):
        for i, (page_id, tree, url, body) in enumerate(pages):
            if not args.cold:
                _body(tree, url)
            start = clock()
            meta = extract_metadata(
                tree, meta=read_head(tree, options), url=url, body=body, options=options
            )
            times[i].append(clock() - start)
            results[page_id] = asdict(meta)
    per_page = sorted(statistics.median(t) * 1000 for t in times)
    rounds = [sum(t[r] for t in times) * 1000 / len(pages) for r in range(args.repeats)]
    p90 = per_page[int(0.9 * (len(per_page) - 1))]
    mode = "cold" if args.cold else "warm (after the body stages)"
    print(f"pages {len(pages)}  repeats {args.repeats}  {mode}  clock {args.clock}")
    print(f"ms/page  mean {statistics.fmean(per_page):.3f}  median {statistics.median(per_page):.3f}  "
          f"p90 {p90:.3f}  max {per_page[-1]:.3f}")  # fmt: skip
    best = statistics.fmean(min(t) * 1000 for t in times)
    print(f"ms/page  mean of each page's best round {best:.3f} (least disturbed by other load)")
    print("round means (ms/page): " + " ".join(f"{r:.3f}" for r in rounds))
    if args.dump:
        args.dump.write_text(json.dumps(results, ensure_ascii=False, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
