"""`declutter.SiteMemory`: lines repeated in the bodies of a site's pages, learned first and
removed when extracting, the same whatever the order, bounded, picklable, the caller's own.

The pages are real: pairs of same-site pages of the ScrapingHub set, whose gold bodies leave
out the furniture line the memory finds."""

from __future__ import annotations

import itertools
import pickle
from collections.abc import Sequence

import pytest

import declutter
from declutter import Reason, SiteMemory, SiteMemorySettings
from declutter._site import learned
from declutter.bench import BenchPage, load_dataset

Page = tuple[bytes, str]
MOREBIKES_LINE = "Get Motor Cycle Monthly delivered through your letterbox every month."
AUTORACING_LINE = "ATENÇÃO: Comentários com textos ininteligíveis"


@pytest.fixture(scope="module")
def scrapinghub() -> tuple[BenchPage, ...]:
    return load_dataset("scrapinghub").pages


def _site(pages: Sequence[BenchPage], host: str) -> list[Page]:
    found = [(p.html, p.url) for p in pages if p.url and f"//{host}/" in p.url.replace("www.", "")]
    assert len(found) == 2, host
    return found  # type: ignore[return-value]  # the pages with a URL


@pytest.fixture(scope="module")
def morebikes(scrapinghub: tuple[BenchPage, ...]) -> list[Page]:
    return _site(scrapinghub, "morebikes.co.uk")


@pytest.fixture(scope="module")
def autoracing(scrapinghub: tuple[BenchPage, ...]) -> list[Page]:
    return _site(scrapinghub, "autoracing.com.br")


def _learned(pages: Sequence[Page], settings: SiteMemorySettings | None = None) -> SiteMemory:
    memory = SiteMemory(settings)
    for html, url in pages:
        memory.learn(declutter.extract(html, url=url), url)
    return memory


def _with_paragraph(html: bytes, text: str) -> bytes:
    """The page with one more paragraph at the start of its article's text."""
    marker = b'<div class="entry-content clearfix">'
    assert marker in html
    return html.replace(marker, marker + f"<p>{text}</p>".encode(), 1)


def _paragraphs(body: str) -> list[str]:
    return body.split("\n\n")


def test_a_repeated_furniture_line_goes_and_the_article_stays(
    morebikes: list[Page], scrapinghub: tuple[BenchPage, ...]
) -> None:
    memory = _learned(morebikes)
    gold = {p.url: p.gold["articleBody"] for p in scrapinghub}
    for html, url in morebikes:
        plain = declutter.extract(html, url=url)
        cleaned = declutter.extract(html, url=url, site_memory=memory)
        assert MOREBIKES_LINE in plain.body and MOREBIKES_LINE not in cleaned.body
        assert MOREBIKES_LINE not in gold[url]  # the annotators left it out too
        # only the furniture went: every other paragraph is there, in order
        gone = [p for p in _paragraphs(plain.body) if p not in _paragraphs(cleaned.body)]
        assert len(gone) == 1 and gone[0].startswith(MOREBIKES_LINE)
        assert len(cleaned.body) > 0.8 * len(plain.body)


def test_removed_blocks_keep_their_features_and_say_why(morebikes: list[Page]) -> None:
    memory = _learned(morebikes)
    html, url = morebikes[0]
    plain = declutter.extract(html, url=url)
    cleaned = declutter.extract(html, url=url, site_memory=memory)
    removed = [b for b in cleaned.blocks if b.reason == Reason.SITE_BOILERPLATE]
    assert [b.text[: len(MOREBIKES_LINE)] for b in removed] == [MOREBIKES_LINE]
    (block,) = removed
    before = plain.blocks[block.index]
    assert not block.kept and before.kept
    assert block._replace(kept=True, reason=before.reason) == before  # features unchanged
    assert Reason.SITE_BOILERPLATE.meaning.startswith("Dropped:")


def test_explain_shows_the_reason(morebikes: list[Page]) -> None:
    from declutter._render import explain_table

    memory = _learned(morebikes)
    html, url = morebikes[1]
    table = explain_table(declutter.extract(html, url=url, site_memory=memory))
    assert "site-boilerplate" in table


def test_the_result_does_not_depend_on_the_order_of_the_pages(
    morebikes: list[Page], autoracing: list[Page]
) -> None:
    pages = morebikes + autoracing
    articles = [(declutter.extract(html, url=url), url) for html, url in pages]
    orders = [*itertools.permutations(articles), articles + articles[::-1]]  # twice counts once
    memories = []
    for order in orders:
        memory = SiteMemory()
        for article, url in order:
            memory.learn(article, url)
        memories.append(memory)
    first = learned(memories[0])
    assert first is not None and len(first.lines) == 2  # both sites have a line to remove
    assert all(learned(m) == first for m in memories[1:])
    bodies = {
        tuple(declutter.extract(h, url=u, site_memory=m).body for h, u in pages)
        for m in (memories[0], memories[-1])
    }
    assert len(bodies) == 1


def test_sites_are_apart(morebikes: list[Page], autoracing: list[Page]) -> None:
    """A line learned on one site is not removed from another site's pages."""
    memory = _learned(morebikes)
    html, _ = morebikes[0]
    elsewhere = declutter.extract(html, url="https://another.example/a", site_memory=memory)
    assert MOREBIKES_LINE in elsewhere.body
    assert memory.pages(morebikes[0][1]) == 2 and memory.pages("https://another.example/") == 0


def test_one_page_is_never_enough(morebikes: list[Page]) -> None:
    html, url = morebikes[0]
    memory = _learned([morebikes[0]] * 3)  # the same page, however often
    assert memory.pages() == 1
    assert declutter.extract(html, url=url, site_memory=memory) == declutter.extract(html, url=url)
    with pytest.raises(ValueError, match="min_pages"):
        SiteMemorySettings(min_pages=1)


def test_a_copy_of_the_article_is_not_boilerplate(morebikes: list[Page]) -> None:
    """The same article at two URLs, one with a line more: every line repeats, and that is a
    copy, not furniture, so the body stays whole."""
    html, url = morebikes[0]
    copy = _with_paragraph(html, "A line that only the copy of the review has, as its last one.")
    memory = _learned([(html, url), (copy, url + "?print=1")])
    assert memory.pages() == 2
    assert (
        declutter.extract(html, url=url, site_memory=memory).body
        == declutter.extract(html, url=url).body
    )


def _recipe(n: int) -> Page:
    """A recipe page of one site: its own text, a heading every recipe has, a furniture line."""
    dish, stir = f"A sentence about dish {n}, with words. " * 6, f"Stir the pot {n} times. " * 6
    html = (
        f"<html><body><article><h1>Recipe {n}</h1><p>{dish}</p><h2>Ingredients and method</h2>"
        f"<p>{stir}</p><p>Follow us on the social networks for more recipes every day.</p>"
        "</article></body></html>"
    )
    return html.encode(), f"https://recipes.example/{n}"


def test_headings_are_left_alone() -> None:
    pages = [_recipe(n) for n in range(3)]
    body = declutter.extract(pages[0][0], url=pages[0][1], site_memory=_learned(pages)).body
    assert "Ingredients and method" in body and "Stir the pot 0" in body
    assert "Follow us" not in body


def test_the_memory_is_bounded_by_a_sample_independent_of_order(
    morebikes: list[Page], autoracing: list[Page]
) -> None:
    settings = SiteMemorySettings(max_hosts=1, max_pages_per_host=2)
    extra = [
        (_with_paragraph(html, "One more line in this copy."), url + "?x")
        for html, url in morebikes
    ]
    pages = morebikes + extra + autoracing
    articles = [(declutter.extract(html, url=url), url) for html, url in pages]
    samples = []
    for order in itertools.permutations(articles):
        memory = SiteMemory(settings)
        for article, url in order:
            memory.learn(article, url)
        assert memory.pages() == 2  # one site, two of its pages
        samples.append(learned(memory))
    assert all(sample == samples[0] for sample in samples)


def test_pickling_round_trip_keeps_everything(
    morebikes: list[Page], autoracing: list[Page]
) -> None:
    memory = _learned(morebikes)
    copy = pickle.loads(pickle.dumps(memory))
    assert learned(copy) == learned(memory) and copy.settings == memory.settings
    html, url = morebikes[0]
    assert declutter.extract(html, url=url, site_memory=copy) == declutter.extract(
        html, url=url, site_memory=memory
    )
    for html, url in autoracing:  # the copy goes on learning as the original would
        copy.learn(declutter.extract(html, url=url), url)
    assert learned(copy) == learned(_learned(morebikes + autoracing))


@pytest.mark.parametrize("jobs", [1, 2])
def test_extract_many_takes_the_memory(
    morebikes: list[Page], autoracing: list[Page], jobs: int
) -> None:
    pages = morebikes + autoracing
    memory = SiteMemory()
    for result in declutter.extract_many(pages):  # first pass: learn
        assert result.article is not None
        memory.learn(result.article, result.url)
    results = list(declutter.extract_many(pages, jobs=jobs, chunk_size=1, site_memory=memory))
    serial = [declutter.extract(html, url=url, site_memory=memory) for html, url in pages]
    assert [r.article for r in results] == serial
    assert all(MOREBIKES_LINE not in a.body and AUTORACING_LINE not in a.body for a in serial)


def test_arguments_are_checked(morebikes: list[Page]) -> None:
    html, url = morebikes[0]
    with pytest.raises(TypeError, match="SiteMemory"):
        declutter.extract(html, url=url, site_memory="memory")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Article"):
        SiteMemory().learn(html, url)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="SiteMemorySettings"):
        SiteMemory({"min_pages": 3})  # type: ignore[arg-type]
