"""Title: the displayed headline agreeing with the declared titles, site names removed."""

from __future__ import annotations

from _metadata_helpers import meta_of


def test_h1_matching_a_title_segment_drops_the_site_suffix() -> None:
    # amz123.com: <title> "headline-AMZ123跨境头条", the headline in an h1 and again in an h2
    html = """<html><head><title>小红书近期高管离职频发!-AMZ123跨境头条</title></head><body>
    <div class="news-detail"><h1 class="news-detail__title">小红书近期高管离职频发!</h1></div>
    <div class="m-article"><h2 class="m-article__title">小红书近期高管离职频发!</h2></div></body></html>"""
    meta = meta_of(html)
    assert meta.title == "小红书近期高管离职频发!"
    assert meta.site_name == "AMZ123跨境头条"


def test_longest_agreeing_heading_wins_over_a_blog_name() -> None:
    # cnblogs.com: the blog's name is an h1 too, and a segment of <title>
    html = """<html><head><title>对于Docker和Podman的一点使用经验 - 好看的hk - 博客园</title></head><body>
    <h1 class="headermaintitle"><a href="/">好看的hk</a></h1>
    <h1 class="postTitle"><a href="#"><span>对于Docker和Podman的一点使用经验</span></a></h1></body></html>"""
    assert meta_of(html).title == "对于Docker和Podman的一点使用经验"


def test_og_title_equal_to_h1_beats_a_navigation_h1() -> None:
    # news.qq.com: a promotional h1 comes first
    html = """<html><head><title>经济日报评论员：再驳“中国新能源产能过剩论”_腾讯新闻</title></head><body>
    <h1>全新首页 焕新登场</h1><div class="content-article"><h1>经济日报评论员：再驳“中国新能源产能过剩论”</h1></div>
    </body></html>"""
    assert meta_of(html).title == "经济日报评论员：再驳“中国新能源产能过剩论”"


def test_without_heading_the_title_loses_its_site_segments_and_keeps_markers() -> None:
    # sina.com.cn 2005: no h1, headline only in <title>; "(图)" stays
    html = """<html><head><title>拿出10万元投资房产 小两口尝试以钱生钱(图)_新浪房产_新浪网</title></head>
    <body><table><tr><td>新浪首页 > 房产</td></tr></table><p>正文。</p></body></html>"""
    assert meta_of(html).title == "拿出10万元投资房产 小两口尝试以钱生钱(图)"


def test_site_name_from_og_site_name_is_removed_from_the_title() -> None:
    html = """<html><head><title>Pour le néolibéralisme, la retraite est un archaïsme | AOC media - Analyse Opinion Critique</title>
    <meta property="og:site_name" content="AOC media - Analyse Opinion Critique"></head><body><p>x</p></body></html>"""
    assert meta_of(html).title == "Pour le néolibéralisme, la retraite est un archaïsme"


def test_title_separator_guillemet_and_host_name() -> None:
    html = """<html><head><title>Disfunctions.de » Blog Archiv » Podcasts in Plex einbinden</title></head>
    <body><h1>Disfunctions.de</h1><h2>Podcasts in Plex einbinden</h2></body></html>"""
    assert (
        meta_of(html, url="http://www.disfunctions.de/archives/1/").title
        == "Podcasts in Plex einbinden"
    )


def test_title_without_any_reference_is_the_first_heading() -> None:
    assert meta_of("<html><body><h1> A  headline </h1><p>x</p></body></html>").title == "A headline"
    assert meta_of("<html><body><p>nothing</p></body></html>").title is None


def test_svg_title_is_not_the_page_title() -> None:
    html = "<html><head></head><body><svg><title>icon</title></svg><h2>Real</h2></body></html>"
    assert meta_of(html).title == "Real"


def test_kicker_span_and_hidden_colon_are_not_the_headline() -> None:
    # zeit.de: the topic line and a screen-reader colon inside the h1
    html = """<html><head><title>Klimaschutz: Bohren, bis es heiß wird | ZEIT ONLINE</title>
    <meta property="og:title" content="Klimaschutz: Bohren, bis es heiß wird"></head><body>
    <h1 class="article-heading"><span class="article-heading__kicker">Klimaschutz</span><span class="visually-hidden">: </span>
    <span class="article-heading__title">Bohren, bis es heiß wird</span></h1><p>Text.</p></body></html>"""
    assert meta_of(html).title == "Bohren, bis es heiß wird"


def test_small_kicker_before_a_line_break_is_dropped() -> None:
    # swim.de: <small>topic</small><br>headline
    html = """<html><head><title>Einheit der Woche | Lagen-Pyramide mit GA2 - SWIM.DE</title></head><body>
    <h1 class="single-post-title"><span class="post-title" itemprop="headline"><small>Einheit der Woche</small><br>Lagen-Pyramide mit GA2</span></h1>
    </body></html>"""
    assert meta_of(html).title == "Lagen-Pyramide mit GA2"


def test_a_heading_with_inline_parts_keeps_them() -> None:
    # thw.de: no space is shown between the abbreviation and the colon after it
    html = """<html><head><title>Frauen im THW: Vergangenheit und Zukunft</title></head><body>
    <h1>Frauen im <abbr title="Technisches Hilfswerk">THW</abbr>: Vergangenheit und Zukunft</h1></body></html>"""
    assert meta_of(html).title == "Frauen im THW: Vergangenheit und Zukunft"


def test_a_line_break_in_the_headline_stays_a_space() -> None:
    html = """<html><head><title>Neue Wege. Alte Ziele</title></head><body>
    <h1><span>Neue Wege.</span><br><span>Alte Ziele</span></h1><p>Text.</p></body></html>"""
    assert meta_of(html).title == "Neue Wege. Alte Ziele"


def test_lone_h1_beats_a_differently_worded_declared_title() -> None:
    # heizung.de: og:title and <title> were written for search engines
    html = """<html><head><title>Wärmepumpe im Altbau - Wann es sich lohnt | heizung.de</title>
    <meta property="og:title" content="Wärmepumpe im Altbau - Wann es sich lohnt | heizung.de"></head><body>
    <h1>Eignet sich eine Wärmepumpe im Altbau?</h1><p>Text.</p></body></html>"""
    meta = meta_of(html, url="https://www.heizung.de/waermepumpe/wissen/x.html")
    assert meta.title == "Eignet sich eine Wärmepumpe im Altbau?"
    assert meta.site_name == "heizung.de"


def test_lone_h1_naming_the_site_or_hidden_is_not_the_headline() -> None:
    blog = """<html><head><title>Was zum hören in den Ferien</title></head><body>
    <h1><a href="/">Zahlenzauberin</a></h1><p>Text.</p></body></html>"""
    assert (
        meta_of(blog, url="https://zahlenzauberin.wordpress.com/2012/08/22/x/").title
        == "Was zum hören in den Ferien"
    )
    hidden = """<html><head><title>15. Zukunftsforum Ländliche Entwicklung</title></head><body>
    <h1 class="aural">Bundesministerium für Ernährung und Landwirtschaft</h1><p>Text.</p></body></html>"""
    assert meta_of(hidden).title == "15. Zukunftsforum Ländliche Entwicklung"


def test_declared_kicker_before_a_colon_gives_way_to_the_lone_h1() -> None:
    # taz.de: "Kicker: Headline" declared, the h1 shows the headline alone
    html = """<html><head><meta property="og:title" content="Siemens und die Kohlemine Adani: Kaeser verarscht Neubauer">
    </head><body><h1 itemprop="headline">Kaeser verarscht Neubauer</h1></body></html>"""
    assert meta_of(html).title == "Kaeser verarscht Neubauer"
    cut = """<html><head><title>SibenLab privacy policy</title></head><body><h1>privacy policy</h1></body></html>"""
    assert meta_of(cut).title == "SibenLab privacy policy"


def test_a_visible_part_of_the_headline_is_kept() -> None:
    # "overflow-hidden" (a layout class) hides nothing: the h1 is read whole
    html = """<html><head><title>Other words entirely</title></head><body>
    <h1><span class="overflow-hidden">Visible headline words</span></h1></body></html>"""
    assert meta_of(html).title == "Visible headline words"


def test_the_lone_h1_that_shows_more_beats_a_card_heading_of_the_declared_title() -> None:
    # backenmachtgluecklich.de: the JSON-LD recipe name is the recipe card's h2; the page's
    # h1 shows it with more words.
    html = """<html><head><title>Saftiger Zitronenkuchen vom Blech | Backen macht glücklich</title>
    <script type="application/ld+json">{"@context":"https://schema.org","@type":"Recipe",
    "headline":"Zitronenkuchen vom Blech"}</script></head><body>
    <div class="site-title">Backen macht glücklich</div>
    <h1 class="entry-title">Saftiger Zitronenkuchen vom Blech: einfach köstlich!</h1>
    <p>Der Kuchen ist schnell gemacht.</p><div class="wprm-recipe">
    <h2 class="wprm-recipe-name">Zitronenkuchen vom Blech</h2><h3>Zutaten</h3></div></body></html>"""
    assert meta_of(html).title == "Saftiger Zitronenkuchen vom Blech: einfach köstlich!"


def test_a_part_of_the_h1_that_agrees_is_not_extended_with_its_kicker() -> None:
    # tagesspiegel.de: the kicker and a colon are spans of the h1 beside the headline span
    html = """<html><head><meta property="og:title" content="Wie Firmen ihre Beschäftigten schützen">
    </head><body><h1 class="ts-title"><span class="ts-overline">Abstandsregeln und Fieberkontrollen </span>
    <span class="ts-colon">: </span><span class="ts-headline">Wie Firmen ihre Beschäftigten schützen</span></h1>
    </body></html>"""
    assert meta_of(html).title == "Wie Firmen ihre Beschäftigten schützen"


def test_a_subtitle_ending_the_h1_is_not_part_of_the_headline() -> None:
    # tofugu.com: <small class=article-subtitle> inside the h1
    html = """<html><head><title>Dezuka Suisan: Deep-Fried Fish Cakes, Hot and Fresh</title></head><body>
    <h1 class='article-title'> <span class='article-highlight'> Dezuka Suisan: Deep-Fried Fish Cakes, Hot
    <span class="conjunction">and</span> Fresh </span> <small class='article-subtitle'> <span
    class='article-highlight'> Welcome to the Flavor Capital of Northern Japan </span> </small> </h1>
    <p>Fish cakes.</p></body></html>"""
    assert meta_of(html).title == "Dezuka Suisan: Deep-Fried Fish Cakes, Hot and Fresh"


def test_the_lone_h1_is_found_after_many_menu_titles() -> None:
    # greenpeace.de: the menu's entries are named "title" (more than the candidates read)
    # and come before the page's only h1, which words the declared title otherwise
    menu = "".join(
        f'<li><a href="/t{i}"><span class="OverviewLink-title">Thema {i}</span></a></li>'
        for i in range(70)
    )
    html = f"""<html><head><title>Nachhaltiger leben für Klima und Umwelt | Greenpeace</title>
    <meta property="og:title" content="Nachhaltiger leben"></head><body><nav><ul>{menu}</ul></nav>
    <div class="Stage-text"><h1 class="Stage-headline"><span class="Stage-headlineMarker">Nachhaltig leben</span></h1></div>
    <p>Jede und jeder kann etwas tun.</p></body></html>"""
    assert meta_of(html).title == "Nachhaltig leben"


def test_an_h1_past_the_candidate_budget_is_still_compared() -> None:
    # lavazza.de: the shop's menu has more "title" elements than the candidates read; the
    # h1 after them shows og:title whole (its longest segment alone is not the headline)
    menu = "".join(f'<div class="title">Kategorie {i}</div>' for i in range(70))
    html = f"""<html><head><title>Qualità Oro - Lavazza Gemahlener Kaffee | Lavazza</title>
    <meta property="og:title" content="Qualità Oro - Perfect Symphony, 250g Dose"></head><body>
    <nav>{menu}</nav><div class="product"><h1 class="title"><strong>Qualità Oro - Perfect Symphony, 250g Dose</strong></h1>
    <div class="parg">Qualità Oro war die erste Lavazza-Mischung, geboren 1956.</div></div></body></html>"""
    assert meta_of(html).title == "Qualità Oro - Perfect Symphony, 250g Dose"


def test_the_h1_is_the_headline_copy_before_its_wrapper_named_title() -> None:
    # XenForo: the wrapper div.p-title shows the same text as the h1, whose label (the
    # thread's prefix) is a kicker
    html = """<html><head><title>Patch Notes - Patchnotes 4.47.4 - Bugfix Build | Heroes Forums</title>
    <meta property="og:title" content="Patch Notes - Patchnotes 4.47.4 - Bugfix Build"></head><body>
    <div class="p-title"><h1 class="p-title-value"><a href="/threads/3976/"><span class="label label--blue">Patch Notes</span><span class="label-append">&nbsp;</span>Patchnotes 4.47.4 - Bugfix Build</a></h1></div>
    <article class="message-body"><p>Hallo zusammen, die Fehler sind behoben.</p></article></body></html>"""
    assert meta_of(html).title == "Patchnotes 4.47.4 - Bugfix Build"


def test_of_two_copies_differing_in_case_the_declared_spelling_wins() -> None:
    # blogspot.com: the post's h3 spells the headline as og:title does, the h1 otherwise
    html = """<html><head><title>EMACSPEAK: Meta-Programming In Emacs Using Defadvice</title>
    <meta property="og:title" content="Meta-Programming In Emacs Using Defadvice"></head><body>
    <h3 class="post-title entry-title">Meta-Programming In Emacs Using Defadvice</h3>
    <div class="post-body"><h1 class="title">Meta-Programming In Emacs Using <code>defadvice</code></h1>
    <p>Emacs has advice since 1994.</p></div></body></html>"""
    assert meta_of(html).title == "Meta-Programming In Emacs Using Defadvice"


def test_a_heading_without_the_declared_qualifier_is_the_headline() -> None:
    # der-farang.com: the declared title adds the place after a comma; alacarte.at: the issue
    html = """<html><head><title>Frei erfunden: Grab-Bote fliegt nach Singapur, Thailand</title></head>
    <body><h1 class="article-category-title">Bangkok</h1><div id="content">
    <h1 class="page-title">Frei erfunden: Grab-Bote fliegt nach Singapur</h1><p>Ein Video.</p></div>
    <h1>Leserkommentare</h1></body></html>"""
    assert meta_of(html).title == "Frei erfunden: Grab-Bote fliegt nach Singapur"
    html = """<html><head><title>Der historische Purzelbaum (2021/5): alacarte</title>
    <meta property="og:title" content="Der historische Purzelbaum (2021/5)"></head><body>
    <div class="ce-bodytext"><header><h2>Der historische Purzelbaum</h2></header><p>Text.</p></div></body></html>"""
    assert meta_of(html).title == "Der historische Purzelbaum"


def test_a_short_heading_at_the_start_of_the_declared_title_is_no_headline() -> None:
    html = """<html><head><title>Berlin, Hauptstadt der Start-ups und der langen Nächte</title></head>
    <body><h2>Berlin</h2><p>Text.</p></body></html>"""
    assert meta_of(html).title == "Berlin, Hauptstadt der Start-ups und der langen Nächte"


def test_a_breadcrumb_h1_is_no_headline() -> None:
    # fr.de: the breadcrumb's last item is an h1 worded as <title> and JSON-LD; the
    # article's h2 shows og:title
    html = """<html><head><title>Nordkorea: Kim Jong Un - Der Diktator ist zurück, Trump ist „glücklich“ | Politik</title>
    <script type="application/ld+json">{"@type": "NewsArticle",
    "headline": "Nordkorea: Kim Jong Un - Der Diktator ist zurück, Trump ist „glücklich“"}</script>
    <meta property="og:title" content="Kim Jong Un: Der Diktator ist zurück - Trump ist „glücklich“"></head><body>
    <nav class="id-Breadcrumb"><a href="/politik">Politik</a>
    <h1 class="id-Breadcrumb-element-link">Nordkorea: Kim Jong Un - Der Diktator ist zurück, Trump ist „glücklich“</h1></nav>
    <article><p class="id-Article-kicker">Nordkorea</p>
    <h2 class="id-Article-headline">Kim Jong Un: Der Diktator ist zurück - Trump ist „glücklich“</h2><p>Text.</p></article></body></html>"""
    assert meta_of(html).title == "Kim Jong Un: Der Diktator ist zurück - Trump ist „glücklich“"


def test_a_heading_shown_apart_from_its_kicker_and_colon_is_the_headline() -> None:
    # next2games.de: og:title is "Kicker: Headline"; the page shows the two in spans
    html = """<html><head><title>next2games | Vorschauen: Anno 1800 Beta</title>
    <meta property="og:title" content="Industriell Revolutioniert?: Anno 1800 Beta"></head><body>
    <div class="article_head"><span class="title">Anno 1800 Beta</span>
    <span class="subtitle">Industriell Revolutioniert?</span></div><p>Die Beta läuft.</p></body></html>"""
    assert meta_of(html).title == "Anno 1800 Beta"


def test_a_heading_with_a_topic_link_and_a_colon_shows_the_declared_segment() -> None:
    # XOOPS news (bayrische-bembel.de): "<a>Topic</a> : Headline" over <title> "Club -
    # Headline - Topic - News"
    html = """<html><head><title>EFC Bayrische Bembel Regensburg - Eintracht Frankfurt stellt Weichen für die Zukunft - Eintracht Presse - News</title>
    </head><body><table class="item"><tr><td class="itemHead"><span class="itemTitle">
    <a href="/modules/news/index.php?storytopic=3">Eintracht Presse</a> : Eintracht Frankfurt stellt Weichen für die Zukunft
    </span></td></tr><tr><td><p class="itemText">Oliver Frankenbach wird Vorstand.</p></td></tr></table></body></html>"""
    url = "http://bayrische-bembel.de/bbr/modules/news/article.php?storyid=504"
    assert meta_of(html, url=url).title == "Eintracht Frankfurt stellt Weichen für die Zukunft"


def test_a_middle_segment_alone_is_no_headline() -> None:
    # sass-ag.de: the declared title lists the site's keywords; a menu entry shows one
    html = """<html><head><title>Drucker • Etiketten • Service | SASS DATENTECHNIK AG</title></head><body>
    <ul class="menu-list"><li><a class="item-title" href="/etiketten">Etiketten</a></li></ul>
    <h1>Drucker und Druckausgabe-Lösungen vom Experten!</h1><p>Wir sind Ihr Partner.</p></body></html>"""
    assert meta_of(html).title == "Drucker und Druckausgabe-Lösungen vom Experten!"


def test_a_leading_ornament_is_no_part_of_the_headline() -> None:
    # mediaarchitecture.de: the theme prints an arrow before the page's heading
    html = """<html><head><title>mediaarchitecture.de //   » Jens Weber</title></head><body>
    <div id="content"><h2>[&gt; Jens Weber</h2><p>Jens Weber studierte Architektur.</p></div></body></html>"""
    assert meta_of(html).title == "Jens Weber"
    html = """<html><head><title>„Arschloch“: Trennung</title></head><body>
    <h1>„Arschloch“: Trennung</h1><p>Text.</p></body></html>"""
    assert meta_of(html).title == "„Arschloch“: Trennung"


def test_a_declared_title_of_the_site_name_and_a_dangling_separator_is_no_title() -> None:
    # nationalrail.co.uk: the template's headline is empty; the page's first heading is it
    html = """<html><head><title>National Rail Enquiries -</title></head><body>
    <h1 class="sifr"></h1><div id="content"><h2>Rail Replacement Services Travel Advice</h2>
    <p>Replacement buses run.</p><h2>General Information</h2></div></body></html>"""
    url = "https://www.nationalrail.co.uk/service_disruptions/245738.aspx"
    assert meta_of(html, url=url).title == "Rail Replacement Services Travel Advice"
    # a headline with a dangling separator stays the title
    html = (
        """<html><head><title>Über André Loibl |</title></head><body><p>Text.</p></body></html>"""
    )
    title = meta_of(html, url="https://changenow.de/loibl").title
    assert title is not None and title.startswith("Über André Loibl")


def test_the_json_ld_page_name_is_a_reference_beside_a_video_headline() -> None:
    # cnn.com: the JSON-LD video (the main object) has its own headline; the WebPage's name
    # is the h1
    html = """<html><head><title>11 things we learned from the interview - CNN</title>
    <meta property="og:title" content="What we learned from the explosive interview">
    <script type="application/ld+json">[{"@context": "http://schema.org/", "@type": "WebPage",
    "name": "The royal split: 11 things we learned from the explosive interview"},
    {"@type": "VideoObject", "headline": "Harry and Meghan talk about leaving royal life"}]</script>
    </head><body><h1 class="pg-headline">The royal split: 11 things we learned from the explosive interview</h1>
    <div class="media"><h2 class="cd__headline">Harry and Meghan talk about leaving royal life</h2></div>
    <p>The interview aired on Sunday.</p></body></html>"""
    assert (
        meta_of(html).title == "The royal split: 11 things we learned from the explosive interview"
    )


def test_without_declared_title_the_heading_where_the_body_starts_wins() -> None:
    # a 2004 blog (CleanEval): no <title>, the sidebar's h2 comes first in the page
    html = """<html><body><div id="sidebar"><h2>Categories</h2><ul><li>Travel</li></ul></div>
    <div id="main"><h2>There's No Place Like Home</h2>
    <p>My flight from Miami landed early into snowy Detroit.</p></div></body></html>"""
    body = "There's No Place Like Home\nMy flight from Miami landed early into snowy Detroit."
    assert meta_of(html, body=body).title == "There's No Place Like Home"
    # a lower heading at the body's start (a section) does not beat the page's h1
    html = """<html><body><h1>Lessons In Electric Circuits</h1><div><h3>Power supply circuits</h3>
    <p>There are three basic kinds of power supply circuits.</p></div></body></html>"""
    body = "Power supply circuits\nThere are three basic kinds of power supply circuits."
    assert meta_of(html, body=body).title == "Lessons In Electric Circuits"


def test_without_title_nor_heading_a_large_first_line_is_the_headline() -> None:
    # an old table layout (CleanEval): no <title>, no heading, the headline in big type
    html = """<html><body><table><tr><td><p align="center"><strong><font face="Arial"
    size="6">Policy
    Manual</font></strong></p></td></tr><tr><td><p>This manual describes the policies of the board.</p>
    </td></tr></table></body></html>"""
    body = "Policy Manual\nThis manual describes the policies of the board."
    assert meta_of(html, body=body).title == "Policy Manual"
    # small type, or a line that ends as a sentence, is no headline
    small = html.replace("<strong>", "").replace("</strong>", "").replace('size="6"', 'size="1"')
    assert meta_of(small, body=body).title is None
    prose = "Policy Manual.\nThis manual describes the policies of the board."
    assert meta_of(html.replace("Manual</font>", "Manual.</font>"), body=prose).title is None
