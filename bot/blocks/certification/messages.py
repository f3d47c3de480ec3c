"""The certification DMs: it is open, two days left, a talk-track to review, the review's
outcome, and a rep sent back into the cycle. None names a question's right option."""

from __future__ import annotations

from datetime import date

from bot.blocks.home.common import short_date
from bot.blocks.standup import actions, button
from bot.blocks.text import Block, context, escape, section
from bot.domain.certification.home import PendingReview
from bot.domain.counting import counted
from bot.ids import ActionId

Message = tuple[str, list[Block]]


OPENING = {"certify": "Time to certify:", "retake": "A retake of",
           "spotcheck": "SpotCheck (a short prompt, rated by your manager):"}


def build_open_message(*, name: str, certification_id: int, due_on: date, attempts: int,
                       why: str) -> Message:
    """The DM saying a certification, a retake of it or a SpotCheck is open, with Start."""
    what = OPENING[why]
    text = f"{what} {name}, due {due_on:%a %d %b}"
    how = ("Submit your recording's link: your manager rates it, still executing or needs "
           "help; there is no score." if why == "spotcheck" else
           "After each attempt you see your score; which answers were right is shared once the "
           "window closes.")
    return text, [
        section(f"*{what} {escape(name)}*\nDue by the end of *{due_on:%A %d %B}* "
                f"({counted(attempts, 'attempt')}). {how}"),
        actions(button("Start", ActionId.CERT_START, str(certification_id), primary=True)),
    ]


def build_reminder_message(*, name: str, certification_id: int, due_on: date) -> Message:
    """The one reminder, two days before the due day."""
    text = f"{name} is due on {due_on:%a %d %b}"
    return text, [section(f"*{escape(name)}* is due by the end of *{due_on:%A %d %B}*."),
                  actions(button("Start", ActionId.CERT_START, str(certification_id)))]


def build_review_request(*, rep_name: str, name: str, attempt_id: int,
                         spotcheck: bool = False) -> Message:
    """The reviewer's DM: a talk-track to review, or a SpotCheck to rate."""
    text = f"{rep_name} submitted a talk-track for {name}"
    ask = ("rate it: still executing, or needs help?" if spotcheck
           else "please review it within 3 working days.")
    return text, [section(f"*{escape(rep_name)}* submitted a talk-track for *{escape(name)}*: "
                          f"{ask}"),
                  actions(button("Review", ActionId.CERT_REVIEW, str(attempt_id),
                                 primary=True))]


def build_reviewed_message(*, name: str, passed: bool, feedback: str, attempts_left: int,
                           spotcheck: bool = False) -> Message:
    """The rep's DM with the review's outcome and its one line of feedback."""
    if spotcheck:
        outcome = (f"{name}: your manager rated you still executing." if passed else
                   f"{name}: your manager asked for a refresher; a retake opens tomorrow.")
    else:
        outcome = (f"You passed {name}." if passed else
                   f"{name}: your talk-track needs another attempt ({attempts_left} left).")
    blocks = [section(escape(outcome))]
    if feedback:
        blocks.append(context(f"Feedback: {escape(feedback)}"))
    return outcome, blocks


def build_retake_notice(*, rep_name: str, name: str, opens_on: date, due_on: date) -> Message:
    """The manager's DM: their rep failed the last attempt and has a retake window."""
    text = f"{rep_name} did not pass {name}; a retake is open"
    return text, [section(
        f"*{escape(rep_name)}* did not pass *{escape(name)}* in the attempts allowed. They have "
        f"a retake from {opens_on:%a %d %b} to {due_on:%a %d %b}; the items they missed reach "
        "you once their window has closed.")]


def build_missed_items(*, rep_name: str, name: str, items: list[tuple[str, str]]) -> Message:
    """The manager's DM after the window closed: the questions missed and their right answer."""
    text = f"What {rep_name} missed in {name}"
    lines = [f"• {escape(prompt)} _(right answer: {escape(right)})_" for prompt, right in items]
    return text, [section(f"*{escape(text)}*, now that the window has closed:\n"
                          + "\n".join(lines or ["• nothing: only the talk-track fell short"]))]


def build_not_certified_list(*, name: str, people: list[str]) -> Message:
    """The T-3 list, for enablement or one manager: who is not pre-certified yet."""
    text = f"{len(people)} not yet pre-certified ({name})"
    return text, [section(f"*Not yet certified in {escape(name)}* (due in 3 days or less):\n"
                          + "\n".join(f"• {escape(person)}" for person in people))]


MAX_TRACKS = 5  # talk-tracks listed in one digest (2 blocks each); the rest are in the home


def build_talk_track_lines(reviews: list[PendingReview]) -> list[Block]:
    """A reviewer's digest lines: each talk-track waiting, flagged past 3 working days."""
    blocks: list[Block] = []
    for review in reviews[:MAX_TRACKS]:
        late = " · *over 3 working days*" if review.overdue else ""
        blocks.append(section(f"Talk-track to review: *{escape(review.rep)}*, "
                              f"{escape(review.name)} (since {short_date(review.submitted_on)})"
                              f"{late}"))
        blocks.append(actions(button("Review", ActionId.CERT_REVIEW, str(review.attempt_id))))
    if len(reviews) > MAX_TRACKS:
        blocks.append(context(f"…and {len(reviews) - MAX_TRACKS} more in your App Home."))
    return blocks
