"""`Options`: frozen, validated, derived with `replace`."""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import fields

import pytest

import declutter
from declutter import Options


def test_options_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Options().max_bytes = 1  # type: ignore[misc]


def test_options_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Options(100)  # type: ignore[misc]


def test_unknown_option_is_refused() -> None:
    with pytest.raises(TypeError):
        Options(no_such_option=1)  # type: ignore[call-arg]


@pytest.mark.parametrize("field", ["max_bytes", "block_cost", "max_link_ratio", "time_budget"])
def test_negative_option_is_refused(field: str) -> None:
    with pytest.raises(ValueError, match=field):
        Options(**{field: -1})
    with pytest.raises(ValueError, match=field):
        Options().replace(**{field: -1})


def test_replace_returns_a_changed_copy() -> None:
    base = Options()
    changed = base.replace(max_link_ratio=0.4, include_captions=True)
    assert (changed.max_link_ratio, changed.include_captions) == (0.4, True)
    assert (base.max_link_ratio, base.include_captions) == (0.5, False)
    assert changed.block_cost == base.block_cost


def test_default_options_are_the_defaults() -> None:
    assert Options() == declutter.DEFAULT_OPTIONS
    assert Options(time_budget=None).time_budget is None


def test_options_change_the_result() -> None:
    html = (
        "<html><body><article>"
        "<p>First paragraph of the story, with a comma, and enough words.</p>"
        "<figure><img src=a><figcaption>The bridge at dawn, seen from the bank.</figcaption>"
        "</figure><p>Second paragraph of the story, with a comma, and enough words.</p>"
        "</article></body></html>"
    )
    assert "The bridge at dawn" not in declutter.extract(html).body
    with_captions = declutter.extract(html, options=Options(include_captions=True))
    assert "The bridge at dawn, seen from the bank." in with_captions.body


def test_zero_and_switches_are_valid() -> None:
    options = Options(max_link_ratio=0.0, time_budget=None, prune_by_class=False)
    assert (options.max_link_ratio, options.time_budget, options.prune_by_class) == (
        0.0,
        None,
        False,
    )


def test_prune_by_class_switch() -> None:
    html = (
        '<html><body><div class="share-box"><p>Share this story with your friends, now.</p></div>'
        "<article><p>The story itself, with a comma, and enough words to be prose.</p>"
        "<p>Its second paragraph, also with a comma, and more words.</p></article></body></html>"
    )
    pruned = declutter.extract(html).blocks[0]
    assert (pruned.kind, pruned.reason, pruned.pruned_by) == ("pruned", "pruned", "class:share")
    kept_chrome = declutter.extract(html, options=Options(prune_by_class=False)).blocks[0]
    assert kept_chrome.kind == "paragraph"


@pytest.mark.parametrize(
    "field", ["distant_ancestor_divisor", "headline_min_coverage", "document_full_length"]
)
def test_a_divisor_must_be_positive(field: str) -> None:
    with pytest.raises(ValueError, match=field):
        Options(**{field: 0})


@pytest.mark.parametrize(
    "field", [f.name for f in fields(Options) if f.type in ("float", "float | None")]
)
@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, 1e300])
def test_every_float_option_is_finite_and_in_range(field: str, value: float) -> None:
    with pytest.raises(ValueError, match=f"Options.{field} must"):
        Options(**{field: value})


@pytest.mark.parametrize(
    ("field", "value"),
    [("max_link_ratio", 1.5), ("parse_budget_share", 2.0), ("date_clock_skew_hours", 1e5)],
)
def test_declared_ranges(field: str, value: float) -> None:
    with pytest.raises(ValueError, match=f"Options.{field} must be at most"):
        Options(**{field: value})
    Options(**{field: 0.0})


@pytest.mark.parametrize("field", ["link_weight", "block_cost", "punctuation_weight"])
def test_the_largest_weight_gives_finite_scores_and_json(field: str) -> None:
    page = (
        "<body><div><p>One sentence, with a comma, in a paragraph.</p><p>Two, too.</p></div></body>"
    )
    article = declutter.extract(page, options=Options(**{field: 1e6}))
    assert all(math.isfinite(b.score) for b in article.blocks)
    json.loads(article.to_json(include_blocks=True))


@pytest.mark.parametrize("change", [{"ancestor_levels": 2**40}, {"max_attributes": 2**40}])
def test_extreme_options_give_an_article(change: dict[str, object]) -> None:
    """Limits far beyond any page are no limit: no overflow, no giant allocation."""
    page = "<body><div><p>One sentence, with a comma, in a paragraph.</p></div></body>"
    assert declutter.extract(page, options=Options(**change)).body  # type: ignore[arg-type]


def test_every_field_declares_its_section_and_help() -> None:
    from dataclasses import fields

    from declutter._options import SECTIONS, help_of, section_of

    declared = [section_of(f) for f in fields(Options)]
    assert set(declared) == set(SECTIONS)
    assert all(help_of(f) for f in fields(Options))


def test_block_paths_name_as_many_levels_as_the_option_says() -> None:
    html = (
        "<body><div><section><div><article><div><p>"
        + "Deep text, with a comma. " * 6
        + "</p></div></article></div></section></div></body>"
    )
    deep = declutter.extract(html).blocks[0].path
    short = declutter.extract(html, options=Options(block_path_levels=2)).blocks[0].path
    assert short == "…>" + ">".join(deep.split(">")[-2:]) and len(deep.split(">")) > 3


def test_site_names_shorter_than_the_option_are_not_searched_inside_title_segments() -> None:
    from declutter._headline import keys_of

    title = "Tageblatt Online - Budget vote delayed again"  # a first segment naming the site
    compared = keys_of([title], sites=["Tageblatt"], options=Options(site_name_min_chars=9))
    ignored = keys_of([title], sites=["Tageblatt"], options=Options(site_name_min_chars=10))
    assert "tageblattonline" not in compared.keys and "tageblattonline" in ignored.keys
    # a segment that is the site's name names it, however short the name
    exact = keys_of(
        ["Tageblatt - Budget vote delayed again"],
        sites=["Tageblatt"],
        options=Options(site_name_min_chars=10),
    )
    assert "tageblatt" not in exact.keys
