"""The page's language: declared in the markup, identified from the text, or guessed from the
text's script.

The three sources and the rule that picks among them (`find_language`):

- ``markup``: the first valid tag among ``<html lang>``, the language metas and JSON-LD's
  ``inLanguage``. It wins unless the text clearly contradicts it (templates copy
  ``lang="en"`` onto pages in any language).
- ``text``: py3langid (the ``language`` extra) on the sampled title and body, trusted when the
  sample measures at least `Options.language_min_text` and the identification reaches
  `Options.language_min_confidence`; it replaces a declaration whose primary language differs
  only from `Options.language_override_text` and `Options.language_override_confidence`.
  Where a non-Latin script holds `Options.language_mixed_script_share` of the letters, only
  the text outside ASCII is identified: code and Latin terms in a Chinese blog outweigh it.
- ``script``: the dominant non-Latin script (kana, Hangul, Han...) when neither decides; Latin
  text is left undecided. Without the extra this is the only fallback, as before it existed.
"""

from __future__ import annotations

import functools
import importlib
from collections import Counter
from enum import StrEnum
from types import ModuleType
from typing import Any, NamedTuple

import regex

from .._compiled import compiled_module
from .._options import Options
from .._text import clean
from .._textstats import measure

__all__ = [
    "Language",
    "LanguageSource",
    "find_language",
    "identifier_available",
    "is_target",
    "normalise_tag",
    "primary",
    "targets",
]

_TAG = regex.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
# Scripts that name one language well enough; Latin text is left undecided. Kana before
# Han (Japanese mixes both), Hangul before Han too.
_SCRIPTS = (
    ("ja", regex.compile(r"[\p{Hiragana}\p{Katakana}]")),
    ("ko", regex.compile(r"\p{Hangul}")),
    ("zh", regex.compile(r"\p{Han}")),
    ("th", regex.compile(r"\p{Thai}")),
    ("el", regex.compile(r"\p{Greek}")),
    ("he", regex.compile(r"\p{Hebrew}")),
    ("ar", regex.compile(r"\p{Arabic}")),
    ("hi", regex.compile(r"\p{Devanagari}")),
    ("bn", regex.compile(r"\p{Bengali}")),
    ("ru", regex.compile(r"\p{Cyrillic}")),  # the most common Cyrillic-script language
)
_ASCII_RUNS = regex.compile(r"[\x00-\x7f]+")


class LanguageSource(StrEnum):
    """Where `Article.language` comes from."""

    MARKUP = "markup"
    """The page's own declaration (``<html lang>``, a language meta, JSON-LD)."""
    TEXT = "text"
    """py3langid's confident identification of the title and body."""
    SCRIPT = "script"
    """The script most of the text's letters are written in (kana, Hangul, Han...)."""


class Language(NamedTuple):
    """The page's language tag and the source it was taken from (both None: undecided)."""

    tag: str | None = None
    source: LanguageSource | None = None
    without_text: str | None = None
    """What markup, then script, give without the identifier (the date order reads it, so
    that installing the extra leaves dates as they were)."""


def normalise_tag(value: str | None) -> str | None:
    """``en_US`` -> ``en-US``; anything that is not a language tag -> None."""
    value = clean(value).split(",")[0].strip() if value else ""
    if not value or not _TAG.match(value):
        return None
    parts = value.replace("_", "-").split("-")
    return "-".join([parts[0].lower()] + [p.upper() if len(p) == 2 else p for p in parts[1:]])


def primary(tag: str) -> str:
    """The primary language subtag: ``zh-Hans-CN`` -> ``zh``."""
    return tag.split("-", 1)[0].lower()


def targets(value: str | None) -> frozenset[str]:
    """The primary languages of a comma-separated list of tags (`Options.target_language`);
    empty for None. Raises ValueError for a piece that is no language tag."""
    if value is None:
        return frozenset()
    wanted = set()
    for piece in value.split(","):
        tag = normalise_tag(piece)
        if tag is None:
            raise ValueError(
                f"--target-language: {piece.strip()!r} is not a language tag (en, de-AT...)"
            )
        wanted.add(primary(tag))
    return frozenset(wanted)


def is_target(language: str | None, wanted: frozenset[str]) -> bool:
    """Whether a page in `language` is wanted: no targets, an unknown language, or a match."""
    return not wanted or language is None or primary(language) in wanted


def find_language(declared: list[str | None], text: str, options: Options) -> Language:
    """The page's language by the rule of the module's documentation."""
    markup = next((tag for tag in map(normalise_tag, declared) if tag is not None), None)
    sample = text[: options.language_sample_chars]
    script, mixed = _script_guesses(
        sample, (options.language_min_script_share, options.language_mixed_script_share)
    )
    mixed = script or mixed
    identified = _identify(_ASCII_RUNS.sub(" ", sample) if mixed else sample, options)
    without_text = markup or script
    if markup is not None and not _contradicts(identified, markup, options):
        return Language(markup, LanguageSource.MARKUP, without_text)
    if identified is not None:
        return Language(identified[0], LanguageSource.TEXT, without_text)
    if script is not None:
        return Language(script, LanguageSource.SCRIPT, without_text)
    return Language()


def identifier_available() -> bool:
    """Whether py3langid (the ``language`` extra) is installed."""
    return _identifier() is not None


def _contradicts(identified: tuple[str, float, int] | None, markup: str, options: Options) -> bool:
    if identified is None or identified[0] == primary(markup):
        return False
    _, confidence, length = identified
    return (
        confidence >= options.language_override_confidence
        and length >= options.language_override_text
    )


def _identify(sample: str, options: Options) -> tuple[str, float, int] | None:
    """(language, confidence, sample measure) when the identification is trusted."""
    model = _identifier()
    length = measure(sample)
    if model is None or length < options.language_min_text:
        return None
    code, confidence = model.classify(sample)
    if confidence < options.language_min_confidence:
        return None
    return str(code), float(confidence), length


@functools.cache
def _identifier() -> Any:
    """py3langid's model with probabilities, loaded once per process (about a second), or
    None without the extra; scored by the compiled kernel (`_compiled_identifier`) when it
    is there and gives py3langid's own scores. Read-only once loaded: a cache, not shared
    mutable state."""
    try:
        langid = importlib.import_module("py3langid.langid")
    except ImportError:
        return None
    kernel = compiled_module()
    model = None if kernel is None else _compiled_model(langid, kernel)
    return model or langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)


def _compiled_model(langid: ModuleType, kernel: ModuleType) -> Any:
    """The model as a `_compiled_identifier`, its kernel dropped unless it scores as
    py3langid does; None when py3langid's internals are not those it was written for."""
    try:
        cls = _compiled_identifier(langid.LanguageIdentifier, kernel)
        model = cls.from_model_file(langid.MODEL_FILE, norm_probs=True)
    except Exception:  # noqa: BLE001 (a py3langid whose internals differ: any error)
        return None
    if not _scores_as_python(model):
        model.kernel = None  # py3langid's own scoring
    return model


# Texts the compiled scoring must score exactly as py3langid does before it is used.
_SELF_TEST_TEXTS = (
    "The quick brown fox jumps over the lazy dog, again and again.",
    "Der schnelle braune Fuchs springt \u00fcber den faulen Hund.",
    "\u4e2d\u6587\u7f51\u9875\u7684\u6b63\u6587 \u30c6\u30b9\u30c8 \u0442\u0435\u043a\u0441\u0442",
    "!!! ??? ...",
)


def _compiled_identifier(base: Any, kernel: ModuleType) -> Any:
    """py3langid's identifier class with its feature walk and its rows' cast in the kernel:
    py3langid walks its byte automaton in a Python loop, and numpy casts the float16 rows it
    multiplies several times slower than `_walk.widen_rows` does. The product stays numpy's
    (the same float32 arithmetic); with `kernel` None, everything is py3langid's."""
    import numpy as np  # a dependency of py3langid

    class Compiled(base):  # type: ignore[misc]
        __slots__ = ("_automaton", "_widened", "kernel")

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.kernel: ModuleType | None = kernel
            self._automaton = kernel.Automaton(self.tk_nextmove, self._rowbase, self.tk_output)
            halves = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16)
            self._widened = halves.view(np.float16).astype(np.float32)

        def _raw_score(self, text: bytes) -> Any:
            features = self._automaton.features(text) if self.kernel is not None else None
            if not features:  # py3langid's walk, and its score of a featureless text
                return super()._raw_score(text)
            return self._sparse_score(Counter(features), self.nb_ptc)

        def _sparse_score(self, visits: Counter[int], table: Any) -> Any:
            if self.kernel is None or table.dtype != np.float16 or not table.flags.c_contiguous:
                return super()._sparse_score(visits, table)
            idx = np.fromiter(visits.keys(), dtype=np.intp, count=len(visits))
            counts = np.fromiter(visits.values(), dtype=np.float32, count=len(visits))
            rows = np.empty((len(idx), table.shape[1]), dtype=np.float32)
            self.kernel.widen_rows(table.view(np.uint16), idx, self._widened, rows)
            return np.log1p(counts) @ rows + self.nb_pc

    return Compiled


def _scores_as_python(model: Any) -> bool:
    """Whether `model` (a `_compiled_identifier`) scores `_SELF_TEST_TEXTS` exactly as
    py3langid does (any error: no)."""
    import numpy as np

    kernel = model.kernel
    try:
        texts = [model._encode(text) for text in _SELF_TEST_TEXTS]
        compiled = [model._raw_score(text) for text in texts]
        model.kernel = None
        python = [model._raw_score(text) for text in texts]
    except Exception:  # noqa: BLE001 (a py3langid whose internals differ: any error)
        return False
    finally:
        model.kernel = kernel
    return all(np.array_equal(a, b) for a, b in zip(compiled, python, strict=True))


def _script_guesses(sample: str, min_shares: tuple[float, ...]) -> list[str | None]:
    """For each share, the language of the dominant non-Latin script of `sample` if any: the
    first of `_SCRIPTS` that holds that share of its letters. The letters and each script's
    are counted once, and not at all in Latin-1 text (none of its characters is in them)."""
    if all(share > 0 for share in min_shares) and _latin1(sample):
        return [None for _ in min_shares]
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return [None for _ in min_shares]
    counts: dict[str, int] = {}

    def guess(min_share: float) -> str | None:
        for code, rx in _SCRIPTS:
            if code not in counts:
                counts[code] = len(rx.findall(sample))
            if counts[code] / letters >= min_share:
                return code
        return None

    return [guess(share) for share in min_shares]


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True
