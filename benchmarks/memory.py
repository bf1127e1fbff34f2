"""Memory of `declutter.extract`: the peak on a 10 MB page, and no growth over many pages.

(a) A real ScrapingHub page (the median by size, or ``--page ID``) with the inside of its
    ``<body>`` repeated until it reaches ``--mb`` MB (10), extracted once in a fresh
    interpreter, with the limits lifted so that it is processed whole (see scaling.py).
    Resident memory (Linux VmRSS) is read after importing declutter and one warm-up call,
    again after reading the page, and the peak (VmHWM) after the call. Target: the peak
    less the RSS before the page was read is under 10x the page size.
(b) The 181 ScrapingHub pages extracted ``--passes`` (50) times over in one fresh
    interpreter, RSS read after each pass (after ``gc.collect()``; Python's own allocated
    blocks beside it). Target: no growth after the first pass (RSS at the end within
    ``--tolerance`` MB, 2, of the RSS after pass 1).

    python benchmarks/memory.py
    python benchmarks/memory.py --mb 20 --passes 10
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

_MB = 1_000_000
_PEAK_TARGET = 10.0
_ROW = 10
"""Passes per printed line."""


def _status_mb(key: str) -> float:
    """A memory figure of this process from /proc/self/status (VmRSS, VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1]) * 1024 / _MB
    raise RuntimeError(f"no {key} in /proc/self/status (Linux only)")


def peak_child(path: Path) -> dict[str, object]:
    """(a), in the fresh interpreter: extract the page in `path` once."""
    from scaling import LIFTED

    import declutter

    declutter.extract(b"<html><body><p>warm up, lazy imports</p></body></html>")
    gc.collect()
    before = _status_mb("VmRSS")
    html = path.read_bytes()
    loaded = _status_mb("VmRSS")
    article = declutter.extract(html, options=LIFTED)
    return {
        "page_mb": len(html) / _MB, "before": before, "loaded": loaded,
        "peak": _status_mb("VmHWM"), "truncated": article.truncated, "blocks": len(article.blocks),
    }  # fmt: skip


def passes_child(passes: int) -> None:
    """(b), in the fresh interpreter: one JSON line of RSS per pass over the pages."""
    import declutter
    from declutter.bench import load_dataset

    pages = load_dataset("scrapinghub").pages
    gc.collect()
    print(json.dumps({"pages": len(pages), "rss": _status_mb("VmRSS")}), flush=True)
    for _ in range(passes):
        for page in pages:
            declutter.extract(page.html, url=page.url)
        gc.collect()
        rss, blocks = _status_mb("VmRSS"), sys.getallocatedblocks()
        print(json.dumps({"rss": rss, "blocks": blocks}), flush=True)


def _child(*args: str) -> list[dict[str, Any]]:
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def peak(page_id: str | None, mb: float) -> bool:
    """(a): build the page, measure it in a child, print the figures; whether it passes."""
    from scaling import repeat_body

    from declutter.bench import load_dataset

    pages = sorted(load_dataset("scrapinghub").pages, key=lambda p: len(p.html))
    page = next(p for p in pages if p.id == page_id) if page_id else pages[len(pages) // 2]
    body = len(repeat_body(page.html, 2)) - len(page.html)
    times = 1 + max(0, math.ceil((mb * _MB - len(page.html)) / body))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.html"
        path.write_bytes(repeat_body(page.html, times))
        [r] = _child("--peak-child", str(path))
    page_mb, before, loaded, top = (float(r[k]) for k in ("page_mb", "before", "loaded", "peak"))
    ratio = (top - before) / page_mb
    print(f"(a) peak memory: page {page.id[:12]} with its body x{times} = {page_mb:.1f} MB,")
    print(f"    limits lifted (processed whole: truncated={r['truncated']}, {r['blocks']} blocks)")
    print(
        f"    RSS before reading the page {before:.1f} MB, after {loaded:.1f} MB, peak {top:.1f} MB"
    )
    print(f"    peak - before = {top - before:.1f} MB = {ratio:.2f}x the page", end="")
    print(f" ({(top - loaded) / page_mb:.2f}x for the call alone)")
    ok = ratio < _PEAK_TARGET and r["truncated"] is False
    print(f"    {_verdict(ok)}: under {_PEAK_TARGET:g}x the page size")
    return ok


def growth(passes: int, tolerance: float) -> bool:
    """(b): the passes in a child, RSS printed per pass; whether it passes."""
    first, *rows = _child("--passes-child", str(passes))
    rss = [float(r["rss"]) for r in rows]
    blocks = [int(r["blocks"]) for r in rows]
    print(f"\n(b) {passes} passes over the {first['pages']} ScrapingHub pages in one process")
    print(f"    RSS before the first pass: {float(first['rss']):.1f} MB; after each pass (MB):")
    for start in range(0, len(rss), _ROW):
        cells = " ".join(f"{x:6.1f}" for x in rss[start : start + _ROW])
        print(f"    {start + 1:>3}-{min(start + _ROW, len(rss)):<3} {cells}")
    print(
        f"    Python allocated blocks after pass 1: {blocks[0]}, after pass {passes}: {blocks[-1]}"
    )
    drift = rss[-1] - rss[0]
    ok = drift <= tolerance
    print(
        f"    {_verdict(ok)}: RSS after pass {passes} - after pass 1 = {drift:+.1f} MB "
        f"(tolerance {tolerance:g} MB; max after pass 1: {max(rss) - rss[0]:+.1f} MB)"
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of the page of (a), MB")
    parser.add_argument("--page", help="ScrapingHub id of the page of (a) (default: median)")
    parser.add_argument("--passes", type=int, default=50, help="passes of (b)")
    parser.add_argument("--tolerance", type=float, default=2.0, help="RSS drift of (b), MB")
    parser.add_argument("--peak-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--passes-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak_child:
        print(json.dumps(peak_child(args.peak_child)))
    elif args.passes_child:
        passes_child(args.passes_child)
    else:
        ok = peak(args.page, args.mb) & growth(args.passes, args.tolerance)
        print(f"\n{_verdict(ok)}")
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
