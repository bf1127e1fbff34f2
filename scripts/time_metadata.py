#!/usr/bin/env python3
"""Time the metadata stage alone on the ScrapingHub pages (ms per page, parse excluded).

    python scripts/time_metadata.py [--dir DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
import time

import declutter
from declutter import _decode, _parse
from declutter._metadata import extract_metadata
from declutter._options import DEFAULT_OPTIONS


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", default="/work/shared/bench/scrapinghub/html")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    times: list[float] = []
    for name in sorted(os.listdir(a.dir)):
        if not name.endswith(".html.gz"):
            continue
        with gzip.open(os.path.join(a.dir, name)) as f:
            html = f.read()
        body = declutter.extract(html).body
        tree, _ = _parse.parse(_decode.decode(html, declared=None, tolerated=0.002).text, max_chars=10**9)
        best = float("inf")
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            extract_metadata(tree, url=None, body=body, options=DEFAULT_OPTIONS)
            best = min(best, time.perf_counter() - t0)
        times.append(best * 1000)
    times.sort()
    print(f"{len(times)} pages: mean {statistics.mean(times):.3f} ms, median {statistics.median(times):.3f} ms, "
          f"p90 {times[int(len(times) * 0.9)]:.3f} ms, max {times[-1]:.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
