"""Date parsing: structured values (ISO 8601, RFC 2822) and dates written in text.

Hand-rolled for the forms pages use (``2025-06-21 06:34``, ``2025年6月21日``, ``21.06.2025``,
``21. Juni 2025``, ``June 21, 2025``, ``3小时前``...): a few compiled patterns are much faster
than a general date parser, and the result keeps the precision the page gives.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

__all__ = [
    "MONTH_NAMES",
    "DateValue",
    "first_date",
    "from_datetime",
    "has_year",
    "make_date",
    "parse_structured",
    "search_text",
]


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date with the time and zone offset when stated (offset in minutes)."""

    year: int
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    offset: int | None = None

    def iso(self) -> str:
        out = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.hour is None or self.minute is None:
            return out
        out += f"T{self.hour:02d}:{self.minute:02d}"
        if self.offset is not None:
            sign = "+" if self.offset >= 0 else "-"
            h, m = divmod(abs(self.offset), 60)
            return f"{out}:{self.second or 0:02d}{sign}{h:02d}:{m:02d}"
        return out if self.second is None else f"{out}:{self.second:02d}"

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    def day_key(self) -> tuple[int, int, int]:
        return (self.year, self.month, self.day)

    def naive(self) -> datetime:
        """Wall-clock time as written (time zone ignored)."""
        return datetime(
            self.year, self.month, self.day, self.hour or 0, self.minute or 0, self.second or 0
        )

    def utc(self) -> datetime | None:
        """The instant in UTC, when a zone was stated."""
        if self.offset is None:
            return None
        return self.naive() - timedelta(minutes=self.offset)


def from_datetime(dt: datetime, *, with_time: bool) -> DateValue:
    offset = dt.utcoffset()
    minutes = None if offset is None else int(offset.total_seconds() // 60)
    if not with_time:
        return DateValue(dt.year, dt.month, dt.day)
    return DateValue(dt.year, dt.month, dt.day, dt.hour, dt.minute, None, minutes)


def make_date(y: int, mo: int, d: int, h: int | None = None, mi: int | None = None,
          s: int | None = None, off: int | None = None) -> DateValue | None:  # fmt: skip
    try:
        date(y, mo, d)
    except ValueError:
        return None
    if h is not None and (h > 23 or mi is None or mi > 59 or (s is not None and s > 59)):
        h = mi = s = off = None
    return DateValue(y, mo, d, h, mi, s, off if h is not None else None)


# --- zones ---------------------------------------------------------------------------------

# Named zones read only where the abbreviation means one offset: CST (US, China, Cuba),
# IST (India, Ireland, Israel), BST (British summer, Bangladesh) and AST are left out, and
# a time printed with one of them keeps no zone (an offset is never guessed). China has one
# zone: "10:31 北京时间" (Beijing time) is +08:00.
_NAMED_ZONES = {
    "CET": 60, "CEST": 120, "MEZ": 60, "MESZ": 120, "WET": 0, "WEST": 60, "EET": 120, "EEST": 180,
    "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
    "AKST": -540, "AKDT": -480, "HST": -600, "JST": 540, "KST": 540, "HKT": 480, "SGT": 480,
    "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780, "北京时间": 480,
}  # fmt: skip
_ZONE = (
    r"(?P<zone>Z(?![A-Za-z])|[+-]\d{2}:?\d{2}(?!\d)|(?:UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?"
    # upper case only, even in the patterns that ignore case ("est" is a French word)
    r"|(?-i:" + "|".join(sorted(_NAMED_ZONES, key=len, reverse=True)) + r")(?![A-Za-z]))"
)


def _offset(zone: str | None) -> int | None:
    if not zone:
        return None
    zone = zone.strip().upper()
    if zone in ("Z", "UTC", "GMT"):
        return 0
    if zone in _NAMED_ZONES:
        return _NAMED_ZONES[zone]
    zone = zone.removeprefix("UTC").removeprefix("GMT").strip()
    sign = -1 if zone.startswith("-") else 1
    digits = zone[1:].replace(":", "")
    if len(digits) <= 2:
        hours, minutes = int(digits), 0
    else:
        hours, minutes = int(digits[:-2]), int(digits[-2:])
    if hours > 14 or minutes > 59:
        return None
    return sign * (hours * 60 + minutes)


def _int(value: str | None) -> int | None:
    return int(value) if value else None


# --- structured values (meta content, JSON-LD, datetime attributes, URLs) ------------------

_ISO = re.compile(
    r"(?P<y>(?:19|20)\d\d)(?P<sep>[-/.]?)(?P<mo>\d\d?)(?P=sep)(?P<d>\d\d?)(?!\d)"
    r"(?:[T\s]+(?P<h>\d\d?):(?P<mi>\d\d)(?::(?P<s>\d\d)(?:[.,]\d+)?)?\s*" + _ZONE + r"?)?"
)


def parse_structured(value: str, *, day_first: bool = True) -> DateValue | None:
    """A machine-readable date (``2025-06-21T06:34:00+08:00``, RFC 2822...), else text."""
    value = value.strip()[:200]
    m = _ISO.match(value)
    if m is not None:
        return _from_iso(m)
    found = search_text(value, day_first=day_first)
    return found[0] if found else None


def _from_iso(m: re.Match[str]) -> DateValue | None:
    if not m.group("sep") and len(m.group("mo")) + len(m.group("d")) != 4:
        return None
    return make_date(int(m.group("y")), int(m.group("mo")), int(m.group("d")), _int(m.group("h")),
                 _int(m.group("mi")), _int(m.group("s")), _offset(m.group("zone")))  # fmt: skip


# --- dates in text -------------------------------------------------------------------------

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar jänner jän janvier enero ene gennaio gen janeiro januari janv января январь січня stycznia",
        "february feb februar février fevrier févr fevr fév fev febrero febbraio fevereiro februari февраля февраль лютого lutego",
        "march mar märz maerz mär mars marzo março marco maart mrt mrz марта март березня marca",
        "april apr avril avr abril abr aprile апреля апрель квітня kwietnia",
        "may mai mayo maggio mag maio mei мая май травня maja",
        "june jun juni juin junio giugno giu junho июня июнь червня czerwca",
        "july jul juli juillet julio luglio lug julho juil июля июль липня lipca",
        "august aug août aout agosto ago августа август серпня sierpnia",
        "september sep sept septembre septiembre settembre setembro set сентября сентябрь вересня września",
        "october oct oktober octobre octubre ottobre ott outubro okt октября октябрь жовтня października",
        "november nov novembre noviembre novembro ноября ноябрь листопада listopada",
        "december dec dezember décembre decembre diciembre dicembre dezembro dic dez déc декабря декабрь грудня grudnia",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number
# Two-digit years ("28.01.22") are read in this century.
_CENTURY = 2000
MONTH_NAMES: frozenset[str] = frozenset(_MONTHS)
"""Month names and abbreviations of the languages the date patterns read (lower case)."""

_Trie = dict[str, "_Trie"]


def _trie(words: list[str]) -> str:
    """An alternation of `words` factored by common prefixes ("j(?:an(?:uary|...)?|...)"):
    the regex engine then tests a few letters per position, not every word. It tries the
    words that fit at a position longest first, as a plain alternation sorted by length."""
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return emit(root)


_MONTH = "(?P<mon>" + _trie(list(_MONTHS)) + r")\.?"
# (An "h.mm" followed by ".digit" is the next date's day and month, "19.11.2021": no time.)
_TIME = (
    r"(?:\s*(?:,|at|um|à|a las|alle|às|-|–|\||/)?\s*(?P<h>\d\d?)\s*[:：h.]\s*(?P<mi>\d\d)(?!\d|\.\d)"
    r"(?:\s*[:：]\s*(?P<s>\d\d))?\s*(?P<ampm>[ap]\.?\s?m\.?(?![a-z]))?(?:\s*Uhr)?\s*"
    + _ZONE
    + r"?)?"
)
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
# The same, not after a digit, where a pattern starts with the year (the test follows the
# digits, so that the regex engine skips ahead to a 1 or a 2; see _YEARISH).
_YEAR_FIRST = r"(?P<y>(?:19|20)\d\d)(?<!\d{5})(?!\d)"
_PATTERNS = (
    # 2025-06-21 06:34, 2025/6/21, 2025.06.21, 2025年6月21日 06:34, 2025年06月10日06:58
    re.compile(_YEAR_FIRST + r"\s*(?P<sep>[-/.年])\s*(?P<mo>\d\d?)\s*[-/.月]\s*(?P<d>\d\d?)(?!\d)\s*日?"
               r"(?:\s*(?:T|\s)?\s*(?P<h>\d\d?)\s*[:：时]\s*(?P<mi>\d\d)(?:\s*[:：分]\s*(?P<s>\d\d))?(?!\d)\s*" + _ZONE + r"?)?",
               re.IGNORECASE),
    # "2024 05/09 22:27:02": year apart from month/day
    re.compile(_YEAR_FIRST + r"\s+(?P<mo>\d\d?)/(?P<d>\d\d?)(?!\d)"
               r"(?:\s+(?P<h>\d\d?):(?P<mi>\d\d)(?::(?P<s>\d\d))?)?"),
    # 28.01.22: two-digit year, only with dots and two-digit day and month (German short form)
    re.compile(r"(?P<a>\d\d)(?<![\d.]\d\d)(?P<sep>\.)(?P<b>\d\d)\.(?P<y2>\d\d)(?![\d.])" + _TIME),
    # 21.06.2025, 21/06/2025, 06/21/2025
    re.compile(r"(?<![\d.])(?P<a>\d\d?)(?P<sep>[./])\s?(?P<b>\d\d?)(?P=sep)\s?" + _YEAR + _TIME),
    # 21 June 2025, 21. Juni 2025, 21 de junio de 2025, 21st Jun, 2025
    re.compile(r"(?<!\d)(?P<d>\d\d?)(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+)?" + _MONTH + r",?\s+(?:de\s+)?" + _YEAR + _TIME,
               re.IGNORECASE),
    # June 21, 2025; Jun 21st 2025
    re.compile(r"(?<![^\W\d_])" + _MONTH + r"\s+(?P<d>\d\d?)(?:st|nd|rd|th)?,?\s+" + _YEAR + _TIME, re.IGNORECASE),
)  # fmt: skip
# A year (or the two-digit "28.01.22" form), and how far around it a date may extend:
# "Wednesday, 21 de septiembre de 2025" before, "at 10:30 a.m. GMT+02:00" after.
# (The test "no digit before" follows the year: the regex engine then skips ahead to a 1 or
# a 2 instead of trying every position.)
_YEARISH = re.compile(r"(?:19|20)\d\d(?!\d)(?<!\d{5})|\d\d\.\d\d\.\d\d(?![\d.])")
_WINDOW_BEFORE = 40
_WINDOW_AFTER = 40
# What every _YEARISH match holds, found much faster (the second form needs the regex).
_CENTURIES = ("19", "20")
_SHORT_DATE = re.compile(r"\d\d\.\d\d\.\d\d")
# Written without a year ("发布时间：10-08 12:00"): only completed when a year is known.
_YEARLESS = re.compile(
    r"(?<![\d/.-])(?P<mo>[01]?\d)[-/月](?P<d>[0-3]?\d)日?\s+(?P<h>\d\d?)[:：](?P<mi>\d\d)(?!\d)"
)
# Part of every _YEARLESS match (from the month's last digit), without the leading
# lookbehind that makes the full pattern try every position: tried first.
_YEARLESS_HINT = re.compile(r"\d[-/月][0-3]?\d日?\s+\d\d?[:：]\d\d")
# (?<!\d): a number is tried from its first digit only (linear on a digit dump).
_RELATIVE = re.compile(
    r"(?P<n>(?<!\d)\d+|an?|one|ein(?:e|em|er)?|un(?:e)?)\s*(?P<unit>分钟|小时|天|周|个月|"
    r"minutes?|mins?|hours?|hrs?|days?|weeks?|months?|"
    r"Minuten?|Stunden?|Tage?n?|Wochen?|Monate?n?|heures?|jours?|semaines?|mois|"
    r"minutos?|horas?|días?|dias?|semanas?|meses|mes|minuti|ore|ora|giorni|giorno|settimane?)\s*"
    r"(?P<suffix>前|ago|fa)?",
    re.IGNORECASE,
)
_RELATIVE_PREFIX = re.compile(r"(?:vor|il y a|hace|há)\s+$", re.IGNORECASE)
# A relative date is taken only with one of these words after or before it: without any,
# _RELATIVE is not run.
_RELATIVE_WORDS = re.compile(r"前|ago|fa|vor|il y a|hace|há", re.IGNORECASE)
_DAY_WORDS = {
    "今天": 0, "今日": 0, "today": 0, "heute": 0, "aujourd'hui": 0, "hoy": 0, "oggi": 0,
    "昨天": 1, "昨日": 1, "yesterday": 1, "gestern": 1, "hier": 1, "ayer": 1, "ieri": 1, "ontem": 1,
    "前天": 2, "vorgestern": 2, "avant-hier": 2, "anteayer": 2,
}  # fmt: skip
_DAY_WORD = re.compile(
    r"(?<![^\W\d_])(?P<word>" + "|".join(sorted(map(re.escape, _DAY_WORDS), key=len, reverse=True)) + r")(?![^\W\d_])"
    r"(?:\s*(?P<h>\d\d?)[:：](?P<mi>\d\d))?",
    re.IGNORECASE,
)  # fmt: skip
# The day words alone (every _DAY_WORD match holds one): tried first.
_DAY_WORD_HINT = re.compile(_trie(list(_DAY_WORDS)), re.IGNORECASE)
_UNIT_SECONDS = (
    (("分", "min"), 60), (("小时", "hour", "hr", "stund", "heure", "hora", "ora", "ore"), 3600),
    (("天", "day", "tag", "jour", "día", "dia", "giorn"), 86400),
    (("周", "week", "woche", "semaine", "semana", "settiman"), 604800),
    (("月", "month", "monat", "mois", "mes"), 2592000),
)  # fmt: skip


def has_year(text: str) -> bool:
    """`text` holds a year-like number: it may hold a date with its year (one regex test,
    much cheaper than a search)."""
    return _YEARISH.search(text) is not None


def search_text(text: str, *, day_first: bool = True, year_hint: int | None = None,
                reference_time: datetime | None = None) -> list[DateValue]:  # fmt: skip
    """Dates written in `text`, in order of appearance (absolute ones; yearless ones when
    `year_hint` is given; relative ones when `reference_time` is given)."""
    found: list[tuple[int, DateValue]] = []
    for start, end in _windows(text):
        for rx in _PATTERNS:
            for m in rx.finditer(text, start, end):
                value = _from_match(m, day_first)
                if value is not None:
                    found.append((m.start(), value))
    if not found:
        return _without_year(text, year_hint, reference_time)
    found.sort(key=lambda item: item[0])
    return [value for _, value in found]


def _without_year(
    text: str, year_hint: int | None, reference_time: datetime | None
) -> list[DateValue]:
    """Dates written without a year (with `year_hint`), else relative ones (with
    `reference_time`), in order of appearance: read when `text` has no absolute date."""
    found: list[tuple[int, DateValue]] = []
    if year_hint is not None and _YEARLESS_HINT.search(text):
        for m in _YEARLESS.finditer(text):
            value = make_date(
                year_hint,
                int(m.group("mo")),
                int(m.group("d")),
                int(m.group("h")),
                int(m.group("mi")),
            )
            if value is not None:
                found.append((m.start(), value))
    if not found and reference_time is not None:
        found.extend(_relative(text, reference_time))
    found.sort(key=lambda item: item[0])
    return [value for _, value in found]


def first_date(text: str, accept: Callable[[DateValue], bool], *, day_first: bool = True,
               year_hint: int | None = None, reference_time: datetime | None = None) -> DateValue | None:  # fmt: skip
    """The first of `search_text(text, ...)` that `accept` takes, found without reading past
    it: the spans around the years come in text order, and all matches in a span start
    before the next span, so the search stops at the first span with an accepted date."""
    found = False
    for start, end in _iter_windows(text):
        here: list[tuple[int, DateValue]] = []
        for rx in _PATTERNS:
            for m in rx.finditer(text, start, end):
                value = _from_match(m, day_first)
                if value is not None:
                    here.append((m.start(), value))
        if here:
            found = True
            here.sort(key=lambda item: item[0])
            for _, value in here:
                if accept(value):
                    return value
    if found:
        return None
    return next(
        (value for value in _without_year(text, year_hint, reference_time) if accept(value)), None
    )


def _iter_windows(text: str) -> Iterator[tuple[int, int]]:
    """`_windows`, one span at a time."""
    if not any(c in text for c in _CENTURIES) and not _SHORT_DATE.search(text):
        return
    span: tuple[int, int] | None = None
    for m in _YEARISH.finditer(text):
        start, end = max(0, m.start() - _WINDOW_BEFORE), m.end() + _WINDOW_AFTER
        if span is not None and start <= span[1]:
            span = (span[0], end)
            continue
        if span is not None:
            yield span
        span = (start, end)
    if span is not None:
        yield span


def _windows(text: str) -> list[tuple[int, int]]:
    """Spans around each year-like number, merged: every absolute date has one, so the
    patterns (the month names are a long alternation) run on a few short spans only."""
    spans: list[tuple[int, int]] = []
    for m in _YEARISH.finditer(text):
        start, end = max(0, m.start() - _WINDOW_BEFORE), m.end() + _WINDOW_AFTER
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _from_match(m: re.Match[str], day_first: bool) -> DateValue | None:
    groups = m.groupdict()
    year = int(groups["y"]) if groups.get("y") else _CENTURY + int(groups["y2"])
    if groups.get("mon"):
        month = _MONTHS.get(groups["mon"].lower().rstrip("."), 0)
        day = int(groups["d"])
    elif groups.get("a"):
        a, b = int(groups["a"]), int(groups["b"])
        if groups["sep"] == "." or a > 12:
            day, month = a, b
        elif b > 12 or not day_first:
            month, day = a, b
        else:
            day, month = a, b
    else:
        month, day = int(groups["mo"]), int(groups["d"])
    hour = _int(groups.get("h"))
    if hour is not None and groups.get("ampm"):
        pm = groups["ampm"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    return make_date(
        year,
        month,
        day,
        hour,
        _int(groups.get("mi")),
        _int(groups.get("s")),
        _offset(groups.get("zone")),
    )


def _relative(text: str, now: datetime) -> list[tuple[int, DateValue]]:
    out: list[tuple[int, DateValue]] = []
    for m in _RELATIVE.finditer(text) if _RELATIVE_WORDS.search(text) else ():
        if not (m.group("suffix") or _RELATIVE_PREFIX.search(text, 0, m.start())):
            continue
        n = m.group("n")
        count = int(n) if n.isdigit() else 1
        unit = m.group("unit").lower()
        seconds = next(s for keys, s in _UNIT_SECONDS if any(unit.startswith(k) for k in keys))
        try:
            when = now - timedelta(seconds=count * seconds)
        except OverflowError:  # "99999999999 days ago" is before any calendar
            continue
        out.append((m.start(), from_datetime(when, with_time=seconds < 86400)))
    for m in _DAY_WORD.finditer(text) if _DAY_WORD_HINT.search(text) else ():
        when = now - timedelta(days=_DAY_WORDS[m.group("word").lower()])
        value = from_datetime(when, with_time=False)
        if m.group("h"):
            made = make_date(
                value.year, value.month, value.day, int(m.group("h")), int(m.group("mi"))
            )
            value = made or value
        out.append((m.start(), value))
    return out
