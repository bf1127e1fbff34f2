"""Quality floors: what declutter scores now, and the floors pinned a little below it.

    python tests/quality/floors.py   # re-measure and rewrite tests/quality/quality_floor.json

Run it after an improvement to raise the floors (and commit the JSON with the change that
earned it), or after a deliberate change of the corpus (the sha256 is pinned with the floors).
test_quality_floor.py and test_fixtures.py measure with these same functions.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import declutter
from declutter.bench import body_prf, corpus_sha256, load_dataset, load_tools, run_tool
from declutter.testing import PortalPage, portal_pages

FLOOR_FILE = Path(__file__).with_name("quality_floor.json")
PINNED = {
    "scrapinghub": ("f1",),
    "trafilatura-dev": ("f1", "title_acc", "author_acc", "date_acc"),
    "zh": ("body_f1_pct", "title_pct", "author_pct", "date_pct"),
}
"""Summary values pinned per dataset (a value measured at 0 is not pinned: it cannot drop)."""
MARGIN = {"scrapinghub": 0.005, "trafilatura-dev": 0.005, "zh": 0.5}
"""How far below the measured value a floor sits (zh summaries are in percent)."""
PAGE_MARGIN = 0.02
"""Per fixture page: floor = measured body bigram F1 minus this, rounded down to 0.01."""


def measure_dataset(name: str) -> tuple[str, dict[str, float]]:
    """(corpus sha256, declutter's summary) on dataset `name`."""
    dataset = load_dataset(name)
    tools, _ = load_tools(["declutter"])
    return corpus_sha256(dataset), run_tool(tools[0], dataset).summary


def page_f1(page: PortalPage) -> float:
    """Whitespace-free character-bigram F1 of declutter's body against the expected body."""
    doc = declutter.extract(page.html, url=page.expected.get("url"))
    return body_prf(doc.body, page.expected.get("body"))[2]


def _floor(value: float, margin: float, digits: int) -> float:
    scale = 10.0**digits
    return math.floor((value - margin) * scale) / scale


def _dataset_entry(name: str) -> dict[str, Any]:
    sha256, summary = measure_dataset(name)
    measured = {k: summary[k] for k in PINNED[name] if summary[k] > 0}
    digits = 1 if name == "zh" else 3
    return {
        "sha256": sha256,
        "measured": measured,
        "min": {k: _floor(v, MARGIN[name], digits) for k, v in measured.items()},
    }


def main() -> None:
    pages = {p.name: _floor(page_f1(p), PAGE_MARGIN, 2) for p in portal_pages()}
    out = {
        "about": "written by tests/quality/floors.py: floors a margin below declutter's measured figures",
        "datasets": {name: _dataset_entry(name) for name in PINNED},
        "pages": pages,
    }
    FLOOR_FILE.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
