"""Named vocabularies: the generic words and tags the heuristics look for.

Every set is built from plain token tuples so it can be read, tested and extended in one
place. None of them names a site: they are the words web developers everywhere use for page
chrome (``nav``, ``share``, ``related``...) and the tags HTML gives structure with.
"""

from __future__ import annotations

import re

import regex

__all__ = [
    "BLOCK_TAGS",
    "BOILERPLATE_CLASS",
    "BOILERPLATE_CLASS_NOT_PREFIXES",
    "BOILERPLATE_CLASS_PREFIXES",
    "CALL_TO_ACTION",
    "COPYRIGHT",
    "PHOTO_CREDIT",
    "CAPTION_CLASS",
    "CHROME_TAGS",
    "CONTENT_CLASS",
    "CREDIT_LINE",
    "DATE_IN_LINE",
    "HEADING_TAGS",
    "IMAGE_CLASS",
    "INLINE_TAGS",
    "LEAD_CLASS",
    "LABEL_LINES",
    "LIST_TAGS",
    "NEVER_PRUNED_TAGS",
    "SENTENCE_END",
    "SKIP_TAGS",
    "VOID_SKIP_TAGS",
    "WEAK_BOILERPLATE_CLASS",
    "ClassVocabulary",
    "class_tokens",
    "is_label_line",
]

# Elements whose content is never article text.
SKIP_TAGS = frozenset(
    (
        "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
        "embed", "canvas", "video", "audio", "map", "select", "option", "button", "input",
        "textarea", "dialog", "meta", "link", "title", "frame", "frameset", "applet",
        "rt", "rp",  # a ruby's reading and its fallback parentheses, not the text itself
    )
)  # fmt: skip
VOID_SKIP_TAGS = frozenset(("img", "hr", "wbr", "source", "track", "area", "param", "col"))
# Page chrome by HTML semantics.
CHROME_TAGS = frozenset(("nav", "footer", "aside", "menu"))
# Elements that break the flow of text into separate blocks.
BLOCK_TAGS = frozenset(
    (
        "html", "body", "address", "article", "aside", "blockquote", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot",
        "td", "th", "tr", "ul", "caption", "menu", "listing", "plaintext", "xmp", "frameset",
        "legend", "noscript", "option", "optgroup", "search",
    )
)  # fmt: skip
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
LIST_TAGS = frozenset(("ul", "ol", "dl", "menu", "dir"))
INLINE_TAGS = frozenset(
    (
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em",
        "font", "i", "ins", "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s",
        "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
    )
)  # fmt: skip
# Containers the class vocabulary must never remove (the page itself, the article itself).
NEVER_PRUNED_TAGS = frozenset(("html", "body", "article", "main"))

# Class/id words of page chrome that win even against a content word in the same attribute
# ("article-comments", "post-share", "content-sidebar").
BOILERPLATE_CLASS = (
    "comment", "comments", "commentlist", "disqus", "reply", "replies", "respond",
    "share", "sharing", "sharer", "shares", "social", "sociallinks", "socials",
    "related", "relatedposts", "recommend", "recommended", "recommendation", "recommendations",
    "popular", "trending", "mostread", "mostviewed", "sidebar", "sidebars", "widget", "widgets",
    "newsletter", "subscribe", "subscription", "signup", "cookie", "cookies",
    "consent", "gdpr", "breadcrumb", "breadcrumbs", "crumbs", "pagination", "pager",
    "navbar", "nav", "navigation", "menu", "menubar", "toolbar", "masthead", "skip",
    "advert", "advertisement", "advertising", "ad", "ads", "adsense", "adslot", "adunit",
    "dfp", "sponsor", "sponsored", "promo", "promotion", "outbrain", "taboola", "banner",
    "popup", "modal", "overlay", "login", "copyright", "disclaimer", "footnotes-nav",
    "more-stories", "readmore", "read-more", "further-reading", "byline-share", "tags",
    "tagcloud", "taglist", "keywords", "author", "authors", "authorbox", "bio",
    "profile", "rating", "qrcode", "qr", "download-app", "app-download", "ranking", "feed",
    "next-article", "prev-next", "jump", "meta", "byline", "dateline",
    "sr-only", "visually-hidden", "screen-reader-text", "offscreen",
)  # fmt: skip
# Chrome words distinctive enough to be found at the start of a compound token too
# ("sharebar", "relatedposts", "commentlist", "socialicons")...
BOILERPLATE_CLASS_PREFIXES = (
    "comment", "share", "social", "related", "recommend", "newsletter", "subscri", "sidebar",
    "breadcrumb", "advert", "sponsor", "promo", "cookie", "paginat", "widget", "outbrain",
    "taboola", "disqus", "popup", "navbar", "navigation", "toolbar", "copyright",
)  # fmt: skip
# ...but for these words that merely start alike.
BOILERPLATE_CLASS_NOT_PREFIXES = ("commentar", "commentator", "shared", "shareholder")
# Chrome words a content word in the same attribute overrides ("main-header").
WEAK_BOILERPLATE_CLASS = (
    "header", "footer", "foot", "topbar", "aside", "extra", "links",
    "link-list", "tool", "tools", "utility", "actions", "action", "icons", "logo", "brand",
    "credit", "credits", "noprint", "hot", "rank",
)  # fmt: skip
# Class/id words of an article's lead or standfirst, the summary between headline and body.
LEAD_CLASS = (
    "lead", "leadin", "intro", "introtext", "introduction", "standfirst", "chapo", "chapeau",
    "bajada", "perex", "sommario", "excerpt", "abstract", "subtitle", "subheadline", "subhead",
    "dek", "deck", "summary", "teaser-text", "article-teaser",
)  # fmt: skip
CONTENT_CLASS = (
    "article", "articles", "content", "contents", "main", "body", "post", "entry", "story",
    "prose", "richtext", "rich-text", "blog", "news", "detail", "details", "single",
    "articlebody", "postbody", "entry-content", "post-content",
)  # fmt: skip


_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|juni|"
    "juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|"
    "novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
    "octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|"
    "ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|"
    "dezembro|styczeń|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|"
    "października|listopada|grudnia"
)
# A date or time of day somewhere in a line.
DATE_IN_LINE = regex.compile(
    r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}"  # 2019-11-20, 2019年11月
    r"|\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d\b"  # 20.11.2019
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{_MONTHS})\b"
    r"|\b\d{1,2}:\d\d\b",  # a time of day
    regex.IGNORECASE,
)
# A line that opens as a byline or credit, or carries a copyright notice.
CREDIT_LINE = regex.compile(
    r"^\s*(?:by|von|par|por|di|door|av|af|przez|от|posted|published|updated|written|"
    r"veröffentlicht|aktualisiert|publié|publicado|actualizado|pubblicato)\b"
    r"|^\s*(?:作者|文|记者|撰文|来源|来自|编辑|责任编辑|责编|校对|审核|发布时间|发表时间|时间|出处|原标题)"
    r"|©|\(c\)|copyright|all rights reserved|版权所有|版權所有",
    regex.IGNORECASE,
)
COPYRIGHT = regex.compile(
    r"©|\(c\) \d{4}|copyright|all rights reserved|版权所有|版權所有", regex.IGNORECASE
)
# A picture's credit: "Photo: ...", "AFP / Jane Doe", "Getty Images".
PHOTO_CREDIT = regex.compile(
    r"^\s*(?:photo|foto|bild|image|picture|credit|crédit|quelle|source|fuente|fonte|图|图片|摄影|来源)s?\s*[:：]"
    r"|\b(?:getty images|shutterstock|istock(?:photo)?|afp|dpa|reuters|ap photo|epa|imago|picture[- ]alliance"
    r"|keystone|xinhua|新华社发|视觉中国)\b",
    regex.IGNORECASE,
)
# A closing line that asks the reader to do something or credits the desk, not article text:
# "Subscribe to...", "Follow us on...", "Download our app", "You might also like:",
# "Reporting by ...; Editing by ...".
CALL_TO_ACTION = regex.compile(
    r"\b(?:subscribe|sign up|newsletter|follow (?:us|\w+ on)|share (?:this|it)|like this (?:story|article)"
    r"|have a tip|tips? to|contact us|e-?mail us|reporting by|editing by|writing by|contributed reporting"
    r"|may be reached at|abonnieren|abonnez|folgen sie|suscr[ií]b|s[ií]guenos|iscriviti|seguici"
    r"|zapisz się|подпис"
    # an app, a channel, support: "download our app", "canal de Telegram"
    r"|(?:download|get) (?:the|our)\b[^.!?]{0,40}?\bapps?\b|\bapps? for (?:ios|android|iphone)"
    r"|(?:youtube|telegram|whatsapp) channel|canal de (?:youtube|telegram|whatsapp)"
    r"|get the latest (?:news|updates|headlines|stories)|consider supporting"
    r"|support our (?:work|journalism)|if you enjoyed (?:reading )?this"
    # the lead-in of a "read also" list
    r"|(?:könnte|dürfte) (?:dich|sie|euch) auch interessieren|lesen sie auch|read also"
    r"|you (?:may|might) also like|te puede interesar|potrebbe interessarti|[àa] lire aussi"
    r"|leia também|czytaj (?:też|także|również)|zobacz (?:też|także))\w*"
    r"|订阅|关注我们|扫码|点击关注|欢迎关注|转载请|未经授权|免责声明|^\s*声明[:：]|^\s*disclaimer\b"
    r"|(?<![\w.+-])[\w.+-]++@[\w-]++\.[\w.]+",  # an e-mail address, tried once per run of its characters
    regex.IGNORECASE,
)

# Whole lines that are page furniture wherever they stand: ad labels, "read more" links,
# share and print buttons (compared case-folded, without punctuation).
LABEL_LINES = frozenset(
    (
        "advertisement", "advert", "ad", "ads", "anzeige", "werbung", "publicité", "publicite",
        "publicidad", "pubblicità", "reklama", "реклама", "广告", "廣告", "sponsored",
        "continue reading", "read more", "read the full story", "weiterlesen", "mehr lesen",
        "lire la suite", "leer más", "leggi di più", "share", "share this", "share this article",
        "teilen", "tweet", "print", "drucken", "email", "e-mail", "skip advert", "close",
        "continue reading the main story", "story continues below advertisement",
        "article continues below", "scroll to continue with content", "展开全文", "阅读全文",
    )
)  # fmt: skip
_LABEL_STRIP = re.compile(r"[\W_]+")


def is_label_line(text: str) -> bool:
    """True when the whole block is one of `LABEL_LINES`."""
    return (
        len(text) <= _LONGEST_LABEL
        and " ".join(_LABEL_STRIP.sub(" ", text).split()).casefold() in LABEL_LINES
    )


_LONGEST_LABEL = max(len(line) for line in LABEL_LINES) + 8


# Sentence-final punctuation: a dated line that ends like a sentence is text, not a dateline.
SENTENCE_END = regex.compile(r"[.!?。！？…][\"'”’」』)）]*\s*$")


# Class/id words of image captions and photo credits.
CAPTION_CLASS = ("caption", "figcaption", "legend", "credit")
# Class/id words of boxes that hold a picture (and so, besides it, only its caption).
IMAGE_CLASS = ("image", "photo", "picture", "img", "figure", "gallery", "slideshow")


_TOKEN = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def class_tokens(attribute: str) -> list[str]:
    """Lower-cased words of a class/id attribute: split at anything but letters and digits
    and at camelCase humps, so ``relatedPosts``, ``related-posts`` and ``related_posts``
    all give ``related``, ``posts``."""
    return [t.lower() for t in _TOKEN.findall(attribute)]


class ClassVocabulary:
    """Words looked for in class/id attributes, matched token by token.

    `words` match whole tokens (a plural ``s`` allowed; ``read-more`` and
    ``screen-reader-text`` match runs of adjacent tokens), `prefixes` the start of a token ("sharebar", "commentlist") except where an
    entry of `not_prefixes` also matches ("commentary", "shared").
    """

    __slots__ = ("_longest", "_not_prefixes", "_prefixes", "_words")

    def __init__(
        self,
        words: tuple[str, ...],
        prefixes: tuple[str, ...] = (),
        not_prefixes: tuple[str, ...] = (),
    ) -> None:
        if not words:
            raise ValueError("an empty vocabulary matches nothing")
        self._words = frozenset(words)
        self._prefixes = prefixes
        self._not_prefixes = not_prefixes
        self._longest = max(word.count("-") + 1 for word in words)

    def match(self, tokens: list[str]) -> str | None:
        """The first vocabulary word found in `tokens`, or None."""
        words = self._words
        for i, token in enumerate(tokens):
            if token in words or (token[-1:] == "s" and token[:-1] in words):
                return token
            for n in range(2, min(self._longest, len(tokens) - i) + 1):
                phrase = "-".join(tokens[i : i + n])
                if phrase in words:
                    return phrase
            if (
                self._prefixes
                and token.startswith(self._prefixes)
                and not token.startswith(self._not_prefixes)
            ):
                return token
        return None


# Class/id words of a reader-comments section and its items ("comments", "commentlist",
# "comment-body", "disqus_thread"), not of commentary ("commentary", "commentator").
COMMENT_CLASS = (
    "comment", "comments", "commentlist", "disqus", "discussion", "talkback", "usercomments",
    "replies",
)  # fmt: skip
COMMENT_CLASS_PREFIXES = ("comment", "disqus")
COMMENT_CLASS_NOT_PREFIXES = ("commentar", "commentator")
# Class/id parts of the boxes that hold other pieces than the article: reader comments,
# related and recommended lists, widgets, sidebars, teasers and carousels. Their authors
# and dates are the other pieces' (matched as substrings: "commentlist", "related-posts").
OTHER_PIECES_PARTS = (
    "comment", "reply", "respond", "related", "recommend", "widget", "sidebar", "teaser",
    "slider", "carousel",
)  # fmt: skip
COMMENT_WORDS = ClassVocabulary(COMMENT_CLASS, COMMENT_CLASS_PREFIXES, COMMENT_CLASS_NOT_PREFIXES)
"""The words above as one vocabulary: an element they name is (or holds) reader comments."""
_COMMENT_PARTS = ("comment", "disqus", "discussion", "talkback", "replies")


def names_comments(classes: str) -> bool:
    """Whether a class/id string (or one class word) names reader comments."""
    if not classes:
        return False
    lowered = classes.lower()  # every comment word holds one of these: most pages hold none
    if not any(part in lowered for part in _COMMENT_PARTS):
        return False
    return COMMENT_WORDS.match(class_tokens(classes)) is not None


# The first class word or the id of an element named after comments that is not one: the
# form, the count, the link to them, the section's title, a comment's parts.
COMMENT_NOT_ITEM_CLASS = (
    "form", "respond", "count", "counter", "number", "link", "links", "button", "btn", "rss",
    "feed", "closed", "policy", "guidelines", "rules", "title", "heading", "header", "tab",
    "tabs", "nav", "navigation", "pagination", "pager", "subscribe", "login", "sort", "icon",
    "bubble", "meta", "metadata", "author", "avatar", "date", "time", "text", "content",
    "body", "footer", "info", "details", "actions", "reply", "vote", "votes", "rating",
    "like", "likes", "flag", "report", "edit", "share", "notes", "open",
)  # fmt: skip
# A comment's furniture, left out of its text: reply links, votes, "report", sharing.
COMMENT_FURNITURE_CLASS = (
    "reply", "respond", "form", "actions", "action", "tools", "toolbar", "vote", "votes",
    "voting", "rating", "like", "likes", "flag", "report", "edit", "share", "sharing",
    "social",
)  # fmt: skip
# Where a comment names its author, and where it dates itself.
COMMENT_AUTHOR_CLASS = (
    "author", "name", "fn", "user", "username", "nickname", "nick", "commenter", "poster",
)  # fmt: skip
COMMENT_DATE_CLASS = (
    "date", "time", "timestamp", "published", "posted", "datetime", "when", "meta", "metadata",
    "commentmetadata",
)  # fmt: skip
