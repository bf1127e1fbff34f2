"""Bylines written in text: "作者：X", "文/X", "（记者 X Y）", "By A and B", "Von X"...

`names_in_byline` finds a labelled credit in a short text (the lines after the headline, the
first and last lines of the body, an author element) and splits it into names.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import regex

from .._options import Options
from ._dateparse import search_text

__all__ = [
    "SURNAMES",
    "is_coauthor",
    "list_items",
    "name_beside_date",
    "names_in_byline",
    "source_person",
    "split_names",
]

_HAN = r"\p{Han}"
# Chinese author labels. A bare 文 counts only with a slash or colon ("文/X", "文：X").
_ZH_AUTHOR = regex.compile(
    r"(?:(?:作者|撰文|撰稿|文字|文图|图文|采写|执笔)\s*[:：/／|｜丨]\s*|(?<!\p{Han})(?:作者|撰文|撰稿|采写)\s+|(?<!\p{Han})文\s*[/／:：|｜丨]\s*)"
)
# Every label of _ZH_AUTHOR has one of these.
_ZH_AUTHOR_CHARS = "作撰文采执"
# Reporter credits: 记者 at the start of a phrase or after a newsroom word, never inside
# prose ("对记者表示", "记者会上").
_ZH_REPORTER = regex.compile(
    r"(?:(?<![\p{Han}])|(?<=[报刊台网社]|特约|实习|见习|首席|央视|总台|驻地))"
    r"(?:记者|通讯员)\s*[:：/／]?\s*"
)
# Where a Chinese credit ends: punctuation, digits, and the words that follow a name.
_ZH_STOP = regex.compile(
    r"[\n（()）【】\[\]|｜，。；;！!？?“”\"《》<>:：]|[/／](?:文|图|摄)|\d|发自|报道|摄影?(?!\p{Han})|来源|编辑|责编|校对|时间|日期"
    r"|发布|发表|阅读|浏览|评论|点击|通讯员|实习生|记者|等$|(?<=[A-Za-z0-9_])\s+(?=\p{Han})"
)
# Words that follow 记者 in prose, not a name ("记者了解到", "记者表示").
_ZH_NOT_NAME = regex.compile(
    r"^(?:表示|了解|获悉|注意|发现|看到|采访|调查|询问|观察|来到|联系|走访|致电|从|在|对|向|问|会|们|证实|确认|实地|随机|近日|日前|今天|昨天)"
)
_TITLED_NAME = regex.compile(
    r"(?:研究员|教授|讲师|主任|部长|所长|院长|博士|主编|专家|学者|律师|医生|会长|理事长|总监|经理|分析师|记者|评论员|观察员|主笔)\s?(\p{Han}{2,3})\s*$"
)
_SOURCE_PERSON = regex.compile(r"(?<!\p{Han})来源\s*[:：]\s*(\p{Han}{2,3})(?=\s|$|[】\]）)])")
_ZH_ORG_END = regex.compile(r"(?:报|网|社|台|刊|频道|新闻|杂志|集团|公司|中心)$")
# "（姚峰 上海报道）": name(s), a place, 报道/电, in brackets.
# An agency's dateline naming its reporters: "新华社北京5月19日电（刘艺、杨吉）".
_ZH_WIRE_DATELINE = regex.compile(
    r"(?:社|网|台|报)\p{Han}{0,8}\d{1,2}月\d{1,2}日电\s{0,3}[（(](?P<names>[\p{Han}、\s]{2,30})[)）]"
)
# A name and its paper: "石佳/中国青年报".
_ZH_NAME_OUTLET = regex.compile(
    r"(?<!\p{Han})(?P<names>\p{Han}{2,3})\s{0,2}[/／]\s{0,2}\p{Han}{1,10}(?:报|网|社|台|刊|新闻)(?!\p{Han})"
)
_ZH_REPORTED = regex.compile(
    r"[（(]\s*(?P<names>\p{Han}{2,4}(?:[\s、]+\p{Han}{2,4})*)\s+\p{Han}{2,4}(?:报道|电)\s*[)）]"
)
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
    "单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚"
    "娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
    "查麻苑迟邝奚伊"
)
"""Common one-character Chinese surnames: to split reporters' names written without a
separator, and to tell a person from an organisation in an unlabelled credit."""
# A name is not followed by a digit or sentence punctuation: "记者经历了近10年" is prose.
_PROSE_STOPS = frozenset("0123456789。；;！!？?“”《》:：")
_SPLITS = {4: ((2, 2),), 5: ((3, 2), (2, 3)), 6: ((3, 3), (2, 2, 2))}
# Chinese personal names are two to four characters (the splits above assume it).
_MAX_HAN_NAME = 4
# The leading space is horizontal only: a run of newlines is a run of line starts, and
# `\s*` there would be retried from each of them (quadratic in the run).
_WEST_LABEL_BODY = (
    r"(?:"
    # Nouns label only with a colon or on a line of their own ("Author: X", "Autor\nX");
    # "Interview: X" credits the interviewer, "Text & Fotos: X" the writer.
    r"(?P<noun>(?i:post\s+author|autor(?:in|en)?|authors?|auteurs?|autores|autori|texte?(?:\s{0,2}(?:&|und|and|\+)\s{0,2}(?:fotos?|bilder|photos?))?"
    r"|redakteur(?:in)?|redaktion|interview))(?:\s*[:：]\s*|[^\S\n]*\n\s*)"
    r"|(?P<label>(?i:(?:posted|written|reported|published|words|story|photos?\s+and\s+text|"
    r"veröffentlicht|geschrieben|verfasst|erstellt|publié|écrit|publicado|escrito|pubblicato|scritto)\s+"
    r"(?:by|von|par|por|da)"
    # German credits that name the piece first ("Ein Artikel von X", "Text von X").
    r"|(?:ein\s+)?(?:artikel|beitrag|bericht|text|interview|gespeichert|eingestellt)\s+von)"
    # Bare prepositions: see _LOWER_PREPOSITIONS.
    r"|by|By|BY|von|Von|VON|par|Par|PAR|por|Por|POR|Di|DI|Da|door|Door|av|Av)(?:\s*[:：]\s*|\s+))"
)
_WEST_LABEL = regex.compile(r"(?:^|(?<=[\n|·•]))[^\S\n]*" + _WEST_LABEL_BODY)
# The same label right after a date on its line ("Posted on September 21, 2020 by X"):
# where the date ends, a credit may start (see `_dated_labels`).
_WEST_LABEL_HERE = regex.compile(_WEST_LABEL_BODY)
_DATE_THEN_BY = regex.compile(r"(?<=\d)[,.]?[^\S\n]+(?=(?i:by|von|par|por)[^\S\n])")
# Where a Western label can start: the text's start and after these characters (see
# `_west_labels`); the ASCII letters its words start with, in either case.
_LINE_START = regex.compile(r"[\n|·•]")
_LABEL_INITIALS = frozenset("abdegiprstvwABDEGIPRSTVW")
_LABEL_ONLY = regex.compile(
    r"(?i:by|von|par|por|di|da|door|av|posted|written|published|author|autor|auteur)"
)
# A lower-case preposition is a label on a line of its own ("von\nHeiko") or before a full
# name ("von Andreas Kürten", `Options.byline_lower_label_min_words`); "by Taboola" in a
# widget is not a byline.
_LOWER_PREPOSITIONS = frozenset(("by", "von", "par", "por", "door", "av"))
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|del|della|des|la|le|y|bin|al|zu|ter|dos|das|mc|st\.)"
# A capitalised word, or initials written together ("J.R.").
_CAP_WORD = r"(?:(?:\p{Lu}\.){2,3}|\p{Lu}[\p{L}\p{M}'’\-]*\.?)"
_WEST_NAME = regex.compile(rf"{_CAP_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_CAP_WORD}){{0,4}}")
# A name ending in an initial keeps its dot ("R. R." stripped of punctuation is "R. R").
_INITIAL_END = regex.compile(r"(?<![\p{L}\p{M}])(\p{Lu})$")
_HANDLE = regex.compile(r"[\p{L}\p{N}_][\p{L}\p{N}_.\-]{1,39}")
# Where a Western credit ends: a date, a bar, a dash, "on/am/le ..." before a date, "in Section".
_WEST_STOP = regex.compile(
    # (a digit glued to letters is part of a handle: "freeman1984"; three spaces or more,
    # or two with a no-break space, end a credit set apart from the next: "Text von A
    # &nbsp; Illustration von B"; two plain ones are a slip: "Joachim  Hamberger")
    r"\n|\s[|·•–—-]\s|\||(?<![\p{L}\p{N}])\d|[^\S\n]{3,}|[^\S\n]\xa0|\xa0[^\S\n]|(?:^|\s)(?:on|am|le|el|il|the|in|for|at|um|à|ON|IN|FOR|AT)\s"
    r"|(?i:\s(?:published|updated|posted|veröffentlicht|aktualisiert|publié|mis à jour|lesezeit|reading time)\b)"
)
# (?<!\s): a try starts only where a run of spaces starts, so a long run costs linear time.
_SEPARATORS = regex.compile(
    r"(?<!\s)\s*(?:[,，、;；&/／]|\s(?:and|und|et|y|e|og|och|en|i)\s)\s*", regex.I
)
_LIST_COMMAS = frozenset(",，;；")
# A word in capitals (an outlet or a body: "HSS", "CNN"), Roman numerals aside ("John Roe III").
_ACRONYM = regex.compile(r"(?![IVXL]+$)\p{Lu}{2,}")
_SPACES = regex.compile(r"[\s\u3000\u00a0]+")
_ALL_HAN = regex.compile(r"\p{Han}+")
_HAN_NAME_TOKEN = regex.compile(rf"[{_HAN}·]+")


def names_in_byline(text: str, options: Options, *, reporters: bool = False) -> list[str]:
    """Names credited in `text` by an author label ("作者：", "文/", "By", "Von"...), or with
    `reporters` by a reporter credit ("记者 X", "（X 上海报道）"); [] when there is none."""
    # The Chinese patterns are tried only when the text holds the words they need.
    if reporters:
        if "记者" in text or "通讯员" in text:
            for m in _ZH_REPORTER.finditer(text):
                found = _reporter_names(text[m.end() :], options)
                if found:
                    return found
        for rx in (_ZH_REPORTED, _ZH_WIRE_DATELINE) if "报道" in text or "电" in text else ():
            reported = rx.search(text)
            if reported is not None:
                return _reporter_names(reported.group("names"), options)
        outlet = _ZH_NAME_OUTLET.search(text) if "/" in text or "／" in text else None
        return (
            [outlet.group("names")]
            if outlet is not None and outlet.group("names")[0] in SURNAMES
            else []
        )
    if any(c in text for c in _ZH_AUTHOR_CHARS):
        for m in _ZH_AUTHOR.finditer(text):
            found = _zh_names(text[m.end() :], options)
            if found:
                return found
    for m in sorted(
        itertools.chain(_west_labels(text), _dated_labels(text, options)), key=lambda m: m.start()
    ):
        found = _west_names(text[m.end() :], options)
        if found and _LABEL_ONLY.fullmatch(found[0]):
            continue  # a label after a label ("Post author / By / Name"): the next match has it
        if found and m.group("label") in _LOWER_PREPOSITIONS:
            alone = "\n" in m.group(0)[len(m.group("label")) :] or m.end() == len(text)
            if not alone and len(found[0].split()) < options.byline_lower_label_min_words:
                continue
        if found:
            return found
    return []


def _west_labels(text: str) -> Iterator[regex.Match[str]]:
    """`_WEST_LABEL.finditer(text)`, tried only where a match can start (the pattern opens
    with "text start or after a line, bar or bullet"): a few positions instead of all."""
    end = 0
    for start in itertools.chain((0,), (m.end() for m in _LINE_START.finditer(text))):
        if start < end:
            continue
        first = text[start : start + 1]
        if first.isascii() and first not in _LABEL_INITIALS and not first.isspace():
            continue  # an ASCII letter or sign that no label starts with (or the text's end)
        m = _WEST_LABEL.match(text, start)
        if m is not None:
            yield m
            end = m.end()


def _dated_labels(text: str, options: Options) -> list[regex.Match[str]]:
    """Labels that follow a date on their line ("Posted on September 21, 2020 by X",
    "12.03.2019 von X"): the line up to the label is a short date line, not prose ("founded
    in 2010 by X" holds no full date). Two or more such lines are a list of comments or
    posts ("06.11.23 - 13:53 von A zu ..."), whose credits are not the article's."""
    if not any(c.isdigit() for c in text):
        return []
    found: list[regex.Match[str]] = []
    for gap in _DATE_THEN_BY.finditer(text):
        line = text[text.rfind("\n", 0, gap.start()) + 1 : gap.start()]
        if len(line) <= options.byline_date_prefix_chars and search_text(line):
            m = _WEST_LABEL_HERE.match(text, gap.end())
            if m is not None:
                if found:
                    return []
                found.append(m)
    return found


def _zh_names(rest: str, options: Options) -> list[str]:
    stop = _ZH_STOP.search(rest)
    span = rest[: stop.start()] if stop else rest[: options.byline_han_span_chars]
    # "作者：XX中心研究部部长、研究员徐占忱）", "文丨光明网特约评论员 李勇": a description
    # ending with a title and the name (the role before the name is no name).
    line = rest[: rest.find("\n") if "\n" in rest else len(rest)].split("）")[0].split(")")[0]
    m = _TITLED_NAME.search(line)
    longest = options.byline_max_han_credit
    if m is not None and (len(span) > longest or len(span) < len(line.strip())):
        return [m.group(1)]
    return split_names(span, max_names=options.author_max_names) if len(span) <= longest else []


# A line of a date and a name set apart by a dash ("11.12.2019 - Amelie Loevenich").
# (A try starts only where a run of spaces starts: linear on long runs.)
_DASHED = regex.compile(r"(?<![^\S\n])[^\S\n]+[-–—][^\S\n]+")


def name_beside_date(texts: list[str], options: Options) -> list[str]:
    """The name on a line that holds only it and the date, set apart by a dash, among the
    first `Options.byline_dated_name_lines` lines under the headline: the unlabelled
    byline of blogs and small CMSs. A full name only (`byline_dated_name_min_words`,
    capitalised): a single word there is as often a place or a section."""
    for text in texts:
        for line in text.split("\n", options.byline_dated_name_lines)[
            : options.byline_dated_name_lines
        ]:
            parts = _DASHED.split(line.strip())
            if len(parts) != 2:
                continue
            for date, name in (parts, parts[::-1]):
                if (
                    len(date) <= options.byline_date_prefix_chars
                    and any(c.isdigit() for c in date)
                    and search_text(date)
                    and _WEST_NAME.fullmatch(name)
                    and len(name.split()) >= options.byline_dated_name_min_words
                ):
                    return [name]
    return []


def source_person(texts: list[str]) -> list[str]:
    """A person named as the source ("来源: 尹娟"): a 2-3 character name starting with a
    common surname, where agencies and papers would be ("来源：新华社")."""
    for text in texts:
        for m in _SOURCE_PERSON.finditer(text):
            name = m.group(1)
            if name[0] in SURNAMES and not _ZH_ORG_END.search(name):
                return [name]
    return []


def _reporter_names(rest: str, options: Options) -> list[str]:
    """Reporters are people: every name 2-4 Han characters (longer runs are split at
    surnames), else the match is prose, not a credit."""
    stop = _ZH_STOP.search(rest)
    span = (rest[: stop.start()] if stop else rest[: options.byline_han_span_chars]).strip()
    max_names = options.author_max_names
    if not span or _ZH_NOT_NAME.match(span) or (stop is not None and stop.group() in _PROSE_STOPS):
        return []
    if stop is not None and stop.group().startswith("摄"):  # a photo credit, not the writer
        return []
    out: list[str] = []
    for name in split_names(span, max_names=max_names):
        parts = _split_run(name) if _ALL_HAN.fullmatch(name) else [name]
        if any(_ALL_HAN.fullmatch(p) and not 2 <= len(p) <= _MAX_HAN_NAME for p in parts):
            return []
        out.extend(parts)
    return out[:max_names]


def _split_run(name: str) -> list[str]:
    """ "罗科苏盈" -> ["罗科", "苏盈"] when exactly one split puts a surname at every start."""
    if len(name) <= _MAX_HAN_NAME - 1 or len(name) not in _SPLITS:
        return [name]
    valid = []
    for sizes in _SPLITS[len(name)]:
        parts, at = [], 0
        for size in sizes:
            parts.append(name[at : at + size])
            at += size
        if all(p[0] in SURNAMES for p in parts):
            valid.append(parts)
    if len(valid) == 1:
        return valid[0]
    return [name] if len(name) <= _MAX_HAN_NAME else []


def _west_names(rest: str, options: Options) -> list[str]:
    stop = _WEST_STOP.search(rest)
    span = rest[: stop.start()] if stop else rest[: options.byline_span_chars]
    max_names = options.author_max_names
    names: list[str] = []
    for comma, part in _parts(span.strip()):
        part = _INITIAL_END.sub(r"\1.", part.strip(" .,:;"))
        if not part:
            continue
        if comma and names and _describes(names[0], part):
            break
        m = _WEST_NAME.fullmatch(part) or (_HANDLE.fullmatch(part) if not names else None)
        if m is None:
            # A capitalised name followed by other words ("Jane Doe Reporter"): keep the name.
            m = _WEST_NAME.match(part)
            if m is None or names or _runs_into_prose(m, part, options):
                break
            names.append(m.group(0))
            break
        names.append(part)
        if len(names) >= max_names:
            break
    return names


def _runs_into_prose(m: regex.Match[str], part: str, options: Options) -> bool:
    """A short name match followed by a lower-case word: "Kopf" of "Von Kopf bis Fuß"."""
    rest = part[m.end() :].lstrip()
    short = len(m.group(0).split()) < options.byline_prose_min_words
    return short and rest[:1].islower()


def _parts(text: str) -> Iterator[tuple[bool, str]]:
    """The parts of a credit between separators, each with whether a comma (not "and",
    "&" or "、") set it after the part before."""
    at, comma = 0, False
    for m in _SEPARATORS.finditer(text):
        yield comma, text[at : m.start()]
        comma, at = m.group().strip() in _LIST_COMMAS, m.end()
    yield comma, text[at:]


def _describes(first: str, part: str) -> bool:
    """After a comma, `part` says who `first` is (a role, an affiliation) rather than naming
    a co-author: it starts in lower case or with a digit, is one word after a full name, or
    holds an acronym the name lacks ("Jane Doe, reporter", "Jane Doe, Reuters", "Uta
    Staschewski, Projektleiterin der HSS"); "Jane Doe, John Roe" are two authors."""
    words = part.split()
    if not words or _ALL_HAN.search(part):
        return False
    if not words[0][0].isupper():
        return True
    if len(words) == 1 and len(first.split()) > 1:
        return True
    return not first.isupper() and any(_ACRONYM.fullmatch(w.strip(".,;:()")) for w in words)


def is_coauthor(first: str, part: str) -> bool:
    """`part`, listed after `first`, is another name (not a description of `first`)."""
    named = _WEST_NAME.fullmatch(part) or _ALL_HAN.fullmatch(part)
    return named is not None and not _describes(first, part)


def list_items(line: str) -> list[tuple[bool, str]]:
    """`line` cut into names and the separators between them, each marked (True for a
    separator): "Rocío Latorre y" -> [(False, "Rocío Latorre"), (True, "y")]."""
    out: list[tuple[bool, str]] = []
    padded = f" {line} "  # a separator word needs a space on each side
    at = 0
    for m in _SEPARATORS.finditer(padded):
        if padded[at : m.start()].strip():
            out.append((False, padded[at : m.start()].strip()))
        out.append((True, m.group().strip()))
        at = m.end()
    if padded[at:].strip():
        out.append((False, padded[at:].strip()))
    return out


def split_names(text: str, *, max_names: int) -> list[str]:
    """A credit split into names: "A、B", "A, B & C", "A and B"; Chinese names padded with
    spaces for alignment ("方  敏") are joined again."""
    text = text.strip(" \t:：/／|｜·")
    if not text:
        return []
    out: list[str] = []
    for comma, part in _parts(text):
        if not part.strip():
            continue
        if comma and out and _describes(out[0], part.strip()):
            break
        tokens = _SPACES.split(part.strip())
        if all(_HAN_NAME_TOKEN.fullmatch(t) for t in tokens):
            out.extend(_join_single_han(tokens))
        else:
            out.append(" ".join(tokens))
    return [n for n in out if n][:max_names]


def _join_single_han(tokens: list[str]) -> list[str]:
    """["王乐文", "方", "敏"] -> ["王乐文", "方敏"]: runs of lone characters are one name."""
    runs: list[str] = []
    pending = ""
    for token in tokens:
        if len(token) == 1:
            pending += token
            continue
        if pending:
            runs.append(pending)
            pending = ""
        runs.append(token)
    if pending:
        runs.append(pending)
    out: list[str] = []
    for run in runs:
        if len(run) == 1 and out:
            out[-1] += run
        else:
            out.append(run)
    return out
