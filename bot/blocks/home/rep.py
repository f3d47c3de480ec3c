"""The rep's section of the home: today's standup with its buttons, their signed plan, coaching
ahead, call-review scores and the behaviour agreed at the last review."""

from __future__ import annotations

from bot.blocks.coaching.describe import cadence_label, due_text
from bot.blocks.home.common import DIVIDER, clip, short_date
from bot.blocks.plans.summary import build_rep_plan_part
from bot.blocks.standup import actions, button
from bot.blocks.standup_refs import DayRef
from bot.blocks.text import Block, escape, header, section
from bot.domain.coaching.vocabulary import CADENCE_MINUTES, DIMENSION_LABELS
from bot.domain.home import RepView, Review
from bot.ids import ActionId
from db.models import ProgramStatus

# Blocks one program takes at most: standup section and buttons, plan, coaching, reviews,
# follow-through, divider.
PROGRAM_BLOCKS = 7
MAX_REVIEWS = 4


def build_rep_section(views: list[RepView], *, room: int) -> list[Block]:
    """One part per program the viewer is a rep in, as many as fit in `room`."""
    blocks: list[Block] = [header("Your standups and coaching")]
    for view in views:
        if len(blocks) + PROGRAM_BLOCKS > room:
            break
        blocks += _program_part(view)
    return blocks


def _program_part(view: RepView) -> list[Block]:
    blocks = _standup_part(view)
    if view.plan is not None or view.member.program.status is ProgramStatus.ACTIVE:
        blocks.append(build_rep_plan_part(view.member.program_id, view.plan))
    if view.coaching:
        lines = [f"• {cadence_label(item)} ({CADENCE_MINUTES[item.cadence]} min), week "
                 f"{item.week}, {due_text(item)}" for item in view.coaching]
        blocks.append(section("*Coaching ahead*\n" + "\n".join(lines)))
    if view.reviews:
        blocks.append(section(_reviews_text(view)))
    if view.behaviours or view.behaviour_follow.asked or view.standup_follow.asked:
        blocks.append(section(_follow_text(view)))
    return [*blocks, DIVIDER]


def _follow_text(view: RepView) -> str:
    """Every behaviour agreed, whether they changed, and the standup activities done."""
    lines = [f"• {escape(clip(text))}" for text in view.behaviours[-MAX_REVIEWS:]]
    if view.behaviour_follow.asked:
        lines.append(f"Changed, as logged: {view.behaviour_follow.text('behaviours')}")
    if view.standup_follow.asked:
        lines.append("Your standups: "
                     f"{view.standup_follow.text('planned activities')}")
    return "*Your agreed behaviours and follow-through*\n" + "\n".join(lines)


def _standup_part(view: RepView) -> list[Block]:
    program = view.member.program
    name = f"*{escape(program.name)}*"
    if program.status is ProgramStatus.PAUSED:
        return [section(f"{name} is paused: nothing is sent until it resumes.")]
    today = view.standup
    if today is None:
        upcoming = (f"Your next standup is {view.next_standup}." if view.next_standup
                    else "Your week-1 standups are behind you.")
        return [section(f"{name}: no standup today. {upcoming}")]
    ref = DayRef(program.id, view.member.person.slack_user_id, today.day.number).to_value()
    if today.answered:
        return [section(f"{name} · :white_check_mark: *{today.day.label}*: answered, thank "
                        "you. You can edit it until midnight your time."),
                actions(button("Edit", ActionId.STANDUP_EDIT, ref))]
    if today.out_today:
        return [section(f"{name} · :palm_tree: *{today.day.label}*: marked as out today."),
                actions(button("Answer after all", ActionId.STANDUP_ANSWER, ref))]
    return [
        section(f"{name} · *{today.day.label}* of your week-1 standup is open: one new "
                "activity, one small win, one blocker."),
        actions(button("Answer", ActionId.STANDUP_ANSWER, ref, primary=True),
                button("Out today", ActionId.STANDUP_OUT_TODAY, ref)),
    ]


def _reviews_text(view: RepView) -> str:
    lines = [_review_line(review) for review in view.reviews[-MAX_REVIEWS:]]
    if view.agreed_behaviour:
        lines.append(f"Agreed at your last review: _{escape(clip(view.agreed_behaviour))}_")
    return "*Your call reviews*\n" + "\n".join(lines)


def _review_line(review: Review) -> str:
    held = f" ({short_date(review.held_on)})" if review.held_on else ""
    scores = " · ".join(f"{DIMENSION_LABELS[name]} {score}/5"
                        for name, score in review.scores.items())
    return f"Week {review.week}{held}: {scores}"
