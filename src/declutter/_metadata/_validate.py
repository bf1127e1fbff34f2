"""Plausibility checks, kept apart from the extractors (as htmldate does)."""

from __future__ import annotations

from datetime import datetime, timedelta

import regex

from .._textstats import has_han
from ._dateparse import MONTH_NAMES, DateValue
from ._text import fold

__all__ = ["is_site_name", "plausible_date", "plausible_name"]

# Leading Han characters two names share when they belong to one brand.
_BRAND = 2
_HAN_CHAR = regex.compile(r"\p{Han}")
_LETTER = regex.compile(r"\p{L}")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.\-]*")
# Credits that are roles, not names: editors, sources, photographers, generic staff.
_ROLE_WORDS = frozenset(
    w.casefold()
    for w in (
        "责任编辑", "编辑", "责编", "来源", "校对", "审核", "审校", "摄影", "图片", "出处", "作者", "记者",
        "通讯员", "本报", "本报记者", "佚名", "匿名", "未知", "小编", "admin", "administrator", "staff",
        "editor", "editors", "redaktion", "rédaction", "redazione", "redacción", "newsroom", "anonymous",
        "unknown", "author", "guest", "wire", "reuters", "afp", "ap", "dpa", "by", "von", "and", "und",
        "posted", "written", "share", "follow", "email", "facebook", "twitter", "instagram", "linkedin",
        "published", "veröffentlicht", "publisher", "post", "auteur", "autor", "autorin", "beitrag",
        "drucken", "print", "photos", "photo", "foto", "fotos", "nachricht", "zuletzt", "suche",
        "search", "menu", "menü", "home", "startseite", "kontakt", "contact", "login", "read",
        # Interface words that follow a label in tab bars and widgets ("作者 标签").
        "标签", "最新", "热门", "推荐", "相关", "更多", "关注", "分享", "评论", "收藏", "举报", "首页",
        "专栏", "文章", "简介", "主页", "登录", "注册", "搜索",
    )
)  # fmt: skip
_CALENDAR_WORDS = frozenset(MONTH_NAMES) | frozenset(
    w.casefold()
    for w in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "today", "heute", "yesterday", "gestern"]
)
_SURNAME_PARTICLES = frozenset(("von", "van", "de", "der", "zu", "da", "di", "del", "la", "le"))
_NOT_NAME = regex.compile(r"@|https?:|www\.|\.(?:com|net|org|cn|de)\b|[<>{}=\[\]#:：|]|\d{3,}", regex.I)


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
    if not _LETTER.search(name) or name.casefold() in _ROLE_WORDS:
        return False
    if has_han(name):
        han = len(_HAN_CHAR.findall(name))
        return 2 <= len(fold(name)) and han <= max_han
    words = [w.casefold() for w in _WORD.findall(name)]
    if not 1 <= len(words) <= max_words:
        return False
    calendar = [w in _CALENDAR_WORDS for w in words]
    if all(calendar) or (any(calendar) and any(w.isdigit() for w in words)):
        return False  # "Dezember 10", "Dienstag": a date, not a name ("Jan Novak" is one)
    # A role word rejects the name, except a surname particle after the first word
    # ("Christoph von Eichhorn"; "von" alone, or first, is the byline's label).
    return not any(w in _ROLE_WORDS and not (i and w in _SURNAME_PARTICLES) for i, w in enumerate(words))


def is_site_name(name: str, sites: list[str]) -> bool:
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
            if min(len(key), len(other)) >= _BRAND and (key in other or other in key or key[:_BRAND] == other[:_BRAND]):
                return True
        elif len(other) >= 4 and other in key:
            return True
    return False
