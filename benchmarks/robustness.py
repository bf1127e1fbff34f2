"""Time and peak memory of `declutter.extract` on hostile inputs, at growing sizes.

Every hostile family of ``tests/robust_hostile.py`` is extracted at 1x and 4x its base size
(``--scales 1,4,16``: 16x reaches the sizes of the robustness issues: a 50 MB page, a 10 MB
text node, 1,000,000 elements, nesting 100,000 deep, 1,000,000 ``<i>a</i>``, 300,000 meta
pairs), each run in a fresh interpreter so that peak memory is that run's own. Linear
behaviour shows as a time ratio 4x/1x near 4 (less when fixed costs dominate the 1x run);
anything near 16 is quadratic. The worst rows of each measure close the report.

    python benchmarks/robustness.py                    # every family, 1x 4x
    python benchmarks/robustness.py --scales 1,4,16 deep_divs giant_table
    python benchmarks/robustness.py --no-budget        # Options(time_budget=None)
    python benchmarks/robustness.py --budget 1 --scales 16 many_italics   # kept within 1.5x?

Columns per size: input size, CPU seconds of `extract` alone (decode to serialise; process
time, so other load on the machine does not bend the curve), seconds per MB of input, peak
RSS of the process minus its RSS before the page was read (after a warm-up call, whose own
peak is reset: /proc/self/clear_refs), that per
input byte (``x``; target: at most
12), and ``T`` when the result was marked truncated; then the time ratio last/first size.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import declutter
import robust_hostile


def _status_mb(field: str) -> float:
    """A memory figure of this process (MB) from /proc/self/status: ``VmHWM``, the peak,
    which unlike ru_maxrss does not start from the parent's peak in a spawned child, or
    ``VmRSS``, the current size. ru_maxrss (the peak) where there is no /proc."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kib = next((line.split()[1] for line in status.splitlines() if line.startswith(f"{field}:")), 0)
    return int(kib) / 1024


def _reset_peak() -> None:
    """Start the peak (VmHWM) again from the current RSS (Linux's clear_refs "5"), so that a
    warm-up's own peak (the language model's load) does not hide the page's."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


_RSS_TARGET = 12.0
"""Peak RSS per input byte every family must stay under."""


def run_one(path: Path, budget: float | None) -> dict[str, object]:
    """Extract the page in `path` in this process; the measures as a dict."""
    options = declutter.Options(time_budget=budget)
    declutter.extract(b"<html><body><p>warm up, lazy imports</p></body></html>")
    _reset_peak()
    baseline = _status_mb("VmRSS")  # before the page is read; the peak counts from here
    data = path.read_bytes()
    start = time.process_time()
    wall = time.monotonic()
    article = declutter.extract(data, options=options)
    seconds = time.process_time() - start
    wall = time.monotonic() - wall
    return {
        "input_mb": len(data) / 1e6, "seconds": seconds, "wall": wall,
        "peak_mb": _status_mb("VmHWM") - baseline, "truncated": article.truncated, "body": len(article.body),
    }  # fmt: skip


def _spawn(family: str, scale: float, budget: float | None, timeout: float) -> dict[str, object]:
    """Generate the page here, extract it in a fresh interpreter (its own peak memory)."""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_bytes(robust_hostile.FAMILIES[family](scale))
        limit = ["--no-budget"] if budget is None else ["--budget", str(budget)]
        cmd = [sys.executable, __file__, "--one", str(page), *limit]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return {"error": f"timeout>{timeout:g}s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        return {"error": last[:60]}
    result: dict[str, object] = json.loads(done.stdout)
    mb = max(float(result["input_mb"]), 1e-6)  # type: ignore[arg-type]
    result["s_per_mb"] = float(result["seconds"]) / mb  # type: ignore[arg-type]
    result["rss_per_byte"] = float(result["peak_mb"]) / mb  # type: ignore[arg-type]
    return result


_CELL = 44


def _cell(result: dict[str, object]) -> str:
    if "error" in result:
        return f"{result['error']:>{_CELL}}"
    flag = "T" if result["truncated"] else " "
    return (
        f"{result['input_mb']:7.2f}MB {result['seconds']:7.2f}s {result['s_per_mb']:6.2f}s/MB"
        f" {result['peak_mb']:6.0f}MB {result['rss_per_byte']:5.1f}x{flag}"
    )


def _worst(
    rows: list[tuple[str, float, dict[str, object]]], key: str, unit: str, n: int = 5
) -> None:
    ranked = sorted(
        ((float(r[key]), family, scale) for family, scale, r in rows if key in r),  # type: ignore[arg-type]
        reverse=True,
    )
    cells = ", ".join(
        f"{family} {scale:g}x {value:.2f}{unit}" for value, family, scale in ranked[:n]
    )
    print(f"worst {key}: {cells}")


def _ratio(results: list[dict[str, object]]) -> str:
    first, last = results[0].get("seconds"), results[-1].get("seconds")
    if not isinstance(first, float) or not isinstance(last, float):
        return "       -"
    return f"{last / max(first, 1e-3):8.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("families", nargs="*", help="default: all of robust_hostile.FAMILIES")
    parser.add_argument("--scales", default="1,4")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run")
    parser.add_argument("--no-budget", action="store_true", help="Options(time_budget=None)")
    parser.add_argument("--budget", type=float, help="Options(time_budget=...) (default 20)")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    budget = None if args.no_budget else args.budget if args.budget is not None else 20.0
    if args.one:
        print(json.dumps(run_one(args.one, budget)))
        return
    scales = [float(s) for s in args.scales.split(",")]
    families = args.families or list(robust_hostile.FAMILIES)
    header = "".join(f"{f'{s:g}x':>{_CELL + 1}}" for s in scales)
    print(f"{'family':26}{header}  cpu {scales[-1]:g}x/{scales[0]:g}x", flush=True)
    rows: list[tuple[str, float, dict[str, object]]] = []
    for family in families:
        results = [_spawn(family, s, budget, args.timeout) for s in scales]
        rows += [(family, s, r) for s, r in zip(scales, results)]
        print(
            f"{family:26}{''.join(' ' + _cell(r) for r in results)}  {_ratio(results)}", flush=True
        )
    print()
    _worst(rows, "s_per_mb", " s/MB")
    _worst(rows, "rss_per_byte", "x")
    if budget is not None:
        _worst(
            [(f, s, {"over": float(r["wall"]) / budget}) for f, s, r in rows if "wall" in r],
            "over",
            "x budget",
        )  # type: ignore[arg-type]
    over = [f"{f} {s:g}x" for f, s, r in rows if float(r.get("rss_per_byte", 0)) > _RSS_TARGET]  # type: ignore[arg-type]
    print(f"peak RSS over {_RSS_TARGET:g}x the input: {', '.join(over) or 'none'}")


if __name__ == "__main__":
    main()
