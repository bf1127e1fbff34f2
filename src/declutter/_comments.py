"""Stage 10b, comments (only with `Options.include_comments`): the readers' comments on the
page, as records of their own. It reads the DOM and nothing else: the body never changes.

1. Sections: the outermost elements whose class or id names comments (``comments``,
   ``commentlist``, ``disqus_thread``) or whose microdata is a schema.org ``Comment`` or
   ``UserComments``; not one around the start of the article's kept text (a page-wide
   wrapper such as ``<body class="comments-open">``), and nothing inside a form (a reply
   form is not a comment).
2. Comments: inside a section, the elements named or marked up as a comment that read as
   one (some text, and an author or a date) and hold text of their own besides the others
   (a ``commentlist`` around them is a wrapper); the outermost are comments, and so are
   their replies, nested elements of the same kind (tag and first class word). A section
   that names no comment inside falls back to its widest run of same-tag children that
   carry text (repeated items), and a section that reads as one comment is one.
3. Each comment's author (``itemprop=author``, a ``<cite>``, or an element named
   ``author``/``name``/``fn``/``user``), date (a ``<time>``, ``itemprop=datePublished``, or
   an element named ``date``/``time`` whose text has a date) and text: the rest, one line
   per block element, without the replies, the author and date, reply links, buttons and
   forms.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import _textstats, _vocab
from ._model import Comment
from ._options import Options
from ._segment import Segmentation

__all__ = ["extract_comments", "page_comments"]

_NOT_A_COMMENT = _vocab.ClassVocabulary(_vocab.COMMENT_NOT_ITEM_CLASS)
"""Named after comments but not one: the form, the count, the link, the section's title."""
_FURNITURE = _vocab.ClassVocabulary(_vocab.COMMENT_FURNITURE_CLASS)
_AUTHOR = _vocab.ClassVocabulary(_vocab.COMMENT_AUTHOR_CLASS)
_DATE = _vocab.ClassVocabulary(_vocab.COMMENT_DATE_CLASS)
_SKIPPED_TAGS = frozenset(
    ("form", "textarea", "button", "select", "input", "script", "style", "noscript", "template",
     "svg", "iframe", "head", "title")
)  # fmt: skip
_SCHEMA_TYPES = ("schema.org/Comment", "schema.org/UserComments")
_SCHEMA_PROPS = frozenset(("comment", "comments"))
_CANDIDATES = "[class], [id], [itemtype], [itemprop]"


def page_comments(
    tree: LexborHTMLParser, seg: Segmentation, options: Options
) -> tuple[Comment, ...]:
    """`extract_comments` of the page whose segmentation is `seg`, or none unless
    `Options.include_comments` asks for them."""
    if not options.include_comments:
        return ()
    nodes = (seg.containers[b.container].node for b in seg.blocks if b.kept)
    return extract_comments(tree, [n for n in nodes if n is not None], options)


def extract_comments(
    tree: LexborHTMLParser, kept: Sequence[LexborNode], options: Options
) -> tuple[Comment, ...]:
    """The reader comments of the page, in page order (at most `Options.comments_max_count`);
    `kept` are the elements that hold the body's kept text, in page order."""
    root = tree.body
    if root is None:
        return ()
    # a box around the article's start is the page (or the post), not its comments; one
    # around later kept text may be comments the body took in
    around_article = _ancestors(kept[:1])
    named = [n for n in _elements(root) if _is_named_comment(n) and n.mem_id not in around_article]
    named_ids = {n.mem_id for n in named}
    comments: list[Comment] = []
    for section in _outermost(named, named_ids, None):
        if _inside_form(section):
            continue
        items = _items(section, named_ids, options)
        for item in items:
            comment = _comment(item, items, options)
            if comment.text:
                comments.append(comment)
        if len(comments) >= options.comments_max_count:
            break
    return tuple(comments[: options.comments_max_count])


def _elements(root: LexborNode) -> list[LexborNode]:
    """The elements below `root` with a class, id or microdata, each once, in page order."""
    seen: set[int] = set()
    out = []
    for node in root.css(_CANDIDATES):  # a node matching two of the selectors comes twice
        if node.mem_id not in seen:
            seen.add(node.mem_id)
            out.append(node)
    return out


def _class_tokens(node: LexborNode) -> list[str]:
    attrs = node.attributes
    return _vocab.class_tokens(f"{attrs.get('class') or ''} {attrs.get('id') or ''}")


def _kind_tokens(node: LexborNode) -> list[str]:
    """Words of the first class word and the id: what the element is (its other classes
    describe it: "comment byuser comment-author-admin" is a comment, not an author)."""
    attrs = node.attributes
    words = (attrs.get("class") or "").split()
    return _vocab.class_tokens(f"{words[0] if words else ''} {attrs.get('id') or ''}")


def _is_named_comment(node: LexborNode) -> bool:
    """Named a comment (and not the comment form, count or link), or marked up as one."""
    attrs = node.attributes
    itemtype = attrs.get("itemtype") or ""
    if (
        any(kind in itemtype for kind in _SCHEMA_TYPES)
        or (attrs.get("itemprop") or "") in _SCHEMA_PROPS
    ):
        return True
    if node.tag in _SKIPPED_TAGS:
        return False
    tokens = _class_tokens(node)
    if not tokens or _vocab.COMMENT_WORDS.match(tokens) is None:
        return False
    kind = _kind_tokens(node)  # "comment-timestamp", "comment-author": a comment's part
    return all(v.match(kind) is None for v in (_NOT_A_COMMENT, _AUTHOR, _DATE))


def _ancestors(nodes: Iterable[LexborNode]) -> set[int]:
    """``mem_id`` of every node and of all its ancestors."""
    out: set[int] = set()
    for node in nodes:
        current: LexborNode | None = node
        while current is not None and current.mem_id not in out:
            out.add(current.mem_id)
            current = current.parent
    return out


def _outermost(
    nodes: list[LexborNode], ids: set[int], within: LexborNode | None
) -> list[LexborNode]:
    """The `nodes` with no ancestor among `ids` below `within` (the whole page when None)."""
    stop = within.mem_id if within is not None else -1
    out = []
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id != stop and parent.mem_id not in ids:
            parent = parent.parent
        if parent is None or parent.mem_id == stop:
            out.append(node)
    return out


def _inside_form(node: LexborNode) -> bool:
    current: LexborNode | None = node
    while current is not None:
        if current.tag == "form":
            return True
        current = current.parent
    return False


def _kind(node: LexborNode) -> tuple[str, str]:
    """Tag and first class word without digits: what one kind of comment is called across
    a page (its other classes say "even", "depth-2", "byuser")."""
    words = (node.attributes.get("class") or "").split()
    return node.tag or "", "".join(ch for ch in words[0] if not ch.isdigit()) if words else ""


def _items(section: LexborNode, named: set[int], options: Options) -> list[LexborNode]:
    """The comments of a section (see the module's documentation, step 2)."""
    below = [n for n in _elements(section) if n.mem_id in named and n.mem_id != section.mem_id]
    readable = [n for n in below if _reads_as_comment(n, options)]
    # a wrapper around comments has no text of its own besides theirs, and a comment's
    # dateline or signature none besides its date and author
    items = [n for n in readable if _own_length(n, readable, options) >= options.comment_min_length]
    if not items:
        if _reads_as_comment(section, options):
            return [section]
        return _repeated_children(section, options)
    item_ids = {n.mem_id for n in items}
    tops = _outermost(items, item_ids, section)
    kinds = {_kind(n) for n in tops}
    top_ids = {n.mem_id for n in tops}
    return [n for n in items if n.mem_id in top_ids or _kind(n) in kinds]


def _own_length(node: LexborNode, others: list[LexborNode], options: Options) -> int:
    return _textstats.measure(_comment(node, others, options).text)


def _reads_as_comment(node: LexborNode, options: Options) -> bool:
    """Some text, and an author or a date: a comment, not a section's heading or count."""
    text = node.text(separator=" ")
    if _textstats.measure(text) < options.comment_min_length:
        return False
    window = options.comment_date_window  # a signature line opens or closes a comment
    return (
        _author(node, set()) is not None
        or _date(node, set(), options) is not None
        or _vocab.DATE_IN_LINE.search(text[:window]) is not None
        or _vocab.DATE_IN_LINE.search(text[-window:]) is not None
    )


def _repeated_children(section: LexborNode, options: Options) -> list[LexborNode]:
    """The widest run of same-tag element children that carry text, at the shallowest
    level below the section that has one: comments the page does not name."""
    level = [section]
    for _ in range(options.comment_list_max_depth):
        best: list[LexborNode] = []
        for parent in level:
            groups: dict[str, list[LexborNode]] = {}
            for child in parent.iter():
                if child.tag not in _SKIPPED_TAGS and _reads_as_comment(child, options):
                    groups.setdefault(child.tag or "", []).append(child)
            best = max([best, *groups.values()], key=len)
        if len(best) >= options.comment_min_items:
            return best
        level = [child for parent in level for child in parent.iter()]
    return []


def _comment(item: LexborNode, items: list[LexborNode], options: Options) -> Comment:
    others = {n.mem_id for n in items if n.mem_id != item.mem_id}
    author, date = _author(item, others), _date(item, others, options)
    skipped = set(others)
    if author is not None:
        skipped.add(author[1].mem_id)
    if date is not None:
        skipped.add(date.mem_id)
    return Comment(
        text="\n".join(_lines(item, skipped)),
        author=_short_text(author[0], options) if author is not None else None,
        date=_date_value(date, options) if date is not None else None,
    )


def _author(item: LexborNode, skip: set[int]) -> tuple[LexborNode, LexborNode] | None:
    """(the name, the box it sits in): the element that names the comment's author, and
    inside one ("comment-author vcard": avatar, name, "says:") a more precise one
    (``cite.fn``) if there is one."""
    for node in _parts(item, skip):
        if (node.attributes.get("itemprop") or "") in ("author", "creator") or node.tag == "cite":
            return node, node
        tokens = _kind_tokens(node)
        if tokens and _AUTHOR.match(tokens) is not None and _DATE.match(tokens) is None:
            inner = _author(node, skip)
            return (inner[0] if inner else node), node
    return None


def _date(item: LexborNode, skip: set[int], options: Options) -> LexborNode | None:
    for node in _parts(item, skip):
        if node.tag == "time" or (node.attributes.get("itemprop") or "") in (
            "datePublished",
            "dateCreated",
        ):
            return node
        tokens = _kind_tokens(node)
        if tokens and _DATE.match(tokens) is not None:
            text = node.text(separator=" ")
            if _textstats.measure(
                text
            ) <= options.comment_date_max_length and _vocab.DATE_IN_LINE.search(text):
                return node
    return None


def _parts(item: LexborNode, skip: set[int]) -> Iterator[LexborNode]:
    """The elements below `item`, outside `skip` (the other comments), in page order."""
    stack = list(reversed(list(item.iter())))
    while stack:
        node = stack.pop()
        if node.mem_id in skip or node.tag in _SKIPPED_TAGS:
            continue
        yield node
        stack.extend(reversed(list(node.iter())))


def _short_text(node: LexborNode, options: Options) -> str | None:
    text = _textstats.normalise_space(node.text(separator=" "))
    return text if text and _textstats.measure(text) <= options.comment_author_max_length else None


def _date_value(node: LexborNode, options: Options) -> str | None:
    """The date as the page states it: a ``<time>``'s ``datetime`` (or microdata
    ``content``), else its text."""
    stamp = (node.attributes.get("datetime") or node.attributes.get("content") or "").strip()
    return stamp or _short_text(node, options)


def _lines(item: LexborNode, skip: set[int]) -> Iterator[str]:
    """The text below `item`, one line per block element, without `skip`, forms, buttons
    and the elements named as a comment's furniture (reply link, votes, "report")."""
    parts: list[str] = []
    for text in _texts(item, skip):
        if text is not None:
            parts.append(text)
            continue
        line = _textstats.normalise_space("".join(parts))
        parts.clear()
        if line and not _vocab.is_label_line(line):
            yield line
    line = _textstats.normalise_space("".join(parts))
    if line and not _vocab.is_label_line(line):
        yield line


def _texts(item: LexborNode, skip: set[int]) -> Iterator[str | None]:
    """The text nodes below `item` in page order, None at each block boundary."""
    stack: list[tuple[LexborNode, bool]] = [
        (c, False) for c in reversed(list(item.iter(include_text=True)))
    ]
    while stack:
        node, closing = stack.pop()
        if closing:
            yield None
        elif node.is_text_node:
            yield node.text_content or ""
        elif node.is_element_node and node.mem_id not in skip and node.tag not in _SKIPPED_TAGS:
            tokens = _kind_tokens(node)
            if tokens and _FURNITURE.match(tokens) is not None:
                continue
            if node.tag in _vocab.BLOCK_TAGS or node.tag == "br":
                yield None
                stack.append((node, True))
            stack.extend((c, False) for c in reversed(list(node.iter(include_text=True))))
