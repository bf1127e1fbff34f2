"""``--site-memory``: declutter with and without a `SiteMemory`, on the pages of a dataset
whose site (`declutter._site.site_of` of the page's URL) has at least two pages there."""

from __future__ import annotations

from collections import Counter

import declutter

from .._site import site_of
from ._data import Dataset
from ._tools import Tool, declutter_with

__all__ = ["SITE_MEMORY_TOOL", "same_site_pages", "with_site_memory"]

SITE_MEMORY_TOOL = "declutter+site-memory"
_MIN_GROUP = 2
"""Pages a site needs in a dataset to be measured: a memory never learns from one page."""


def same_site_pages(dataset: Dataset) -> Dataset:
    """The pages of `dataset` whose site has at least `_MIN_GROUP` pages in it (pages without
    a URL, or whose URL has no host, are of no known site and left out)."""
    sites = Counter(site_of(p.url) for p in dataset.pages)
    pages = tuple(
        p for p in dataset.pages if site_of(p.url) and sites[site_of(p.url)] >= _MIN_GROUP
    )
    return Dataset(dataset.name, dataset.kind, pages)


def with_site_memory(tool: Tool, dataset: Dataset) -> Tool:
    """The declutter `tool` with a memory learned from every page of `dataset` first, as a
    caller does: learn from the whole batch, then extract with it."""
    memory = declutter.SiteMemory()
    for page in dataset.pages:
        memory.learn(declutter.extract(page.html, url=page.url), page.url)
    return Tool(SITE_MEMORY_TOOL, tool.version, declutter_with(memory), tool.fields)
