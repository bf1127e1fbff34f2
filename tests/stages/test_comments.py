"""Reader comments as their own field (`Options.include_comments`): found generically, and
never a change to the body."""

from __future__ import annotations

import json

import pytest

import declutter
from _pages import snippet_bytes
from declutter import Options

WITH_COMMENTS = Options(include_comments=True)

ARTICLE = (
    "<article><h1>A trip home</h1>"
    "<p>We flew home on a small plane, late at night, with the rain beating on the windows.</p>"
    "<p>The pilot joked about the weather, and nobody laughed, which he took in his stride.</p>"
    "</article>"
)

WORDPRESS = (
    ARTICLE
    + """
<div id="comments" class="comments-area">
 <h3 class="comments-title">3 Responses to "A trip home"</h3>
 <ol class="commentlist">
  <li class="comment even thread-even depth-1" id="li-comment-11">
   <div class="comment-author vcard"><img class="avatar" src="a.png" alt="">
    <cite class="fn">Paul Howard</cite> <span class="says">says:</span></div>
   <div class="comment-meta commentmetadata"><a href="#comment-11">October 30, 2012 at 11:02 am</a></div>
   <p>So you don't get bored often.</p>
   <div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div>
   <ul class="children">
    <li class="comment byuser comment-author-admin odd alt depth-2" id="li-comment-12">
     <div class="comment-author vcard"><cite class="fn">Joe</cite> <span class="says">says:</span></div>
     <div class="comment-meta commentmetadata"><a href="#comment-12">October 30, 2012 at 11:04 am</a></div>
     <p>Never, Paul! Not on that plane.</p>
     <div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div>
    </li>
   </ul>
  </li>
  <li class="comment odd alt thread-odd depth-1" id="li-comment-13">
   <div class="comment-author vcard"><cite class="fn">MaryT</cite> <span class="says">says:</span></div>
   <div class="comment-meta commentmetadata"><a href="#comment-13">October 30, 2012 at 12:10 pm</a></div>
   <p>Sounds like fun to me!</p><p>Thanks for sharing.</p>
  </li>
 </ol>
 <div id="respond" class="comment-respond">
  <h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
  <form id="commentform" class="comment-form"><p class="comment-form-comment">
   <label for="comment">Comment</label><textarea id="comment" name="comment"></textarea></p>
   <p class="form-submit"><input type="submit" value="Post Comment"></p></form>
 </div>
</div>
"""
)

SCHEMA_ORG = (
    ARTICLE
    + """
<section class="discussion">
 <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
  <span itemprop="author">Ana</span> <time itemprop="dateCreated" datetime="2024-05-02T10:00">2 May</time>
  <div itemprop="text"><p>The second paragraph made me smile.</p></div>
 </div>
 <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
  <span itemprop="author">Bo</span> <time itemprop="dateCreated" datetime="2024-05-03T08:30">3 May</time>
  <div itemprop="text"><p>Which airline was it, if I may ask?</p></div>
 </div>
</section>
"""
)

TYPEPAD = (
    ARTICLE
    + """
<div class="comments" id="comments"><h3>Comments</h3>
 <div class="comment comment-odd" id="comment-6a01">
  <div class="comment-content"><p>Slips like these tell you who is behind these brands.</p></div>
  <p class="comment-footer">Posted by: <a href="http://example.org">Bob James</a> | October 30, 2012 at 08:58 AM</p>
 </div>
 <div class="comment comment-even" id="comment-6a02">
  <div class="comment-content"><p>I am very grateful for your post and its rational tone.</p></div>
  <p class="comment-footer">Posted by: Samantha Stone | October 30, 2012 at 09:12 AM</p>
 </div>
</div>
"""
)


def test_wordpress_thread_gives_each_comment_with_author_and_date() -> None:
    comments = declutter.extract(WORDPRESS, options=WITH_COMMENTS).comments
    assert [(c.author, c.date, c.text) for c in comments] == [
        ("Paul Howard", "October 30, 2012 at 11:02 am", "So you don't get bored often."),
        ("Joe", "October 30, 2012 at 11:04 am", "Never, Paul! Not on that plane."),
        ("MaryT", "October 30, 2012 at 12:10 pm", "Sounds like fun to me!\nThanks for sharing."),
    ]


def test_reply_form_and_reply_links_are_not_comments() -> None:
    comments = declutter.extract(WORDPRESS, options=WITH_COMMENTS).comments
    text = "\n".join(c.text for c in comments)
    assert (
        "Leave a Reply" not in text and "Post Comment" not in text and "Reply" not in text.split()
    )


def test_schema_org_comments_with_machine_dates() -> None:
    comments = declutter.extract(SCHEMA_ORG, options=WITH_COMMENTS).comments
    assert [(c.author, c.date, c.text) for c in comments] == [
        ("Ana", "2024-05-02T10:00", "The second paragraph made me smile."),
        ("Bo", "2024-05-03T08:30", "Which airline was it, if I may ask?"),
    ]


def test_comments_signed_in_a_footer_line_keep_it() -> None:
    """No element names the author: the "Posted by" line stays with the comment's text."""
    comments = declutter.extract(TYPEPAD, options=WITH_COMMENTS).comments
    assert len(comments) == 2
    assert comments[0].text.startswith("Slips like these")
    assert "Bob James" in comments[0].text and "October 30, 2012" in comments[0].text


@pytest.mark.parametrize("page", [WORDPRESS, SCHEMA_ORG, TYPEPAD])
def test_comments_never_change_the_body(page: str) -> None:
    plain = declutter.extract(page)
    with_comments = declutter.extract(page, options=WITH_COMMENTS)
    assert with_comments.body == plain.body
    assert "bored" not in plain.body and "Ana" not in plain.body
    assert plain.comments == () and with_comments.comments


def test_real_page_body_is_identical_with_comments() -> None:
    page = snippet_bytes("reuters_parasite.html")
    assert declutter.extract(page, options=WITH_COMMENTS).body == declutter.extract(page).body


def test_a_page_without_comments_has_none() -> None:
    """A "comments" link in the byline and a comment form are no comments."""
    page = (
        ARTICLE.replace(
            "</h1>",
            '</h1><p class="meta"><a class="comments-link" href="#respond">0 comments</a></p>',
        )
        + '<div id="respond"><form class="comment-form"><textarea></textarea></form></div>'
    )
    assert declutter.extract(page, options=WITH_COMMENTS).comments == ()


def test_comments_in_json_and_csv_records() -> None:
    article = declutter.extract(SCHEMA_ORG, options=WITH_COMMENTS)
    record = json.loads(article.to_json())
    assert record["comments"][1] == {
        "text": "Which airline was it, if I may ask?", "author": "Bo", "date": "2024-05-03T08:30",
    }  # fmt: skip
    csv_text = declutter.render(article, "csv")
    assert "comments" in csv_text.splitlines()[0] and "Which airline was it" in csv_text


def test_text_format_lists_the_comments_after_the_body() -> None:
    article = declutter.extract(SCHEMA_ORG, options=WITH_COMMENTS)
    text = declutter.render(article, "text", metadata=False)
    assert text.startswith(article.body)
    assert text.endswith(
        "comments: 2\n\nAna, 2024-05-02T10:00:\nThe second paragraph made me smile."
        "\n\nBo, 2024-05-03T08:30:\nWhich airline was it, if I may ask?\n"
    )


def test_a_long_comment_signed_at_its_end_is_found() -> None:
    """The "Posted by ... | date" line closes the comment, far from its start."""
    long_text = " ".join(["I read every word of this, and I agree with most of it."] * 7)
    story = "".join(
        f"<p>Paragraph {n} of the story, with words enough to be prose, and a comma.</p>"
        for n in range(9)
    )
    page = TYPEPAD.replace("I am very grateful for your post and its rational tone.", long_text)
    page = page.replace("</article>", f"{story}</article>")
    assert len(long_text) > declutter.Options().comment_date_window
    comments = declutter.extract(page, options=WITH_COMMENTS).comments
    assert len(comments) == 2 and comments[1].text.startswith("I read every word")
