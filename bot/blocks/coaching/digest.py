"""The manager's coaching digest DM: each open item with a "Log" button, then each rep's
reported week still to confirm, with Confirm / Correct."""

from __future__ import annotations

from collections.abc import Sequence

from bot.blocks.coaching.describe import day_label, item_line, item_with_button
from bot.blocks.metrics_refs import PendingReview
from bot.blocks.metrics_report import review_buttons, review_line
from bot.blocks.text import Block, context, escape, header, section
from bot.domain.block_budget import LIMITS, Surface
from bot.domain.coaching.views import Digest
from bot.domain.deadline import deadline_text
from db.models import CoachingItem

# A message's budget holds the header, three titles, the "…and N more" line and the footer,
# with a few blocks spare; the longest lists are cut there and point to /kickoff log, which
# lists every item (a DM is not paged in place).
FIXED_BLOCKS = 6
SPARE_BLOCKS = 4
MAX_ITEMS = LIMITS[Surface.MESSAGE] - FIXED_BLOCKS - SPARE_BLOCKS
# Reported weeks take two blocks each (the numbers, the buttons) out of the items' budget, plus
# a title and an "…and N more" line; the rest wait in their own review DMs and the next digest.
MAX_REVIEWS = 5
REVIEWS_TITLE = "*Numbers your reps reported*: confirm them or correct them."


def build_digest_message(
    program_name: str, digest: Digest, reader_tz: str, reviews: Sequence[PendingReview] = (),
) -> list[Block]:
    """Header, then "this week", "due next" and "overdue" lists, each line with a Log button;
    the overdue items' deadline is said in the manager's time zone `reader_tz`; then the reps'
    reported weeks still to confirm (`reviews`), each with Confirm and Correct."""
    blocks: list[Block] = [header(f"Coaching for {day_label(digest.day)}")]
    reviews_shown = reviews[:MAX_REVIEWS]
    budget = MAX_ITEMS - (2 * len(reviews_shown) + 2 if reviews else 0)
    shown = 0
    for title, items in _sections(digest, reader_tz):
        if not items:
            continue
        blocks.append(section(title))
        for item in items[: max(budget - shown, 0)]:
            blocks.append(item_with_button(item, item_line(item) + _behaviour(digest, item)))
        shown += len(items)
    if shown > budget:
        blocks.append(context(f"…and {shown - budget} more: `/kickoff log @rep` lists them."))
    if reviews:
        blocks.append(section(REVIEWS_TITLE))
        for review in reviews_shown:
            blocks += [review_line(review), review_buttons(review.ref, in_digest=True)]
        if len(reviews) > MAX_REVIEWS:
            blocks.append(context(f"…and {len(reviews) - MAX_REVIEWS} more in their own DMs; "
                                  "the next digest lists them again."))
    blocks.append(context(
        f"{escape(program_name)} · logging takes two clicks; a skip counts against completion, "
        "QBR weeks included."
    ))
    return blocks


def digest_fallback(digest: Digest, reviews: int = 0) -> str:
    """The notification text: how many are due and overdue, and reported weeks to confirm."""
    parts = [
        f"{len(items)} {label}"
        for label, items in (
            ("due this week", digest.this_week), ("due next", digest.due_next),
            ("overdue", digest.overdue),
        )
        if items
    ]
    parts += [f"{reviews} reported week(s) to confirm"] if reviews else []
    return f"Coaching for {day_label(digest.day)}: " + ", ".join(parts)


def _behaviour(digest: Digest, item: CoachingItem) -> str:
    """The behaviour the rep last agreed to change, under their line."""
    agreed = digest.behaviours.get(item.rep_id)
    return f"\n_Last agreed:_ {escape(agreed)}" if agreed else ""


def _sections(digest: Digest, reader_tz: str) -> list[tuple[str, list[CoachingItem]]]:
    by = f" {deadline_text(digest.overdue_by, reader_tz)}" if digest.overdue_by else ""
    return [
        ("*Due this week*", digest.this_week),
        ("*Due next, still to log*", digest.due_next),
        (f"*Overdue*: log, reschedule or skip it{by}, or it counts as missed.", digest.overdue),
    ]
