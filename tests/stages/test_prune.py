"""Stage 3, prune: which subtrees are chrome or invisible."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from _helpers import segment_html
from declutter._prune import PrunePlan, plan
from declutter._reasons import Pruned, PruneKind


def _plan(html: str, *, vocabulary: bool = True) -> tuple[PrunePlan, dict[str, int]]:
    """The plan for `html`, and the element ids of the elements labelled ``data-t``."""
    tree = LexborHTMLParser(html)
    result = plan(tree, use_vocabulary=vocabulary)
    return result, {n.attributes["data-t"]: n.mem_id for n in tree.css("[data-t]")}


def decisions(html: str, *, vocabulary: bool = True) -> dict[str, str | None]:
    """Prune reason (structural, else vocabulary) of every element labelled ``data-t``."""
    tree = LexborHTMLParser(html)
    result = plan(tree, use_vocabulary=vocabulary)
    out = {}
    for node in tree.css("[data-t]"):
        attrs = node.attributes
        classes = " ".join(v for v in (attrs.get("class"), attrs.get("id")) if v)
        reason = result.structural.get(node.mem_id) or result.vocabulary(
            node.mem_id, node.tag, classes
        )
        out[attrs["data-t"]] = None if reason is None else str(reason)  # kind:detail
    return out


@pytest.mark.parametrize(
    ("element", "reason"),
    [
        ("<div hidden>x</div>", "hidden"),
        ('<div aria-hidden="true">x</div>', "hidden"),
        ('<div aria-hidden="false">x</div>', None),
        ('<div style="display:none">x</div>', "hidden"),
        ('<div style="color: red; DISPLAY : None !important">x</div>', "hidden"),
        ('<div style="visibility: hidden">x</div>', "hidden"),
        ('<div style="display:block; color:red">x</div>', None),
        ('<input type="hidden" value="x">', "hidden"),
        ("<span hidden>x</span>", "hidden"),
    ],
)
def test_invisible_elements(element: str, reason: str | None) -> None:
    html = f"<body>{element.replace('>', ' data-t=e>', 1)}</body>"
    assert decisions(html)["e"] == reason


@pytest.mark.parametrize("tag", ["nav", "footer", "aside", "menu"])
def test_chrome_tags(tag: str) -> None:
    html = f"<body><{tag} data-t=e><p>Home About Contact</p></{tag}></body>"
    assert decisions(html)["e"] == f"chrome:{tag}"


@pytest.mark.parametrize("tag", ["header", "section", "div", "main", "article"])
def test_other_structural_tags_are_not_chrome(tag: str) -> None:
    html = f"<body><{tag} data-t=e><p>Some text</p></{tag}></body>"
    assert decisions(html)["e"] is None


@pytest.mark.parametrize(
    ("role", "reason"),
    [
        ("navigation", "role:navigation"),
        ("banner", "role:banner"),
        ("contentinfo", "role:contentinfo"),
        ("complementary", "role:complementary"),
        ("search", "role:search"),
        ("dialog", "role:dialog"),
        (" Navigation ", "role:navigation"),  # trimmed, case-folded
        ("main", None),
        ("article", None),
        ("presentation", None),
    ],
)
def test_aria_roles(role: str, reason: str | None) -> None:
    html = f'<body><div role="{role}" data-t=e>text</div></body>'
    assert decisions(html)["e"] == reason


def test_class_vocabulary_prunes_chrome_containers() -> None:
    html = '<body><div class="sidebar" data-t=e><p>Popular posts</p></div></body>'
    assert decisions(html)["e"] == "class:sidebar"


def test_id_attribute_counts_like_class() -> None:
    html = '<body><div id="comments" data-t=e><p>Leave a reply</p></div></body>'
    assert decisions(html)["e"] == "class:comments"


def test_vocabulary_tier_can_be_switched_off() -> None:
    html = (
        '<body><div class="sidebar" data-t=a>x</div><nav data-t=b>y</nav>'
        "<div hidden data-t=c>z</div></body>"
    )
    assert decisions(html, vocabulary=False) == {"a": None, "b": "chrome:nav", "c": "hidden"}


@pytest.mark.parametrize(
    "landmark",
    [
        "<h1>The headline</h1>",
        "<article><p>The story.</p></article>",
        "<main><p>The story.</p></main>",
        '<div itemprop="articleBody"><p>The story.</p></div>',
    ],
)
def test_element_enclosing_a_landmark_is_never_pruned_by_class(landmark: str) -> None:
    html = (
        f'<body><div class="content-sidebar-wrap" data-t=outer><div class="widget" data-t=inner>'
        f'{landmark}</div></div><div class="widget" data-t=other><p>Ad</p></div></body>'
    )
    result = decisions(html)
    assert result["outer"] is None
    assert result["inner"] is None
    assert result["other"] == "class:widget"  # the same class elsewhere still prunes


def test_forms_are_pruned_unless_they_wrap_the_article() -> None:
    """A sign-up or search form is chrome; a form around the whole page (ASP.NET wraps every
    page in one) encloses the headline and stays."""
    html = (
        "<body><form data-t=page><h1>Headline</h1><p>The story.</p></form>"
        "<form data-t=signup><p>Your e-mail, please.</p></form></body>"
    )
    result = decisions(html)
    assert result["page"] is None
    assert result["signup"] == "form"
    assert decisions(html, vocabulary=False)["signup"] is None


def test_protection_does_not_leak_through_the_class_cache() -> None:
    """Decisions are cached by class string; a protected element with the same class as an
    earlier pruned one is still protected, and vice versa."""
    html = (
        '<body><div class="left-sidebar" data-t=a><p>x</p></div>'
        '<div class="left-sidebar" data-t=b><h1>Headline</h1></div>'
        '<div class="left-sidebar" data-t=c><p>y</p></div></body>'
    )
    tree = LexborHTMLParser(html)
    result = plan(tree)
    nodes = {n.attributes["data-t"]: n for n in tree.css("[data-t]")}
    for label in "abc":  # document order, as the segment walk asks
        node = nodes[label]
        expected = None if label == "b" else Pruned(PruneKind.CLASS, "sidebar")
        assert result.vocabulary(node.mem_id, "div", "left-sidebar") == expected


@pytest.mark.parametrize("tag", ["article", "main", "body"])
def test_never_pruned_tags_ignore_their_class(tag: str) -> None:
    result, _ = _plan("<body><p>x</p></body>")
    assert result.vocabulary(12345, tag, "comments sidebar") is None


def test_structural_prune_is_not_protected_by_landmarks() -> None:
    """Invisible stays invisible even around the headline."""
    html = "<body><div hidden data-t=e><h1>Old headline</h1></div></body>"
    assert decisions(html)["e"] == "hidden"


def test_overruled_element_is_not_pruned_by_class() -> None:
    result, ids = _plan('<body><div class="share" data-t=e>x</div></body>')
    assert result.vocabulary(ids["e"], "div", "share") == Pruned(PruneKind.CLASS, "share")
    result.overruled.add(ids["e"])
    assert result.vocabulary(ids["e"], "div", "share") is None


def test_pruned_container_becomes_one_pruned_block_with_its_reason() -> None:
    seg = segment_html(
        "<body><p>Before.</p><div class=share-tools><p>Share</p><p>Tweet</p></div>"
        "<p>After.</p></body>"
    )
    assert [(b.text, b.kind, b.pruned) for b in seg.blocks] == [
        ("Before.", "paragraph", None),
        ("Share Tweet", "pruned", Pruned(PruneKind.CLASS, "share")),
        ("After.", "paragraph", None),
    ]


def test_hidden_inline_element_disappears_from_its_sentence() -> None:
    seg = segment_html(
        '<body><p>The quick <span style="display:none">SECRET</span>brown '
        '<span aria-hidden="true">icon</span>fox.</p></body>'
    )
    assert [b.text for b in seg.blocks] == ["The quick brown fox."]


def test_script_source_is_not_in_a_pruned_block() -> None:
    seg = segment_html(
        "<body><nav><a href=/>Home</a><script>var menu = 'open';</script>"
        "<style>.x{color:red}</style></nav></body>"
    )
    assert [b.text for b in seg.blocks] == ["Home"]
