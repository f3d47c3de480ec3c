"""Block Kit as HTML: every block type and mrkdwn's formatting, as Slack draws them."""

from __future__ import annotations

from datetime import date

from bot.blocks.render.html import blocks_html
from bot.blocks.render.markup import Directory
from bot.blocks.render.mrkdwn import mrkdwn_html
from bot.blocks.standup_modal import build_standup_modal
from bot.blocks.standup_refs import ModalRef
from bot.blocks.text import context, escape, header, section
from bot.domain.standups.days import StandupDay

WORKSPACE = Directory(people={"U0ANA": "Ana Ruiz"}, channels={"C0S": "kickoff-standups"},
                      files={"F1": "data:image/png;base64,AAAA"})


def test_mrkdwn_emphasis_links_lists_and_quotes() -> None:
    text = ("*Due* _soon_ ~old~ `code`: <https://x.test/?a=1&amp;b=2|the plan> for <@U0ANA>\n"
            "• first\n• second\n&gt; quoted\nlast")
    assert mrkdwn_html(text, WORKSPACE) == (
        "<b>Due</b> <i>soon</i> <s>old</s> <code>code</code>: "
        '<a href="https://x.test/?a=1&amp;b=2" rel="noreferrer">the plan</a> for '
        '<span class="mention">@Ana Ruiz</span><br>'
        "<ul><li>first</li><li>second</li></ul><blockquote>quoted</blockquote>last"
    )


def test_what_a_user_typed_stays_text() -> None:
    typed = escape("<script>alert(1)</script> *not bold* <!channel>")
    html = mrkdwn_html(typed, WORKSPACE)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;!channel&gt;" in html


def test_every_block_type_is_drawn() -> None:
    blocks = [
        header("Coaching for Mon 22 Mar"),
        section("*Ana Ruiz* · 1:1") | {"accessory": {"type": "button",
                                                     "text": {"type": "plain_text",
                                                              "text": "Log"}}},
        {"type": "section", "fields": [{"type": "mrkdwn", "text": "*Done*"},
                                       {"type": "mrkdwn", "text": "3 of 4"}]},
        {"type": "divider"},
        {"type": "image", "slack_file": {"id": "F1"}, "alt_text": "chart",
         "title": {"type": "plain_text", "text": "Completion"}},
        {"type": "image", "image_url": "https://tracker.example/pixel.png", "alt_text": "far"},
        {"type": "actions", "elements": [{"type": "button", "style": "primary",
                                          "text": {"type": "plain_text", "text": "Confirm"}}]},
        context("Only you see this."),
    ]
    html = blocks_html(blocks, WORKSPACE)
    assert '<div class="block header"><h3>Coaching for Mon 22 Mar</h3></div>' in html
    assert '<div class="accessory"><span class="button ">Log</span></div>' in html
    assert '<div class="fields"><div><b>Done</b></div><div>3 of 4</div></div>' in html
    assert "<hr>" in html
    assert '<img class="image" src="data:image/png;base64,AAAA" alt="chart">' in html
    assert '<div class="missing-image">far</div>' in html  # never fetched: no network
    assert '<span class="button primary">Confirm</span>' in html
    assert '<div class="block context"><span>Only you see this.</span></div>' in html


def test_a_modal_shows_its_inputs_filled_in() -> None:
    day = StandupDay(1, 5, date(2027, 3, 10))
    modal = build_standup_modal(day=day, ref=ModalRef(1, "U0ANA", 1, 0), channel="C0S",
                                initial=None)
    html = blocks_html(modal["blocks"], WORKSPACE)
    assert "<label>One new activity I will do today</label>" in html
    assert '<span class="channel">#kickoff-standups</span>' in html
