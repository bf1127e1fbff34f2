"""Plausibility checks, kept apart from the extractors (as htmldate does)."""

from __future__ import annotations

from datetime import datetime, timedelta

import regex

from .._options import Options
from .._text import fold
from .._textstats import has_han
from ._dateparse import MONTH_NAMES, DateValue

__all__ = ["is_site_name", "plausible_date", "plausible_name"]

_HAN_CHAR = regex.compile(r"\p{Han}")
_LETTER = regex.compile(r"\p{L}")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.\-]*")
# Credits that are roles, not names: editors, sources, photographers, generic staff. A
# name made of these words only is none ("Redaktion"); with another word it is a credit
# the page gives ("HLNF Staff Report", "Staff Writer").
_ROLE_WORDS = frozenset(
    w.casefold()
    for w in (
        "责任编辑", "编辑", "责编", "来源", "校对", "审核", "审校", "摄影", "图片", "出处", "作者", "记者",
        "通讯员", "本报", "本报记者", "佚名", "匿名", "未知", "小编", "admin", "administrator", "staff",
        "editors", "editorial", "redaktion", "rédaction", "redazione", "redacción", "newsroom", "anonymous",
        "unknown", "guest", "wire", "reuters", "afp", "ap", "dpa", "publisher", "beitrag", "nachricht",
        "photos", "fotos", "team",
        # placeholders of reposted pieces, and wire agencies
        "转载", "转载文章", "网络", "新华社", "中新社", "法新社", "美联社", "路透社", "共同社", "韩联社",
        "塔斯社", "efe", "agencies", "agencias", "ansa", "apa", "epd", "kna", "sda",
    )
)  # fmt: skip
# Words that label a credit: a name never starts with one ("By Jane", "Autor Peter Maahn").
_LABEL_WORDS = frozenset(
    w.casefold()
    for w in (
        "by", "von", "and", "und", "posted", "written", "published", "veröffentlicht", "post", "zuletzt",
        "author", "autor", "autorin", "auteur", "editor", "photo", "foto",
    )
)  # fmt: skip
# Interface words: a text holding one is a widget, not a name ("Share on Facebook", "作者 标签").
_INTERFACE_WORDS = frozenset(
    w.casefold()
    for w in (
        "share", "follow", "email", "facebook", "twitter", "instagram", "linkedin", "drucken", "print",
        "suche", "search", "menu", "menü", "home", "startseite", "kontakt", "contact", "login", "read",
        "about", "impressum", "imprint",
        "标签", "最新", "热门", "推荐", "相关", "更多", "关注", "分享", "评论", "收藏", "举报", "首页",
        "专栏", "文章", "简介", "主页", "登录", "注册", "搜索", "博客",
    )
)  # fmt: skip
# A company's legal form: the credit names an organisation ("wegewerk GmbH", "Verband e.V.").
_LEGAL_FORM = regex.compile(
    r"(?<![\p{L}.])(?:GmbH|gGmbH|mbH|AG|eG|e\.\s?V\.?|Ltd\.?|Inc\.?|LLC|S\.A\.|SE|KG|OHG|Corp\.?)(?![\p{L}])"
)
_CALENDAR_WORDS = frozenset(MONTH_NAMES) | frozenset(
    w.casefold()
    for w in [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
        "today",
        "heute",
        "yesterday",
        "gestern",
    ]
)
_INITIALS = regex.compile(r"\p{Lu}{2,4}")
_SURNAME_PARTICLES = frozenset(("von", "van", "de", "der", "zu", "da", "di", "del", "la", "le"))
# Addresses (a host name: "wPolityce.pl", "symple.ch"), markup, long numbers (digits glued to letters end a handle: "freeman1984"),
# sentence marks ("Endlich mehr wagen!": a headline), and the default accounts of blog
# engines ("wordpressadmin", "Super User").
_NOT_NAME = regex.compile(
    r"@|https?:|www\.|\.(?:com|net|org|info|cn|de)\b|(?<=[\p{L}\p{N}])\.(?-i:[a-z]{2})(?![\p{L}\p{N}.])|[<>{}=\[\]#:：|!?！？]|(?<![\p{L}\p{N}_])\d{3,}|admin|^super user$",
    regex.I,
)


def plausible_date(value: DateValue, *, min_year: int, reference_time: datetime | None,
                   skew_hours: float) -> bool:  # fmt: skip
    """Not before `min_year`, not after `reference_time` (allowing for unknown zones)."""
    if value.year < min_year:
        return False
    if reference_time is None:
        return True
    now = reference_time
    instant = value.utc()
    offset = now.utcoffset()
    if instant is not None and offset is not None:
        return instant <= now.replace(tzinfo=None) - offset
    # One side has no zone: compare wall clocks, allowing for the zones in between.
    return value.naive() <= now.replace(tzinfo=None) + timedelta(hours=skew_hours)


def plausible_name(name: str, *, max_han: int, max_words: int, max_chars: int) -> bool:
    """Looks like a person's or an account's name: short, letters, no address or number."""
    if not name or len(name) > max_chars or _NOT_NAME.search(name):
        return False
    folded = name.casefold()
    if (
        not _LETTER.search(name)
        or folded in _ROLE_WORDS
        or folded in _INTERFACE_WORDS
        or folded in _LABEL_WORDS
    ):
        return False
    if _LEGAL_FORM.search(name):
        return False
    if has_han(name):
        han = len(_HAN_CHAR.findall(name))
        return 2 <= len(fold(name)) and han <= max_han
    written = _WORD.findall(name)
    words = [w.casefold() for w in written]
    if not 1 <= len(words) <= max_words or len(_LETTER.findall(name)) < 2:
        return False
    calendar = [w in _CALENDAR_WORDS for w in words]
    if all(calendar) or (any(calendar) and any(w.isdigit() for w in words)):
        return False  # "Dezember 10", "Dienstag": a date, not a name ("Jan Novak" is one)
    # A label first ("von" first is the byline's label; later, a surname particle:
    # "Christoph von Eichhorn"), an interface word anywhere, or only role words: no name.
    if words[0] in _LABEL_WORDS or any(w in _INTERFACE_WORDS for w in words):
        return False
    # A role and the site's initials is its newsroom ("Redacción EC", "Redaktion LR").
    roles = [w in _ROLE_WORDS or w in _LABEL_WORDS for w in words]
    return not (
        all(roles)
        or (any(roles) and all(r or _INITIALS.fullmatch(w) for r, w in zip(roles, written)))
    )


def is_site_name(name: str, sites: list[str], options: Options) -> bool:
    """The name is (part of) the site's or publisher's name, or the site name is part of it."""
    key = fold(name)
    if not key:
        return False
    for site in sites:
        other = fold(site)
        if not other:
            continue
        if key == other:
            return True
        # "新京报" in "新京报网", "CSDN" in "CSDN.NET Staff"; but a blogger's name inside the
        # blog's name ("Daniel Lemire" in "Daniel Lemire's blog") stays a name.
        if has_han(name):
            # Same brand: "新浪财经" and "新浪网" share "新浪".
            brand = options.site_brand_han_chars
            if min(len(key), len(other)) >= brand and (
                key in other or other in key or key[:brand] == other[:brand]
            ):
                return True
        elif len(other) >= options.site_name_min_chars and other in key:
            return True
    return False
