"""Authors: credit lines, structured sources, roles and site names filtered out."""

from __future__ import annotations

import pytest

from _metadata_helpers import meta_of
from declutter import Options
from declutter._metadata._byline import names_in_byline, split_names

_OPTIONS = Options()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("作者：南帆\n分享到：", ["南帆"]),  # 1905.com
        ("文/栗思\n编辑/倪家宁\n责任编辑：李曦_NN2587", ["栗思"]),  # 163.com
        ("发表于\n2014-08-24 21:30\n|\n来源\nCSDN\n|\n作者\n魏星\n知道创宇", ["魏星"]),  # csdn.net
        ("作者:zboygirl 阅读(1660)", ["zboygirl"]),  # yesky.com blog
        ("By John Smith and Jane Doe | June 3, 2020", ["John Smith", "Jane Doe"]),
        ("By Alice, Bob & Carol\n", ["Alice", "Bob", "Carol"]),
        ("Von Max Mustermann, 12.03.2020", ["Max Mustermann"]),
        ("von\nHeiko\n10. Februar 2019", ["Heiko"]),  # WordPress: label in its own span
        ("Post author\nBy\nHelge Fahrnberger\nPost date", ["Helge Fahrnberger"]),
        ("Par Loïc Le Clerc", ["Loïc Le Clerc"]),
        ("Por\nGloria Ruiz Kuilan\nFacebook", ["Gloria Ruiz Kuilan"]),
        ("Posted by gnaddrig on January 5", ["gnaddrig"]),
        # A label after the date on its line (theperspective.com)
        ("Posted on September 21, 2020  by Adi Tzlil\nThe dawn of the internet", ["Adi Tzlil"]),
        ("Interview: Julia Lauter\n31.03.2020\nCorona", ["Julia Lauter"]),  # fluter.de
        ("Text & Fotos:\nIvan Valetny\n\n0\n337", ["Ivan Valetny"]),  # petri-heil.ch
        # A handle ending in digits (sladisworld.wordpress.com)
        ("Dezember 10, 2019 ·\t\t\tvon\nfreeman1984 ·\t\t\tin\nUncategorized", ["freeman1984"]),
        ("Von R. R.\nWeitere Digitalisierung", ["R. R."]),  # an initial keeps its dot
        # After a comma, a role, an affiliation or a place is no co-author (hss.de, sz.de)
        ("Autorin: Uta Staschewski, Projektleiterin der HSS in Tunesien.", ["Uta Staschewski"]),
        (
            "Von Markus Balser, Julian Erbersdobler, Berlin",
            ["Markus Balser", "Julian Erbersdobler"],
        ),
        ("By Jane Doe, John Roe III", ["Jane Doe", "John Roe III"]),
    ],
)
def test_author_credit_lines(text: str, names: list[str]) -> None:
    assert names_in_byline(text, _OPTIONS) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("本报记者  王乐文  方  敏\n2024年05月10日06:58", ["王乐文", "方敏"]),  # people.com.cn
        ("（总台央视记者 奚丹霓 张赛）\n责任编辑：刘光博", ["奚丹霓", "张赛"]),  # sina.com.cn
        ("新华社乌鲁木齐5月9日电（记者邹伟）中共中央政治局常委", ["邹伟"]),  # news.cn
        ("（姚峰 上海报道）", ["姚峰"]),  # 163.com
        ("本报记者罗科苏盈发自北京", ["罗科", "苏盈"]),  # two names without separator
        ("(信报记者蔡雪婧)", ["蔡雪婧"]),
    ],
)
def test_reporter_credits(text: str, names: list[str]) -> None:
    assert names_in_byline(text, _OPTIONS, reporters=True) == names


@pytest.mark.parametrize(
    "text",
    [
        "对记者表示",
        "在记者会上给出了解释",
        "记者采访的时候指出",
        "新华社记者谢环驰摄",
        "by Taboola",
    ],
)
def test_prose_and_photo_credits_are_not_bylines(text: str) -> None:
    assert names_in_byline(text, _OPTIONS, reporters=True) == []
    assert names_in_byline(text, _OPTIONS) == []


@pytest.mark.parametrize(
    "text",
    [
        "Redaktion\nam 3. Februar 2022 um 21:17\nMontpellier (SID)",  # tennismagazin.de: "am" is no name
        "The firm was founded in 2010 by Jeff Bezos and others",  # a year in prose is no dateline
        # A list of comments, each "date von reader" (ostbelgiendirekt.be)
        "06.11.23 - 13:53 von Besorgter Vater zu\nPlötzlicher Kindstod\n05.11.23 - 10:59 von Besorgter Vater zu\n",
    ],
)
def test_no_credit_in_dated_lists_and_prose(text: str) -> None:
    assert names_in_byline(text, _OPTIONS) == []


def test_credit_above_the_headline_beats_the_author_meta() -> None:
    # petri-heil.ch: "Text & Fotos: X" under the kicker, above the headline; the author meta
    # names the publisher's other magazine.
    html = """<html><head><meta name="author" content="Auto Illustrierte"></head><body>
    <div class="meta"><span>Schweiz | Praxis</span><p>Text &amp; Fotos:</p><p>Ivan Valetny</p></div>
    <h1>Bielersee-Winterhechte</h1><p>Im Winter sind die Möglichkeiten zu fischen begrenzter.</p>
    </body></html>"""
    assert meta_of(html).authors == ("Ivan Valetny",)


def test_json_ld_authors_array_in_graph_without_organisations() -> None:
    html = """<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
    {"@type":"WebSite","name":"Example"},{"@type":"NewsArticle","headline":"H",
    "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"},
    {"@type":"Organization","name":"Example News"}]}]}</script></head><body><h1>H</h1></body></html>"""
    assert meta_of(html).authors == ("Ann Lee", "Bo Chen")


def test_article_author_url_is_not_a_name_and_byl_is() -> None:
    html = """<html><head><meta property="article:author" content="https://www.facebook.com/someone">
    <meta name="byl" content="By Maria Gómez"></head><body><h1>T</h1></body></html>"""
    assert meta_of(html).authors == ("Maria Gómez",)


def test_meta_author_naming_the_site_or_the_editor_is_dropped() -> None:
    # 163.com: meta author is the portal; cnr.cn: meta author is the editor named below the text
    site = """<html><head><title>苹果称美国反垄断诉讼应被驳回|苹果公司_网易订阅</title>
    <meta name="author" content="网易"></head><body><h1>苹果称美国反垄断诉讼应被驳回</h1><p>正文。</p></body></html>"""
    assert meta_of(site).authors == ()
    editor = """<html><head><meta name="author" content="李楠"></head><body><h1>标题</h1><p>正文。</p>
    <div class="article-editer"><span>编辑:李楠</span></div></body></html>"""
    assert meta_of(editor).authors == ()


def test_placeholder_author_with_an_address_is_dropped() -> None:
    html = '<html><head><meta name="author" content="name, email@gmail.com"></head><body><h1>T</h1></body></html>'
    assert meta_of(html).authors == ()


def test_self_media_account_beside_the_date() -> None:
    # toutiao.com: the account name has no label, the page links it
    html = """<html><head><title>英国独立游戏</title></head><body><div class="article-box">
    <h1 class="article-title">英国独立游戏</h1><div class="article-sub"><span class="original">原创</span>
    <span>GameForce</span> <span>2019-09-04 22:18:34</span></div><p>正文内容。</p></div>
    <div class="user-card-name"><a href="/c/user/104965348473/">GameForce</a></div></body></html>"""
    assert meta_of(html).authors == ("GameForce",)


def test_author_element_beside_the_headline_copy() -> None:
    # amz123.com mobile copy: the byline exists only under the second copy of the headline
    html = """<html><head><title>小红书近期高管离职频发!-AMZ123跨境头条</title></head><body>
    <h1>小红书近期高管离职频发!</h1><div><span class="meta__time">2025-06-21 06:34</span></div>
    <div class="m-article"><h2 class="m-article__title">小红书近期高管离职频发!</h2>
    <div class="m-article__info"><a class="m-article__author" href="/u/xiaoma-kjds">小马看跨境电商</a>
    <span class="m-article__time">2025-06-21 06:34</span></div></div>
    <div class="tabs"><span>作者</span><span>标签</span></div></body></html>"""
    meta = meta_of(html)
    assert meta.authors == ("小马看跨境电商",)
    assert meta.date == "2025-06-21T06:34"


def test_signature_at_the_end_of_the_body() -> None:
    html = "<html><body><h1>被控受贿超5.26亿</h1><p>正文。</p><p>（总台央视记者 奚丹霓 张赛）</p></body></html>"
    assert meta_of(html, body="正文。\n\n（总台央视记者奚丹霓张赛）").authors == ("奚丹霓", "张赛")


def test_comment_authors_are_not_article_authors() -> None:
    html = """<html><body><h1>Title here</h1><p>Text of the article.</p>
    <ol class="comment-list"><li><span class="comment-author">Troll</span> said</li></ol></body></html>"""
    assert meta_of(html).authors == ()


def test_json_ld_author_given_as_an_id_reference_into_the_graph() -> None:
    # The Yoast shape: the article names its author by @id; the Person is elsewhere in @graph.
    html = """<html><head><script type="application/ld+json">{"@context": "https://schema.org",
    "@graph": [{"@type": "Article", "@id": "https://x.example/a/#article", "headline": "Cyber",
    "author": {"@id": "https://x.example/#/schema/person/7b1b"}},
    {"@type": "Person", "@id": "https://x.example/#/schema/person/7b1b", "name": "Irmela Schwab"}]}
    </script><title>Cyber</title></head><body><h1>Cyber</h1><p>Text.</p></body></html>"""
    assert meta_of(html).authors == ("Irmela Schwab",)


@pytest.mark.parametrize(
    "name", ["Christoph von Eichhorn", "Alexa von Heyden", "Jan Novak", "Ludwig van Beethoven"]
)
def test_real_names_with_particles_or_month_words_are_names(name: str) -> None:
    html = f"""<html><head><meta name="author" content="{name}"><title>T</title></head>
    <body><h1>T</h1><p>Text.</p></body></html>"""
    assert meta_of(html).authors == (name,)


@pytest.mark.parametrize("name", ["von", "Dezember 10", "Montag", "Von Redaktion"])
def test_labels_dates_and_roles_are_not_names(name: str) -> None:
    html = f"""<html><head><meta name="author" content="{name}"><title>T</title></head>
    <body><h1>T</h1><p>Text.</p></body></html>"""
    assert meta_of(html).authors == ()


@pytest.mark.parametrize(
    ("text", "names", "reporters"),
    [
        (
            "By J.R. Stone\nPublished",
            ["J.R. Stone"],
            False,
        ),  # abc7news.com: initials written together
        ("Von Bo2man am 12.01.2011", ["Bo2man"], False),  # a handle's digits are part of it
        (
            "Text von Christian Seiler   Illustration von Markus Roost",
            ["Christian Seiler"],
            False,
        ),  # alacarte.at
        ("Redaktion: Anna Müller", ["Anna Müller"], False),
        ("执笔/王一、李二&张三", ["王一", "李二", "张三"], False),
        ("文丨光明网特约评论员 李勇", ["李勇"], False),  # the role before the name is no name
        ("河南商报记者马俊峰/文", ["马俊峰"], True),
        ("新华社北京5月19日电（刘艺、杨吉）", ["刘艺", "杨吉"], True),  # an agency's dateline
        ("石佳/中国青年报", ["石佳"], True),  # a name and its paper
    ],
)
def test_more_credit_forms(text: str, names: list[str], reporters: bool) -> None:
    assert names_in_byline(text, _OPTIONS, reporters=reporters) == names


def test_a_credit_with_a_role_word_is_kept_unless_it_is_only_roles() -> None:
    # pawszilla.com and heartlandnewsfeed.com credit their staff; "Redaktion" alone is no name
    staff = '<html><body><h1>Headline of the day</h1><div class="author-name"><span>By Staff Writer</span></div></body></html>'
    assert meta_of(staff).authors == ("Staff Writer",)
    report = '<html><head><meta name="author" content="HLNF Staff Report"></head><body><p>x</p></body></html>'
    assert meta_of(report).authors == ("HLNF Staff Report",)
    alone = (
        '<html><head><meta name="author" content="Redaktion"></head><body><p>x</p></body></html>'
    )
    assert meta_of(alone).authors == ()


def test_companies_and_the_host_name_are_no_authors() -> None:
    # zfk.de: the agency that built the site in the author meta; tour-magazin.de: the site itself
    company = '<html><head><meta name="author" content="wegewerk GmbH"></head><body><p>x</p></body></html>'
    assert meta_of(company).authors == ()
    club = '<html><head><meta name="author" content="Bundesverband WindEnergie e.V."></head><body><p>x</p></body></html>'
    assert meta_of(club).authors == ()
    site = (
        '<html><head><meta name="author" content="TOUR Magazin"></head><body><p>x</p></body></html>'
    )
    assert meta_of(site, url="https://www.tour-magazin.de/profisport/news/x.html").authors == ()
    person = '<html><head><meta name="author" content="Daniel Lemire"></head><body><p>x</p></body></html>'
    assert meta_of(person, url="https://lemire.me/blog/2019/08/02/x/").authors == ("Daniel Lemire",)


def test_hcard_author_just_above_the_headline() -> None:
    # heiko-adams.de (WordPress): "von <span class="author vcard"><a class="fn">Heiko</a>" above the h1
    html = """<html><head><title>Laufen im Winter</title></head><body><div class="entry-meta">
    <time datetime="2019-02-10">10. Februar 2019</time><span class="byline"> von <span class="author vcard">
    <a class="url fn n" href="/author/heiko/">Heiko</a></span></span></div><h1 class="entry-title">Laufen im Winter</h1>
    <p>Text.</p></body></html>"""
    assert meta_of(html).authors == ("Heiko",)


def test_bracketed_name_after_the_printed_time() -> None:
    # sohu.com 2004: "2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]" under the headline
    html = """<html><head><title>劳伦斯：一个无法定义的“洛克菲勒”-搜狐财经</title></head><body>
    <table><tr><td><strong>劳伦斯：一个无法定义的“洛克菲勒”</strong></td></tr>
    <tr><td>BUSINESS.SOHU.COM 2004年7月16日08:19 <font>[ 黄宇 ]</font> 来源：[ <a href="#">国际金融报</a> ]</td></tr></table>
    <p>正文。</p></body></html>"""
    assert meta_of(html).authors == ("黄宇",)


def test_headlines_and_blog_engine_accounts_are_no_authors() -> None:
    # wind-energie.de marks its headline as an author; Joomla and WordPress default accounts
    headline = """<html><body><h1>Endlich mehr Beschleunigung wagen!</h1>
    <span class="news-list-author" itemprop="headline">Endlich mehr Beschleunigung wagen!</span><p>Text.</p></body></html>"""
    assert meta_of(headline).authors == ()
    for account in ("Super User", "wordpressadmin"):
        html = f'<html><head><meta name="author" content="{account}"></head><body><p>x</p></body></html>'
        assert meta_of(html).authors == ()


def test_credit_after_a_line_break_at_the_article_end() -> None:
    # juraforum.de: the signature lines of the last paragraph are split by <br>, the role
    # word is a link ("Autor: <a>Rechtsanwalt</a> X").
    prose = (
        "<p>Bevor Menschen Wohngeld bewilligt wird, kann eine Beschäftigung verlangt werden.</p>"
        * 6
    )
    html = f"""<html><body><h1>Ohne Bewerbungsbemühungen kein Wohngeld</h1>{prose}<div class="text">
    Der Wunsch nach Wohngeld sei unangemessen, rügte das Gericht.<br/><br/>Quelle: © www.juragentur.de
    <br/><br/>Symbolgrafik:© Butch - stock.adobe.com<br/><br/>Autor: <a href="/rechtsanwalt/">Rechtsanwalt</a>
    Sebastian Einbock</div><div>Kommentar schreiben</div></body></html>"""
    body = "Der Wunsch nach Wohngeld sei unangemessen, rügte das Gericht."
    assert meta_of(html, body=body).authors == ("Sebastian Einbock",)


def test_labelled_author_element_away_from_the_article() -> None:
    # eawag.ch: "Erstellt von X" in the author element after the related links, far from
    # the headline and the body's end.
    filler = "".join(f"<li>Verwandter Artikel {i}</li>" for i in range(40))
    html = f"""<html><body><h1>Auf das erste Elektron kommt es an</h1><p>12. Januar 2022</p>
    <p>Wer atmet, muss Elektronen loswerden.</p><ul>{filler}</ul>
    <span class="news-list-author">Erstellt von Andri Bryner</span></body></html>"""
    assert meta_of(html, body="Wer atmet, muss Elektronen loswerden.").authors == ("Andri Bryner",)


def test_a_name_indented_over_source_lines_is_one_name() -> None:
    # iass-potsdam.de: one text node "\n    Prof. Dr.\n \n    Rainer\n \n    Quitzow\n"
    html = """<html><body><h1>Energiewende</h1><p>Text.</p>
    <div class="author-avatar__main"><h3 class="author-avatar__title"><a href="/p/rq">
    Prof. Dr.
 
    Rainer
 
    Quitzow
</a></h3></div></body></html>"""
    assert meta_of(html).authors == ("Prof. Dr. Rainer Quitzow",)


def test_a_byline_wrapped_in_the_source_is_read_whole() -> None:
    html = """<html><body><h1>Der Titel</h1><p class="meta">Von Anna
        Maria Schmidt</p><p>Der Text des Artikels.</p></body></html>"""
    assert meta_of(html).authors == ("Anna Maria Schmidt",)


def test_the_source_beside_the_date_is_no_account() -> None:
    # sina.com.cn: the outlet follows the date in the same text node; the next line is a
    # share link ("微博"), not the account beside the date
    html = """<html><body><h1>人民币中间价创逾五年新低</h1><div class="page-info">
    <span class="time-source">
        2016年05月25日10:10 

新浪财经
    </span><div class="page-tools"><a href="/weibo">微博</a></div></div>
    <p>正文内容。</p></body></html>"""
    assert meta_of(html).authors == ()


@pytest.mark.parametrize(
    ("credit", "names"),
    [
        ("Uta Staschewski, Projektleiterin der HSS", ["Uta Staschewski"]),
        ("Jane Doe, staff writer", ["Jane Doe"]),
        ("Jane Doe, 7News", ["Jane Doe"]),
        ("Jane Doe, John Roe & Ann Lee", ["Jane Doe", "John Roe", "Ann Lee"]),
        ("JANE DOE, JOHN ROE", ["JANE DOE", "JOHN ROE"]),  # a credit in capitals throughout
        ("Alice, Bob", ["Alice", "Bob"]),
        ("王乐文、方  敏", ["王乐文", "方敏"]),
    ],
)
def test_split_names_stops_at_a_description(credit: str, names: list[str]) -> None:
    assert split_names(credit, max_names=_OPTIONS.author_max_names) == names


def test_byline_under_the_lone_h1_that_beats_the_declared_title() -> None:
    # heizung.de: no heading shows the declared title; the page's only h1 is the headline
    # (more teaser titles than the candidates read) and the byline follows it
    teasers = "".join(f'<div class="teaser-title">Ratgeber {i}</div>' for i in range(70))
    html = f"""<html><head><title>Wärmepumpe im Altbau - Wann es sich lohnt</title></head><body>
    <h1 class="hero__headline">Eignet sich eine Wärmepumpe im Altbau?</h1>
    <ul class="hero__meta"><li><span class="hero__meta-label">
      von Alexander Rosenkranz
    </span></li><li>17.11.2022</li></ul><p>Der Text des Artikels.</p>{teasers}</body></html>"""
    article = meta_of(html)
    assert article.title == "Eignet sich eine Wärmepumpe im Altbau?"
    assert article.authors == ("Alexander Rosenkranz",)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Von Kopf bis Fuß: Frost-Schützer für den Winter", []),  # a saying, not a credit
        ("Von Max Mustermann aus Berlin", ["Max Mustermann"]),
        ("By Jane Doe reports from Kyiv", ["Jane Doe"]),
    ],
)
def test_a_one_word_name_running_into_prose_is_no_credit(text: str, names: list[str]) -> None:
    assert names_in_byline(text, _OPTIONS) == names


@pytest.mark.parametrize("name", ["symple.ch", "Zespół wPolityce.pl", "CSDN.NET"])
def test_a_host_name_is_no_author(name: str) -> None:
    html = f'<html><head><meta name="author" content="{name}"></head><body><h1>T</h1></body></html>'
    assert meta_of(html).authors == ()


def test_a_handle_with_a_dot_is_still_a_name() -> None:
    html = '<html><head><meta name="author" content="robert.stitz"></head><body><h1>T</h1></body></html>'
    assert meta_of(html).authors == ("robert.stitz",)


@pytest.mark.parametrize(
    ("name", "url", "authors"),
    [
        ("Redacción EC", None, ()),  # a role and the site's initials: the newsroom
        ("Redaktion MSM", None, ()),
        ("HLNF Staff Report", None, ("HLNF Staff Report",)),  # a credit the page gives
        ("La República", "https://larepublica.pe/sociedad/x", ()),  # the host, accents dropped
        ("José Pérez", "https://larepublica.pe/sociedad/x", ("José Pérez",)),
    ],
)
def test_newsrooms_and_hosts_are_no_authors(
    name: str, url: str | None, authors: tuple[str, ...]
) -> None:
    html = f'<html><head><meta name="author" content="{name}"></head><body><h1>T</h1></body></html>'
    assert meta_of(html, url=url).authors == authors


def test_a_declared_account_name_is_given_as_printed() -> None:
    # baumeister.de: JSON-LD names the account, the byline prints the name
    html = """<html><head><script type="application/ld+json">{"@type": "Article",
    "headline": "Sportzentrum erweitert", "author": {"@type": "Person", "name": "arianschlichenmayer"}}
    </script></head><body><h1>Sportzentrum erweitert</h1><div class="post-header">
    <span>von</span> <a href="/creator/x/"> Arian Schlichenmayer </a></div><p>Text.</p></body></html>"""
    assert meta_of(html).authors == ("Arian Schlichenmayer",)


def test_a_labelled_author_element_beats_an_unlabelled_one() -> None:
    # security.googleblog.com: the post's header shows the blog's account, the author
    # element below the post credits the writers
    filler = "<p>" + "Safe Browsing protects users from phishing and malware. " * 40 + "</p>"
    html = f"""<html><body><h1>Enhanced Safe Browsing Protection</h1>
    <div class="post-header"><span class="date">May 19, 2020</span>
    <span class="post-author">Google</span></div>{filler}{filler}
    <span class="byline-author">Posted by Nathan Parker and Eric Mill - Chrome Safe Browsing</span>
    </body></html>"""
    assert meta_of(html).authors == ("Nathan Parker", "Eric Mill")


def test_hcard_name_and_no_masthead() -> None:
    # archiv.krimiblog.de: the masthead h1 is marked "vcard author"; the post's hCard
    # names the writer in its `fn`
    html = """<html><body><h1 class="vcard author">Krimiblog-Archiv</h1><div class="post">
    <h3 class="entry-title">Das vermutlich schwulste Musikvideo der Welt</h3>
    <h4 class="vcard author">vom <span class="fn">Krimiblogger</span></h4>
    <div class="entry-content"><p>Okay, hat wieder nichts mit Krimi zu tun.</p></div></div>
    </body></html>"""
    assert meta_of(html).authors == ("Krimiblogger",)


@pytest.mark.parametrize(("comma", "y"), [(", ", " y "), ("<span>,</span>", "<span>y</span>")])
def test_co_authors_listed_in_separate_elements(comma: str, y: str) -> None:
    # latercera.com: each name is its own link, the separators are between them
    html = f"""<html><body><h1>La agenda con que Interior busca contener la crisis</h1>
    <div class="byline"><a class="author" href="/autor/ic/">Isabel Caro</a>{comma}<a href="/autor/rl/">Rocío
    Latorre</a>{y}<a href="/autor/jmw/">José Miguel Wilson</a></div><p>Hace 13 horas</p>
    <p>Una batería de medidas presentó ayer la ministra.</p></body></html>"""
    assert meta_of(html).authors == ("Isabel Caro", "Rocío Latorre", "José Miguel Wilson")


def test_a_count_after_the_author_is_no_co_author() -> None:
    html = """<html><body><h1>Pamela Reif</h1><div class="post-footer">
    <span class="post-author">Sandra</span>, <a href="#c">1 Meinungen</a>, <a href="/l/Buch">Buch</a>
    </div><p>Text.</p></body></html>"""
    assert meta_of(html).authors == ("Sandra",)


def test_shareaholic_author_meta() -> None:
    html = """<html><head><meta name='shareaholic:article_author_name' content='Support Team' />
    </head><body><h1>T</h1><p>Text.</p></body></html>"""
    assert meta_of(html).authors == ("Support Team",)


def test_the_body_end_window_starts_at_a_line() -> None:
    # muffinrezept.net: the window over the body's end began inside a sentence, and "von
    # Größe der Muffins" (depending on the muffins' size) was read as a byline
    window = _OPTIONS.body_byline_window
    tail = "von Größe der Muffins und Art der Zutaten).\nDanach in Ruhe abkühlen lassen."
    tail = (tail + " Mit Puderzucker bestreuen." * window)[:window]
    body = "Die Muffins 20 Minuten backen (je nach Ofen und " + tail
    html = "<html><body><h1>Muffin Grundrezept</h1><p>Text.</p></body></html>"
    assert meta_of(html, body=body).authors == ()


@pytest.mark.parametrize(
    "credit",
    [
        '<div class="author">法新社</div>',  # a wire agency in the author element
        '<div class="author">EFE</div>',
        '<div class="author">转载文章</div>',  # the placeholder of a reposted piece
        "<p>文/S</p>",  # one letter is no name
        '<a href="/blog">记者博客</a>',  # a navigation label, not "记者 博客"
    ],
)
def test_agencies_placeholders_and_labels_are_no_authors(credit: str) -> None:
    html = f"<html><body><h1>标题</h1>{credit}<p>正文内容。</p></body></html>"
    assert meta_of(html).authors == ()


@pytest.mark.parametrize(
    ("credit", "authors"),
    [
        ("青网新闻张毅", ()),  # the editor, with the site before the name
        ("欧阳小明", ("欧阳小明",)),  # a four-character name, not an editor's with a prefix
    ],
)
def test_an_editor_with_a_site_prefix_is_no_author(credit: str, authors: tuple[str, ...]) -> None:
    html = f"""<html><body><h1>标题</h1><div class="author">{credit}</div><p>正文内容。</p>
    <p>责任编辑：{credit[-2:]}</p></body></html>"""
    assert meta_of(html).authors == authors


def test_byline_under_the_heading_that_holds_the_title_with_a_kicker() -> None:
    # bayrische-bembel.de: the item's title has its section before it; the declared title
    # has the section and the site after it
    html = """<html><head><title>Eintracht Frankfurt stellt Weichen für die Zukunft - Eintracht
    Presse - News</title><meta name="author" content="EFC Bayrische Bembel"></head><body><table>
    <tr><td class="itemHead"><span class="itemTitle"><a href="/t/3">Eintracht Presse</a> :
    Eintracht Frankfurt stellt Weichen für die Zukunft</span></td></tr>
    <tr><td class="itemInfo"><span class="itemPoster">Geschrieben von <a href="/u/6">Cooper</a>
    </span> <span class="itemPostDate">am 25.08.2015 22:30</span></td></tr>
    <tr><td><p>Oliver Frankenbach wird Vorstand Finanzen.</p></td></tr></table></body></html>"""
    assert meta_of(html).authors == ("Cooper",)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # waldwissen.net: a plural label; two source spaces inside the name are one
        (
            "Dokumenteninfos\nAutoren\nJoachim  Hamberger\nRedaktion\nBayerische Landesanstalt",
            ["Joachim Hamberger"],
        ),
        ("Auteurs : Marie Curie, Pierre Curie", ["Marie Curie", "Pierre Curie"]),
        ("VON Sina Giebel IN\nFashion | 0 COMMENTS", ["Sina Giebel"]),  # a stop word in capitals
        # no-break spaces set two credits apart (alacarte.at)
        (
            "Text von Christian Seiler \xa0 \xa0\xa0Illustration von Markus Roost",
            ["Christian Seiler"],
        ),
    ],
)
def test_plural_labels_and_credit_ends(text: str, names: list[str]) -> None:
    assert [" ".join(n.split()) for n in names_in_byline(text, _OPTIONS)] == names


@pytest.mark.parametrize("name", ["About", "EDITORIAL", "Impressum"])
def test_navigation_words_are_no_authors(name: str) -> None:
    html = f'<html><head><meta name="author" content="{name}"></head><body><h1>T</h1></body></html>'
    assert meta_of(html).authors == ()


def test_teaser_authors_are_skipped_and_not_counted() -> None:
    # furche.at: a slider of opinion teasers, each with its author, comes before the
    # article's author element
    teasers = "".join(
        f'<div class="slider-teaser"><a href="/t/{i}">Kommentar {i}</a>'
        f'<span class="slider-teaser-opinion__author">Wilfried Stadler</span></div>'
        for i in range(40)
    )
    html = f"""<html><body><h1>Achtsam durch die Krise</h1>{teasers}
    <div class="article-authors"><span class="article-authors__introduction">von</span>
    <h2 class="author__name"> Ursula Baatz </h2></div><p>Die Ökonomie der Aufmerksamkeit.</p>
    </body></html>"""
    assert meta_of(html).authors == ("Ursula Baatz",)


_ESSAY = (
    "<p>" + "Ein langer Absatz über die Architektur der Stadt und ihre Geschichte. " * 6 + "</p>"
)


@pytest.mark.parametrize("box", ["dates_auteurs", "artikel-autor", "autorin", "autore"])
def test_author_elements_named_in_french_german_or_italian(box: str) -> None:
    # A blog's credit after the article, in a box only its class marks as the author's.
    html = f"""<html><body><h1>Turpitude et architecture</h1>{_ESSAY}
    <div class="{box}">par <span>Didier Roy</span>, 21 juin 2018</div></body></html>"""
    assert meta_of(html).authors == ("Didier Roy",)
    assert meta_of(html.replace(box, "dates")).authors == ()


def test_a_phrase_in_an_author_element_is_no_list_of_names() -> None:
    # A column title in the author slot: split at "i" ("and"), its last word is no author.
    html = f"""<html><body><span class="author"><span>#Krótko o przepisach prawa w Nowej
    Zelandii i Polsce</span></span><h1>Nowa Zelandia: płatny urlop</h1>{_ESSAY}</body></html>"""
    assert meta_of(html).authors == ()


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("11.12.2019 - Amelie Loevenich", ("Amelie Loevenich",)),
        ("Amelie Loevenich – 11.12.2019", ("Amelie Loevenich",)),
        ("11.12.2019 - Berlin", ()),  # one word: as often a place or a section
        ("11.12.2019 - Ein Bericht aus der Stadt", ()),  # prose, not a name
    ],
)
def test_a_name_beside_the_date_under_the_headline(line: str, authors: tuple[str, ...]) -> None:
    html = f"""<html><body><h1>Variablen und ihr Zuhause</h1><p class="text-muted">{line}</p>
    {_ESSAY}</body></html>"""
    assert meta_of(html).authors == authors
