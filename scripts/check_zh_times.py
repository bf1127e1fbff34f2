#!/usr/bin/env python3
"""Time-of-day check on the Chinese set: the gold HH:MM against declutter's date, per page.

    python scripts/check_zh_times.py [--dataset DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys

import declutter

_HHMM = re.compile(r"T(\d\d:\d\d)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dataset", default="/work/shared/bench/zh")
    a = ap.parse_args(argv)
    hits = total = 0
    for name in sorted(os.listdir(a.dataset)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(a.dataset, name), encoding="utf-8") as f:
            gold = json.load(f)
        with open(os.path.join(a.dataset, name[:-5] + ".html"), "rb") as f:
            doc = declutter.extract(f.read(), url=gold.get("url"))
        want = _HHMM.search(gold.get("date") or "")
        if want is None:
            continue
        got = _HHMM.search(doc.date or "")
        total += 1
        ok = got is not None and got.group(1) == want.group(1) and (doc.date or "")[:10] == gold["date"][:10]
        hits += ok
        if not ok:
            print(f"{name[:-5]:40} {doc.date!r} ({doc.date_source}) != {gold['date']!r}")
    print(f"time of day: {hits}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
