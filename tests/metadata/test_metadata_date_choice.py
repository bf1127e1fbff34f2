"""Dates: which of the page's dates is its publication date (printed vs declared, URL)."""

from __future__ import annotations

from _metadata_helpers import meta_of

_DECLARED = """<html><head><title>Fische und Schmerzen</title>
<meta property="article:published_time" content="2021-11-29T14:13:37+00:00">
<meta property="article:modified_time" content="2022-01-12T14:27:30+00:00"></head><body>
<div class="{wrapper}"><h1>Fühlen Fische Schmerzen?</h1>
<div class="meta"><span>Christoph Hein</span><span>Chefredakteur</span><span>ca. 8 Min.</span>
{dateline}</div>
<p>Ob Fische Schmerzen fühlen, ist eine berechtigte Frage und seit langem Mittelpunkt einer
wissenschaftlichen Kontroverse, denn die Antwort ist nicht einfach.</p></div>
{aside}</body></html>"""


def _page(dateline: str, *, wrapper: str = "content", aside: str = "") -> str:
    return _DECLARED.format(dateline=dateline, wrapper=wrapper, aside=aside)


def test_the_dateline_under_the_headline_beats_a_declared_date_of_another_day() -> None:
    # angelmagazin.de: the meta says when the draft was made; readers see the day it went out
    assert meta_of(_page("<span>12.01.2022</span>")).date == "2022-01-12"
    assert meta_of(_page("<span>12.01.2022</span>")).date_source == "text"


def test_without_a_dateline_the_declared_date_stands() -> None:
    assert meta_of(_page("")).date == "2021-11-29T14:13:37+00:00"


def test_a_dateline_that_agrees_with_the_declared_day_confirms_it() -> None:
    # nmb-media.de: an update stamp, then the publication stamp, then the day printed again
    lines = "<span>2018-08-29 14:15:57</span><span>2021-11-29 15:13:00</span>"
    assert meta_of(_page(lines)).date == "2021-11-29T14:13:37+00:00"


def test_day_and_month_read_the_other_way_round_agree() -> None:
    # huffingtonpost.co.uk: "02/11/2021" read day first is 2 November; the declared 11
    # February says the page writes month first (another day is another date)
    page = _page("<span>02/11/2021 02:00pm GMT</span>").replace("2021-11-29T14", "2021-02-11T14")
    assert meta_of(page).date == "2021-02-11T14:13:37+00:00"
    other = _page("<span>03/11/2021 02:00pm GMT</span>").replace("2021-11-29T14", "2021-02-11T14")
    assert meta_of(other).date == "2021-11-03T14:00:00+00:00"


def test_a_date_in_prose_or_a_caption_is_no_dateline() -> None:
    caption = (
        "<p>Doctors examine an injured child at the hospital in Gaza City on Oct. 21, 2021.</p>"
    )
    assert meta_of(_page(caption)).date == "2021-11-29T14:13:37+00:00"
    sentence = "<p>Stand der Technik war am 3. Mai 2019 ein anderer.</p>"
    assert meta_of(_page(sentence)).date == "2021-11-29T14:13:37+00:00"


def test_a_dateline_printed_only_in_a_sidebar_is_another_pages() -> None:
    teaser = '<div class="sidebar"><span>12.01.2022</span> Die besten Köder</div>'
    page = _page("", aside=teaser)
    assert meta_of(page).date == "2021-11-29T14:13:37+00:00"
    # ... but a layout wrapper named after its sidebar holds the article itself
    wrapped = _page("<span>12.01.2022</span>", wrapper="template with-sidebar-right")
    assert meta_of(wrapped).date == "2022-01-12"


def test_the_url_decides_between_a_dateline_and_the_declared_date() -> None:
    # vaticannews.va: the dateline says 2021, the declaration and the URL's month say 2022
    html = _page("<span>29/11/2020</span>")
    assert meta_of(html, url="https://example.org/news/2021-11/fische.html").date == (
        "2021-11-29T14:13:37+00:00"
    )
    # ... and a URL of the dateline's month, or none, leaves the dateline its say
    assert meta_of(html, url="https://example.org/news/2020-11/fische.html").date == "2020-11-29"
    assert meta_of(html, url="https://example.org/news/fische.html").date == "2020-11-29"


def test_a_date_in_the_prose_loses_to_the_full_date_in_the_url() -> None:
    # bundesfeuerwehrverband.at: the first date under the headline is the event's
    html = """<html><body><h1>„Zentrum am Berg“ offiziell eröffnet</h1><p>Im Beisein zahlreicher
    Ehrengäste wurde das „Zentrum am Berg“ am 18. Oktober 2021 am steirischen Erzberg offiziell
    eröffnet und in Betrieb genommen.</p></body></html>"""
    url = "https://www.example.at/2021/10/20/zentrum-am-berg-offiziell-eroeffnet/"
    assert meta_of(html, url=url).date == "2021-10-20"
    assert meta_of(html).date == "2021-10-18"
    # a dateline is the page's own date, whatever the URL says
    dated = html.replace("<p>", "<p>20.10.2021</p><p>")
    assert meta_of(dated, url=url.replace("/20/", "/21/")).date == "2021-10-20"


def test_a_publication_label_in_a_script_is_not_read() -> None:
    # hobby-werkstatt-blog.de: an ad's code comment "Erstellt 02.06.10" precedes the footer,
    # far below the headline
    text = "Der Roboter fährt gegen die Wand, die es nicht gibt, und dreht wieder um. " * 10
    html = f"""<html><body><h1>Eine Arduino Virtual Wall</h1><p>{text}</p>
    <script>/* Erstellt 02.06.10 */ google_ad_slot = "1";</script><p>{text}</p>
    <div class="post-footer">Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von Heiner
    geschrieben.</div></body></html>"""
    assert meta_of(html).date == "2015-12-14T14:48"


def test_a_date_in_the_prose_loses_to_the_signature_at_the_articles_end() -> None:
    # creativecommons.at (Drupal): the summer camp's date under the headline, the post's
    # own date in the "submitted" line after it
    text = "Vorträge, Workshops und Hackathons für Aktivisten aus ganz Europa und anderswo. " * 8
    html = f"""<html><body><div class="node"><h1>FairCoin Hackathon</h1><p>Im Jura gibt es ein
    Sommercamp vom 26. August 2017 bis zum 10. September mit mehreren Schwerpunkten.</p>
    <p>{text}</p><div class="submitted">Gespeichert von rasos am 24. Juli 2017 - 18:55</div>
    </div></body></html>"""
    assert meta_of(html, body=text).date == "2017-07-24T18:55"


def test_a_dateline_with_a_two_digit_year_is_a_dateline() -> None:
    # goodnight.at: "Party, 30.10.23" above the headline; the prose names another day
    html = """<html><body><div class="date"> Party, 30.10.23 </div><h1>Halloween-Kostüme</h1>
    <p>Die besten Last-Minute-Kostüme für die Party am 31. Oktober 2023 findet ihr hier, ganz
    ohne Nähmaschine und teure Einkäufe.</p></body></html>"""
    url = "https://example.at/magazin/2023/10/08/halloween-kostueme"
    assert meta_of(html, url=url).date == "2023-10-30"


def test_an_updates_dateline_gives_way_to_the_publication_dateline() -> None:
    # regards.fr: the update notice comes first, the publication day below it
    html = """<html><body><h1>Deux ans et demi en macronie</h1><p>Article mis à jour le 7
    janvier 2020.</p><p>Loïc Le Clerc | 30 septembre 2018</p><p>Neuf mises en examen, dix
    enquêtes en cours et deux condamnations.</p></body></html>"""
    assert meta_of(html).date == "2018-09-30"
    # ... and when the page prints its update alone, that is the day readers see
    alone = _page("<span>Updated 12.01.2022</span>")
    assert meta_of(alone).date == "2022-01-12"


def test_a_comments_or_an_embedded_posts_time_is_not_the_pages() -> None:
    # resonator-podcast.de (WordPress): the first <time> is a reader's comment's
    text = "Kathrin Göbel ist Astrophysikerin und forscht am GSI Helmholtzzentrum. " * 10
    comment = """<ol class="comment-list"><li class="comment"><article class="comment-body">
    <footer class="comment-meta"><div class="comment-metadata"><a href="#c1"><time
    datetime="2019-08-24T03:36:11+02:00">24. August 2019</time></a></div></footer>
    <p>Tolle Folge!</p></article></li></ol>"""
    html = f"""<html><body><h1>RES158 Sternfusion</h1><p>{text}</p><p>Veröffentlicht am
    16.08.2019</p>{comment}</body></html>"""
    assert meta_of(html).date == "2019-08-16"
    # an Instagram post quoted in the article is dated too, by its author
    embed = html.replace('<ol class="comment-list">', '<blockquote class="instagram-media">')
    embed = embed.replace("</ol>", "</blockquote>")
    assert meta_of(embed).date == "2019-08-16"
    # ... while the article's own <time> in its footer stands
    own = html.replace(
        "</h1>", '</h1><footer class="entry-footer"><time datetime="2019-08-15">x</time></footer>'
    )
    assert meta_of(own).date == "2019-08-15"


def test_a_german_participle_label_after_its_date() -> None:
    # pbrunst.de (WordPress "postmetadata"): the date comes before "veröffentlicht"
    text = "Wieder kein Cyberterrorismus, diesmal bei einem Wasserwerk in Illinois. " * 10
    html = f"""<html><body><h1>Kein Cyberterrorismus</h1><p>{text}</p><p>{text}</p>
    <p class="postmetadata">Dieser Beitrag wurde vor am Samstag, 3. Dezember 2011 um %H:%M
    Uhr veröffentlicht und unter News abgelegt.</p></body></html>"""
    assert meta_of(html).date == "2011-12-03"


def test_a_forum_members_registration_date_is_not_the_posts() -> None:
    # foren.myoos.de (phpBB): the poster's profile comes before the post's own date
    html = """<html><body><h1>Was ist Freie Software?</h1><dl class="postprofile"><dt>r23</dt>
    <dd>Beiträge: 1234</dd><dd>Registriert: 18.09.2008, 05:56</dd></dl><p class="author">von
    r23 » 21.01.2009, 05:42</p><div class="content">Freie Software ist Software, die ohne
    Ansicht der Person genutzt werden darf.</div></body></html>"""
    assert meta_of(html).date == "2009-01-21T05:42"
