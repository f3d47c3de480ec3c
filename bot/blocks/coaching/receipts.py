"""What the rep is sent after a log (with Confirm / "That didn't happen"), and the manager's
notice when the rep disputes it. Notes appear here only: these go to the rep and the manager."""

from __future__ import annotations

from bot.blocks.coaching.describe import cadence_label, day_label, item_with_button
from bot.blocks.text import MAX_TEXT, Block, context, escape, mrkdwn, plain, section
from bot.domain.coaching.vocabulary import DIMENSION_LABELS
from bot.ids import ActionId
from db.models import CadenceType, CoachingItem, Confirmation, LoggedStatus
from db.models.coaching import RUBRIC_DIMENSIONS

ANSWERED = {
    Confirmation.CONFIRMED: "You confirmed this. Thank you.",
    Confirmation.DISPUTED: "You said this didn't happen; your manager has been told.",
}


def answer_value(item: CoachingItem) -> str:
    """The value of the rep's buttons: the item and the revision of the log they answer."""
    return f"{item.id}:{item.revision}"


def build_log_receipt(item: CoachingItem, *, answered: Confirmation | None = None) -> list[Block]:
    """The rep's DM about a log; buttons while a held session is unanswered."""
    blocks = [section(_summary(item, _who(item, f"*{escape(item.manager.name)}*"))),
              *_details(item)]
    if item.status is LoggedStatus.DONE and answered is None:
        blocks.append({"type": "actions", "elements": [
            _button(ActionId.COACHING_CONFIRM, "Confirm", item, "primary"),
            _button(ActionId.COACHING_DISPUTE, "That didn't happen", item, "danger"),
        ]})
    note = ANSWERED[answered] if answered else f"Only you and {escape(item.manager.name)} see this."
    return [*blocks, context(note)]


def receipt_fallback(item: CoachingItem) -> str:
    """One plain sentence saying what was logged."""
    return _summary(item, _who(item, item.manager.name))


def _who(item: CoachingItem, manager: str) -> str:
    """Who logged it: the manager, or an admin on their behalf (named, never hidden)."""
    if item.logged_by is None or item.logged_by == item.manager.slack_user_id:
        return manager
    return f"<@{item.logged_by}> (a program admin, for {manager})"


def _summary(item: CoachingItem, manager: str) -> str:
    session = f"your {cadence_label(item)} of week {item.week}"
    if item.status is LoggedStatus.RESCHEDULED and item.rescheduled_to is not None:
        return f"{manager} moved {session} to {day_label(item.rescheduled_to)}."
    if item.status is LoggedStatus.SKIPPED:
        return f"{manager} logged {session} as skipped."
    held = f" as held on {day_label(item.held_on)}" if item.held_on else ""
    return f"{manager} logged {session}{held}. Did it happen?"


def build_dispute_notice(item: CoachingItem) -> list[Block]:
    """The manager's DM when the rep says a logged session did not happen."""
    return [
        item_with_button(item, f"*{escape(item.rep.name)}* says the {cadence_label(item)} of "
                               f"week {item.week} logged as held did not happen.",
                         "Correct the log"),
        context(f"It counts as not done until {escape(item.rep.name)} confirms it "
                "or you correct the log."),
    ]


def dispute_fallback(item: CoachingItem) -> str:
    """The notification text of the dispute notice."""
    return f"{item.rep.name} says the {cadence_label(item)} of week {item.week} did not happen."


def _details(item: CoachingItem) -> list[Block]:
    if item.status is LoggedStatus.SKIPPED:
        return [_quote("Reason", item.skip_reason)]
    if item.status is not LoggedStatus.DONE:
        return []
    fields = _fields(item)
    blocks = [{"type": "section", "fields": [mrkdwn(f) for f in fields]}] if fields else []
    if item.cadence is CadenceType.CALL_REVIEW:
        blocks.append(_quote("The one behaviour to change", item.agreed_behaviour))
    return blocks + ([_quote("Notes", item.notes)] if item.notes else [])


def _fields(item: CoachingItem) -> list[str]:
    if item.cadence is CadenceType.ONE_ON_ONE:
        reviewed = "yes" if item.pipeline_reviewed else "no"
        fields = [f"*Duration:* {item.duration_minutes} min", f"*Pipeline reviewed:* {reviewed}"]
        return fields + ([f"*Call coached:* {escape(item.call_link)}"] if item.call_link else [])
    if item.cadence is CadenceType.CALL_REVIEW:
        fields = [f"*{DIMENSION_LABELS[d]}:* {item.score(d)}/5" for d in RUBRIC_DIMENSIONS]
        links = (("Won call", item.won_call_link), ("Lost call", item.lost_call_link))
        return fields + [f"*{label}:* {escape(link)}" for label, link in links if link]
    return []


def _quote(label: str, text: str | None) -> Block:
    body = escape(text or "")
    return section(f"*{label}:*\n{body[: MAX_TEXT - len(label) - 10]}")


def _button(action: ActionId, label: str, item: CoachingItem, style: str) -> Block:
    return {"type": "button", "action_id": action.value, "text": plain(label),
            "value": answer_value(item), "style": style}
