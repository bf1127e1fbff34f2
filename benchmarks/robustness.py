"""Time and peak memory of `declutter.extract` on hostile inputs, at growing sizes.

Every hostile family of ``tests/robust_hostile.py`` is extracted at 1x, 4x and 16x its base
size (16x reaches the sizes of the robustness issue: a 50 MB page, a 10 MB text node,
1,000,000 elements, nesting 100,000 deep), each run in a fresh interpreter so that peak
memory is that run's own. Linear behaviour shows as a time ratio 16x/1x near 16 (less when
fixed costs dominate the 1x run); anything near 256 is quadratic.

    python benchmarks/robustness.py                    # every family, 1x 4x 16x
    python benchmarks/robustness.py --scales 1,4 deep_divs giant_table
    python benchmarks/robustness.py --no-budget        # Options(time_budget=None)

Columns: input size, CPU seconds of `extract` alone (decode to serialise; process time, so
other load on the machine does not bend the curve), peak RSS of the process minus the RSS
before the call (MB), and ``T`` when the result was marked truncated.
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


def _peak_mb() -> float:
    """Peak resident memory of this process (MB): Linux's VmHWM, which, unlike ru_maxrss,
    does not start from the parent's peak in a spawned child."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kib = next((line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")), 0)
    return int(kib) / 1024


def run_one(path: Path, budget: bool) -> dict[str, object]:
    """Extract the page in `path` in this process; the measures as a dict."""
    data = path.read_bytes()
    options = declutter.Options() if budget else declutter.Options(time_budget=None)
    baseline = _peak_mb()
    start = time.process_time()
    article = declutter.extract(data, options=options)
    seconds = time.process_time() - start
    return {
        "input_mb": len(data) / 1e6, "seconds": seconds, "peak_mb": _peak_mb() - baseline,
        "truncated": article.truncated, "body": len(article.body),
    }  # fmt: skip


def _spawn(family: str, scale: float, budget: bool, timeout: float) -> dict[str, object]:
    """Generate the page here, extract it in a fresh interpreter (its own peak memory)."""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_bytes(robust_hostile.FAMILIES[family](scale))
        cmd = [sys.executable, __file__, "--one", str(page)] + ([] if budget else ["--no-budget"])
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return {"error": f"timeout>{timeout:g}s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        return {"error": last[:60]}
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _cell(result: dict[str, object]) -> str:
    if "error" in result:
        return f"{result['error']:>28}"
    flag = "T" if result["truncated"] else " "
    return f"{result['input_mb']:7.2f}MB {result['seconds']:7.2f}s {result['peak_mb']:6.0f}MB{flag}"


def _ratio(results: list[dict[str, object]]) -> str:
    first, last = results[0].get("seconds"), results[-1].get("seconds")
    if not isinstance(first, float) or not isinstance(last, float):
        return "       -"
    return f"{last / max(first, 1e-3):8.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("families", nargs="*", help="default: all of robust_hostile.FAMILIES")
    parser.add_argument("--scales", default="1,4,16")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run")
    parser.add_argument("--no-budget", action="store_true", help="Options(time_budget=None)")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, not args.no_budget)))
        return
    scales = [float(s) for s in args.scales.split(",")]
    families = args.families or list(robust_hostile.FAMILIES)
    header = "".join(f"{f'{s:g}x':>29}" for s in scales)
    print(f"{'family':26}{header}  cpu {scales[-1]:g}x/{scales[0]:g}x", flush=True)
    for family in families:
        results = [_spawn(family, s, not args.no_budget, args.timeout) for s in scales]
        print(
            f"{family:26}{''.join(' ' + _cell(r) for r in results)}  {_ratio(results)}", flush=True
        )


if __name__ == "__main__":
    main()
