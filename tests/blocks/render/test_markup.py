"""Slack's markup read back: mentions, channels and dates as the reader sees them."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.blocks.render.markup import Directory, plain_text

WORKSPACE = Directory(people={"U0ANA": "Ana Ruiz"}, channels={"C0STANDUPS": "kickoff-standups"},
                      timezone="America/Los_Angeles")
APRIL_1 = int(datetime(2027, 4, 1, tzinfo=UTC).timestamp())
CLOSING = f"<!date^{APRIL_1}^{{date_short_pretty}} at {{time}}|Thu 01 Apr 2027 00:00 UTC>"


def test_mentions_channels_and_links_read_as_names() -> None:
    text = "<@U0ANA> posted in <#C0STANDUPS>; see <https://example.com/a|the plan> or <@U0ZED>"
    assert plain_text(text, WORKSPACE) == (
        "@Ana Ruiz posted in #kickoff-standups; see the plan (https://example.com/a) or @U0ZED"
    )


def test_a_date_is_said_in_the_readers_own_time_zone() -> None:
    # Midnight UTC: still the evening before in Los Angeles, already morning in Kolkata.
    assert plain_text(CLOSING, WORKSPACE) == "Wed 31 Mar at 17:00"
    assert plain_text(CLOSING, WORKSPACE.reading_in("Asia/Kolkata")) == "Thu 01 Apr at 05:30"


def test_escaped_user_text_reads_as_typed_and_pings_nobody() -> None:
    assert plain_text("Legal wants &lt;!channel&gt; &amp; more", WORKSPACE) == (
        "Legal wants <!channel> & more"
    )
    assert plain_text("<!here> look", WORKSPACE) == "@here look"
