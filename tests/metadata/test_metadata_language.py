"""The page's language: markup, the identified text (py3langid, the ``language`` extra), the
script; and which of them was used."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from _pages import FIXTURES, read_page
from declutter import extract
from declutter._compiled import compiled_module
from declutter._metadata import _language

needs_identifier = pytest.mark.skipif(
    not _language.identifier_available(), reason="py3langid (the language extra) is not installed"
)

_GERMAN = """<html><head><title>Hochwasser an der Elbe</title></head><body>
<nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
<article><h1>Hochwasser an der Elbe: Dresden bereitet sich vor</h1>
<p>Die Stadt Dresden rechnet in den kommenden Tagen mit einem deutlichen Anstieg des
Elbpegels. Nach Angaben des Umweltamtes könnte der Wasserstand bis zum Wochenende auf mehr
als sechs Meter steigen.</p>
<p>Die Feuerwehr hat bereits Sandsäcke an die Anwohner in den tiefer gelegenen Stadtteilen
verteilt. Der Oberbürgermeister rief die Bevölkerung zur Ruhe auf.</p></article></body></html>"""

# A Chinese blog post that is mostly shell commands: Han letters are under the script
# guess's share, so without the identifier it had no language.
_CHINESE_CODE = """<html><head><title>Docker 使用经验</title></head><body><article>
<h1>对于 Docker 和 Podman 的一点使用经验</h1>
<p>本文会以多个实际的线上例子，分享自己对于容器的一点使用经验及踩过的坑，希望对读者有帮助。</p>
<pre>docker stop apollo-configservice &amp;&amp; docker rm apollo-configservice
docker stop apollo-adminservice &amp;&amp; docker rm apollo-adminservice
docker run -p 28080:8080 --init --add-host=host.docker.internal:host-gateway \\
  -v /etc/localtime:/etc/localtime:ro -e SPRING_DATASOURCE_URL=jdbc:mysql://localhost/config \\
  -e SPRING_DATASOURCE_USERNAME=root -e SPRING_DATASOURCE_PASSWORD=secret \\
  -d --name apollo-configservice apolloconfig/apollo-configservice:2.0.1
docker run -p 28090:8090 --init --add-host=host.docker.internal:host-gateway \\
  -v /etc/localtime:/etc/localtime:ro -e SPRING_DATASOURCE_URL=jdbc:mysql://localhost/config \\
  -d --name apollo-adminservice apolloconfig/apollo-adminservice:2.0.1</pre>
<p>运行脚本之后，打开浏览器访问管理页面即可。</p></article></body></html>"""

# A template that says English on a Spanish article.
_SPANISH_UNDER_EN = """<html lang="en"><head><title>Elecciones</title></head><body><article>
<h1>La asamblea aprueba la reforma electoral</h1>
<p>La Asamblea Legislativa aprobó este jueves una reforma que modifica la forma en que se
reparten los escaños entre los partidos políticos. La medida fue respaldada por la mayoría de
los diputados después de un largo debate.</p>
<p>Los partidos de oposición anunciaron que presentarán un recurso ante la Sala de lo
Constitucional, porque consideran que la reforma se aprobó sin consultar a la población y a
pocos meses de las elecciones.</p></article></body></html>"""


@needs_identifier
def test_a_latin_page_without_lang_is_identified() -> None:
    article = extract(_GERMAN)
    assert (article.language, article.language_source) == ("de", "text")


@needs_identifier
def test_a_code_heavy_chinese_page_is_chinese() -> None:
    article = extract(_CHINESE_CODE)
    assert (article.language, article.language_source) == ("zh", "text")


@needs_identifier
def test_the_text_overrules_a_lang_attribute_it_clearly_contradicts() -> None:
    article = extract(_SPANISH_UNDER_EN)
    assert (article.language, article.language_source) == ("es", "text")


@needs_identifier
def test_a_declaration_the_text_agrees_with_keeps_its_region() -> None:
    article = extract(_GERMAN.replace("<html>", '<html lang="de-AT">'))
    assert (article.language, article.language_source) == ("de-AT", "markup")


@needs_identifier
def test_a_short_text_never_overrules_the_markup() -> None:
    page = '<html lang="en"><body><article><p>Bonjour à tous et bonne année !</p></article></body></html>'
    article = extract(page)
    assert (article.language, article.language_source) == ("en", "markup")


def test_without_the_extra_markup_then_script_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_language, "_identifier", lambda: None)
    assert not _language.identifier_available()
    assert (extract(_GERMAN).language, extract(_GERMAN).language_source) == (None, None)
    assert extract(_SPANISH_UNDER_EN).language_source == "markup"
    chinese = extract(
        "<html><body><article><p>"
        + "这是一个中文句子，用于测试语言识别。" * 5
        + "</p></article></body></html>"
    )
    assert (chinese.language, chinese.language_source) == ("zh", "script")


def test_target_languages() -> None:
    wanted = _language.targets("en, de-AT")
    assert wanted == frozenset({"en", "de"})
    assert _language.is_target("de-CH", wanted) and _language.is_target(None, wanted)
    assert not _language.is_target("fr", wanted)
    assert _language.is_target("fr", _language.targets(None))
    with pytest.raises(ValueError, match="not a language tag"):
        _language.targets("en,,fr")


@needs_identifier
def test_the_readme_example_keeps_what_it_says() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    [block] = [
        b for b in re.findall(r"```python\n(.*?)```", readme, re.DOTALL) if "doc.language" in b
    ]
    for page, kept in ((_GERMAN, True), (_SPANISH_UNDER_EN, False)):
        scope: dict[str, object] = {"extract": extract, "page_bytes": page.encode()}
        exec(block, scope)  # noqa: S102  (README's own code)
        assert scope["keep"] is kept


# --- the compiled scoring (`_walk.Automaton`, `_walk.widen_rows`) -----------------------------

needs_compiled = pytest.mark.skipif(
    not _language.identifier_available() or compiled_module() is None,
    reason="py3langid or the compiled kernel is missing",
)


@needs_identifier
def test_compiled_scoring_in_use_exactly_when_the_kernel_is() -> None:
    model = _language._identifier()
    assert (getattr(model, "kernel", None) is not None) == (compiled_module() is not None)


def _page_samples() -> list[str]:
    """The sampled title and body of real pages in several languages and scripts."""
    pages = sorted((FIXTURES / "bench").rglob("*.html.gz"))[::40]
    pages += sorted((FIXTURES / "pages").glob("*/page.html*"))[:20]
    samples = []
    for path in pages:
        article = extract(read_page(path))
        samples.append(f"{article.title or ''} {article.body[:2000]}"[:2000])
    return samples


@needs_compiled
def test_compiled_scores_are_py3langid_scores_on_real_pages() -> None:
    import numpy as np

    model = _language._identifier()
    texts = [model._encode(t) for t in [*_page_samples(), "", "12 34", _CHINESE_CODE]]
    kernel = model.kernel
    compiled = [model._raw_score(t) for t in texts]
    model.kernel = None
    try:
        python = [model._raw_score(t) for t in texts]
    finally:
        model.kernel = kernel
    assert len(texts) > 20
    for fast, slow in zip(compiled, python, strict=True):
        assert np.array_equal(fast, slow)


@needs_compiled
def test_the_automaton_reaches_py3langid_features_in_order() -> None:
    from collections import Counter

    from py3langid import langid

    model = _language._identifier()
    walk = _walk_module().Automaton(model.tk_nextmove, model._rowbase, model.tk_output)
    for text in (_GERMAN, _CHINESE_CODE, "x"):
        data = model._encode(text)
        counts = Counter(walk.features(data))
        expected = langid.visit_counts(model.tk_nextmove, model._rowbase, model.tk_output, data)
        assert list(counts.items()) == list((expected or {}).items())


@needs_compiled
def test_widen_rows_checks_its_shapes() -> None:
    import numpy as np

    widen_rows = _walk_module().widen_rows
    table = np.arange(6, dtype=np.uint16).reshape(3, 2)
    widened = np.arange(1 << 16, dtype=np.float32) * 0.5
    out = np.empty((2, 2), dtype=np.float32)
    widen_rows(table, np.array([2, 0], dtype=np.intp), widened, out)
    assert out.tolist() == [[2.0, 2.5], [0.0, 0.5]]
    with pytest.raises(IndexError):
        widen_rows(table, np.array([3, 0], dtype=np.intp), widened, out)
    with pytest.raises(ValueError, match="shapes"):
        widen_rows(table, np.array([1], dtype=np.intp), widened, out)


def _walk_module() -> Any:
    module = compiled_module()
    assert module is not None
    return module


def test_script_guesses_count_once_for_both_shares() -> None:
    guesses = _language._script_guesses
    assert guesses("これは日本語の文章です", (0.1, 0.03)) == ["ja", "ja"]
    assert guesses("Ünïcödé Latin-1 only", (0.1, 0.03)) == [None, None]
    # Han letters under the first share but over the second: a code-heavy Chinese page
    mixed = "docker run --name configservice “quoted” 中文"
    assert guesses(mixed, (0.1, 0.03)) == [None, "zh"]
    assert guesses("“…” 123", (0.1, 0.03)) == [None, None]  # no letters
