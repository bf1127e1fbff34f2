"""Dates: parsing of the written forms, source order, refinement and plausibility."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from _metadata_helpers import meta_of
from declutter._metadata._dateparse import parse_structured, search_text


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2025年6月21日 06:34", "2025-06-21T06:34"),
        ("2025-06-21 06:34", "2025-06-21T06:34"),
        ("发布时间：2024-05-09", "2024-05-09"),
        ("2024年05月10日06:58 | 来源：", "2024-05-10T06:58"),  # people.com.cn dateline
        ("2024\n05/09\n22:27:02\n来源：新华网", "2024-05-09T22:27:02"),  # news.cn dateline
        ("June 21, 2025", "2025-06-21"),
        ("21.06.2025", "2025-06-21"),
        ("21. Juni 2025", "2025-06-21"),
        ("3 de mayo de 2022\n21:25", "2022-05-03T21:25"),  # lanacion.com.ar
        ("15 августа 2016, 13:43", "2016-08-15T13:43"),  # football.ua
        ("28.01.22 /\n0 Kommentare", "2022-01-28"),  # meininger.de
        ("PUBLISHED: November 8, 2023 at 11:30 p.m.", "2023-11-08T23:30"),  # twincities.com
        ("2019-09-04 22:18:34 +0800", "2019-09-04T22:18:34+08:00"),
        ("Aktualisiert am 06. Mär. 2023", "2023-03-06"),  # eatsmarter.de
        ("12 avr. 2021", "2021-04-12"),
        ("3 abr 2020", "2020-04-03"),
        ("9 lug 2017", "2017-07-09"),
        ("7. Jän. 2013", "2013-01-07"),
    ],
)
def test_dates_written_in_text(text: str, iso: str) -> None:
    assert [v.iso() for v in search_text(text)][:1] == [iso]


def test_structured_values_keep_the_stated_zone() -> None:
    assert parse_structured("2025-06-21T06:34:00+08:00").iso() == "2025-06-21T06:34:00+08:00"  # type: ignore[union-attr]
    assert parse_structured("Wed, 04 May 2022 00:25:56 GMT").iso() == "2022-05-04T00:25:56+00:00"  # type: ignore[union-attr]
    assert parse_structured("2024-05-10").iso() == "2024-05-10"  # type: ignore[union-attr]


def test_month_first_only_when_asked() -> None:
    assert search_text("05/06/2020", day_first=True)[0].iso() == "2020-06-05"
    assert search_text("05/06/2020", day_first=False)[0].iso() == "2020-05-06"
    assert (
        search_text("25/12/2019", day_first=False)[0].iso() == "2019-12-25"
    )  # 25 cannot be a month


def test_relative_dates_need_a_reference_time() -> None:
    now = datetime(2025, 6, 21, 6, 34)
    assert [v.iso() for v in search_text("3小时前", reference_time=now)] == ["2025-06-21T03:34"]
    assert [v.iso() for v in search_text("vor 2 Tagen", reference_time=now)] == ["2025-06-19"]
    assert [v.iso() for v in search_text("yesterday", reference_time=now)] == ["2025-06-20"]
    assert search_text("3小时前") == []


def test_yearless_date_needs_a_year() -> None:
    assert search_text("发布时间：10-08 12:00") == []
    assert search_text("发布时间：10-08 12:00", year_hint=2019)[0].iso() == "2019-10-08T12:00"


_SINA = """<html><head><title>城市有轨电车之困：一边争相上马，一边接连叫停|有轨电车_新浪新闻</title>
<meta property="og:title" content="城市有轨电车之困：一边争相上马，一边接连叫停">
<meta property="article:published_time" content="2024-05-10T05:54:20+08:00">
<meta name="weibo: article:update_at" content="2024-05-10 05:54:19"></head><body>
<h1 class="main-title">城市有轨电车之困：一边争相上马，一边接连叫停</h1>
<div class="date-source"><span class="date">2024年05月10日 00:26</span>
<a href="#" class="source">每日经济新闻</a></div><div id="article"><p>正文。</p></div></body></html>"""


def test_printed_time_refines_a_meta_date_of_the_same_day() -> None:
    meta = meta_of(_SINA)
    assert meta.date == "2024-05-10T00:26"
    assert meta.date_source == "text"
    assert meta.date_modified == "2024-05-10T05:54:19"


def test_printed_local_time_of_a_utc_meta_date_keeps_no_made_up_offset() -> None:
    # The reader sees 21:25 on 3 May; the meta's UTC instant is the same moment. The page
    # never states its zone, so none is derived by subtracting one source from the other.
    html = """<html><head><meta property="article:published_time" content="2022-05-04T00:25:56Z">
    <title>Jugada del oficialismo</title></head><body><h1>Jugada del oficialismo</h1>
    <time class="com-date">3 de mayo de 2022</time> <time class="com-hour">21:25</time>
    <p>Convocó a una sesión para el jueves.</p></body></html>"""
    meta = meta_of(html)
    assert meta.date == "2022-05-03T21:25"


def test_a_printed_dateline_a_zone_away_from_the_structured_instant_dates_the_page() -> None:
    # The page prints its local day (and the time it went out) under the headline; the meta
    # instant is a few minutes later in UTC, past midnight. What readers see is the date, and
    # no zone is made up from the difference of the two (21:17 is no whole zone from 00:25).
    html = """<html><head><meta property="article:published_time" content="2022-05-04T00:25:56Z">
    <title>Jugada</title></head><body><h1>Jugada</h1><time class="com-date">3 de mayo de
    2022</time> <time class="com-hour">21:17</time><p>Convocó a una sesión.</p></body></html>"""
    assert meta_of(html).date == "2022-05-03T21:17"


def test_a_date_after_a_publication_label_in_the_footer_dates_an_undated_page() -> None:
    # A blog theme's post footer: no meta, no <time>, nothing near the headline.
    html = """<html><body><h1>Eine Arduino Virtual Wall</h1><p>Der Roboter fährt gegen die
    Wand, die es nicht gibt, und dreht um.</p><div class="post-footer">Dieser Artikel wurde am
    14. Dezember 2015 um 14:48 von Max veröffentlicht.</div></body></html>"""
    assert meta_of(html).date == "2015-12-14T14:48"


def test_an_update_label_alone_does_not_date_the_page() -> None:
    text = "Die Tabelle der Preise für das kommende Jahr, nach Gruppen geordnet. " * 20
    html = f"""<html><body><h1>Preise</h1><p>{text}</p><p>{text}</p>
    <footer>Aktualisiert 14.12.2015</footer></body></html>"""
    assert meta_of(html).date is None
    assert meta_of(html.replace("Aktualisiert", "Veröffentlicht")).date == "2015-12-14"


def test_json_ld_beats_meta_and_both_are_recorded() -> None:
    html = """<html><head><script type="application/ld+json">{"@context":"https://schema.org",
    "@type":"NewsArticle","headline":"X","datePublished":"2020-01-02T10:00:00+01:00",
    "dateModified":"2020-01-03T09:00:00+01:00"}</script>
    <meta property="article:published_time" content="2020-01-05"></head><body><h1>X</h1></body></html>"""
    meta = meta_of(html)
    assert (meta.date, meta.date_modified, meta.date_source) == (
        "2020-01-02T10:00:00+01:00", "2020-01-03T09:00:00+01:00", "json-ld",
    )  # fmt: skip


def test_url_date_when_the_page_states_none() -> None:
    meta = meta_of(
        "<html><body><h1>T</h1><p>x</p></body></html>", url="https://example.org/2019/08/02/post/"
    )
    assert (meta.date, meta.date_source) == ("2019-08-02", "url")


def test_implausible_dates_are_rejected() -> None:
    html = (
        '<html><head><meta name="date" content="1985-03-01"></head><body><h1>T</h1></body></html>'
    )
    assert meta_of(html).date is None
    future = (
        '<html><head><meta name="date" content="2030-03-01"></head><body><h1>T</h1></body></html>'
    )
    assert meta_of(future).date == "2030-03-01"
    assert meta_of(future, reference_time=datetime(2025, 1, 1, tzinfo=UTC)).date is None


def test_relative_byline_date_resolves_against_reference_time_only() -> None:
    html = "<html><body><h1>标题内容</h1><div class='info'>3小时前</div><p>正文内容。</p></body></html>"
    assert meta_of(html).date is None
    assert meta_of(html, reference_time=datetime(2025, 6, 21, 6, 34)).date == "2025-06-21T03:34"


def test_date_after_an_h1_that_shows_part_of_the_declared_title() -> None:
    # der-farang.com: og:title adds the country; the dateline follows the h1
    html = """<html><head><meta property="og:title" content="Frei erfunden: Grab-Bote fliegt nach Singapur, Thailand">
    </head><body><h1>Bangkok</h1><h1>Frei erfunden: Grab-Bote fliegt nach Singapur</h1>
    <div class="article-meta-wrapper">Von: Björn Jahner <span>|</span> <span>31.10.23</span></div>
    <p>Text.</p><h1>Leserkommentare</h1></body></html>"""
    assert meta_of(html).date == "2023-10-31"


def test_publication_date_in_a_meta_key_of_no_standard() -> None:
    # 500px.com: only its own namespace dates the photo; an expiry date is not one
    html = """<html><head><meta property="five_hundred_pixels:expires" content="2030-01-01">
    <meta property="five_hundred_pixels:uploaded" content="2013-02-16T04:36:36-05:00"></head><body><p>x</p></body></html>"""
    assert meta_of(html).date == "2013-02-16T04:36:36-05:00"


def test_publication_date_in_a_script_state_object() -> None:
    # munich2022.com: a framework's page state, no JSON-LD, no printed date
    html = """<html><head><script>window.__STATE__={"page":{"createdAt":"2022-01-31T15:58:43+01:00",
    "updatedAt":"2022-02-01T10:00:00+01:00"}}</script></head><body><h1>Europas Topathleten</h1><p>x</p></body></html>"""
    assert meta_of(html).date == "2022-01-31T15:58:43+01:00"


def test_date_in_the_share_image_path_is_the_last_resort() -> None:
    html = """<html><head><meta property="og:image" content="https://www.eff.org/files/2016/05/04/ar-2015-og.png">
    </head><body><h1>EFF's 2015 Annual Report</h1></body></html>"""
    assert meta_of(html).date == "2016-05-04"
    dated = html.replace("<h1>", "<h1>").replace("</h1>", "</h1><p>Posted 3 June 2016</p>")
    assert meta_of(dated).date == "2016-06-03"


def test_hatom_abbr_keeps_the_date_in_its_title() -> None:
    # blogspot: <abbr class="published" itemprop="datePublished" title="..."> shows the time only
    html = """<html><body><h1>Rezi: Love is War</h1><div class="post-footer">Eingestellt von Weinlachgummi um
    <abbr class="published" itemprop="datePublished" title="2017-09-09T10:52:00+02:00">10:52</abbr></div>
    <p>Text.</p><div class="sidebar"><span class="date">14.08.2017</span></div></body></html>"""
    assert meta_of(html).date == "2017-09-09T10:52:00+02:00"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Nov. 9, 2023, 12:51 AM EST", "2023-11-09T00:51:00-05:00"),  # huffpost.com
        ("19.11.2019 10:31 MESZ", "2019-11-19T10:31:00+02:00"),
        (
            "Nov 19, 2019, 10:31 pm CST",
            "2019-11-19T22:31",
        ),  # CST: US, China or Cuba, no offset guessed
        ("le 3 mai 2022 à 10:30 est paru", "2022-05-03T10:30"),  # French "est" is no zone
        ("2019年11月19日 10:31 北京时间", "2019-11-19T10:31:00+08:00"),  # China has one zone
    ],
)
def test_named_zones_only_where_unambiguous(text: str, iso: str) -> None:
    assert [v.iso() for v in search_text(text)][:1] == [iso]


def test_a_labelled_publication_date_under_the_headline_beats_the_markup() -> None:
    # caritas.de: the meta date is the page's last edit; the page prints when it appeared
    html = """<html><head><meta property="article:published_time" content="2021-10-15T09:00:00+02:00"></head><body>
    <h1>Eva Welskop-Deffaa zur neuen Caritas-Präsidentin gewählt</h1>
    <div><span>Erschienen am:</span> <h2>13.10.2021</h2></div><p>Text.</p></body></html>"""
    assert meta_of(html).date == "2021-10-13"


def test_a_label_word_in_prose_does_not_date_the_page() -> None:
    # cnr.cn: "发布《规定》，自2022年2月10日起施行" is prose: the printed dateline stands
    html = """<html><body><h1>习近平签署命令 发布《军队装备试验鉴定规定》</h1><div>2022-02-13 07:00:00</div>
    <p>中央军委主席习近平日前签署命令，发布《军队装备试验鉴定规定》，自2022年2月10日起施行。</p></body></html>"""
    assert meta_of(html).date == "2022-02-13T07:00:00"


def test_a_label_then_prose_is_no_dateline() -> None:
    # "Stand der Technik ... 2019": the label word starts a sentence
    html = """<html><head><meta property="article:published_time" content="2021-10-15T09:00:00+02:00"></head><body>
    <h1>Neue Verfahren</h1><p>Stand der Technik war am 3. Mai 2019 ein anderer.</p></body></html>"""
    assert meta_of(html).date == "2021-10-15T09:00:00+02:00"
    posted = html.replace(
        "<p>Stand der Technik war am 3. Mai 2019 ein anderer.</p>", "<p>Posted on May 3, 2019</p>"
    )
    assert meta_of(posted).date == "2019-05-03"


def test_the_next_dates_day_and_month_are_no_time_of_day() -> None:
    # A date printed twice on two lines: "19.11" of the second is no "19:11" of the first.
    first, second = search_text("19.11.2021\n19.11.2021")
    assert (first.day, first.hour, second.hour) == (19, None, None)
    assert search_text("19.11.2021, 10.30 Uhr")[0].hour == 10
