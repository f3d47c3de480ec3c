"""The standup modal (three questions) and the short notes a submission can answer with."""

from __future__ import annotations

from typing import Any

from bot.blocks.standup_refs import ModalRef
from bot.blocks.text import Block, context, escape, plain, section
from bot.domain.follow_through import CHANGE_LABELS, EarlierPlan
from bot.domain.standups.days import StandupDay
from bot.domain.standups.fields import MAX_CHARS, AnswerText, Field
from bot.ids import ActionId, BlockId, CallbackId

FIELD_BLOCKS = {
    Field.ACTIVITY: BlockId.STANDUP_ACTIVITY,
    Field.WIN: BlockId.STANDUP_WIN,
    Field.BLOCKER: BlockId.STANDUP_BLOCKER,
}
PLACEHOLDERS = {
    Field.ACTIVITY: "e.g. Multi-thread the Acme deal: book a call with their CFO",
    Field.WIN: "e.g. Got a second meeting with Globex",
    Field.BLOCKER: "Anything in your way? It goes to your manager.",
}


def build_standup_modal(
    *,
    day: StandupDay,
    ref: ModalRef,
    channel: str,
    initial: AnswerText | None,
    earlier: EarlierPlan | None = None,
) -> dict[str, Any]:
    """The modal: one input per question, each limited to 1,000 characters; from Day 2 it
    first asks whether the activity of the rep's last answered day (`earlier`) was done."""
    editing = ref.revision > 0
    intro = (
        "Change what you like; your post in the channel is edited, not repeated."
        if editing
        else f"Your answers are posted in <#{channel}> as a reply in today's thread."
    )
    return {
        "type": "modal",
        "callback_id": CallbackId.STANDUP_ANSWER,
        "private_metadata": ref.to_metadata(),
        "title": plain(day.label),
        "submit": plain("Save" if editing else "Post"),
        "close": plain("Cancel"),
        "blocks": [context(intro), *_follow_up(earlier),
                   *(_input(field, initial) for field in Field)],
    }


def _follow_up(earlier: EarlierPlan | None) -> list[Block]:
    """"On Friday you planned: ... Done?" yes / partly / no (required)."""
    if earlier is None:
        return []
    options = [{"text": plain(label), "value": change.value}
               for change, label in CHANGE_LABELS.items()]
    element: Block = {"type": "radio_buttons", "action_id": ActionId.STANDUP_FOLLOW,
                      "options": options}
    if earlier.answer is not None:
        element["initial_option"] = next(o for o in options if o["value"] == earlier.answer)
    return [
        section(f"*On {earlier.weekday} you planned:* {escape(earlier.activity)}"),
        {"type": "input", "block_id": BlockId.STANDUP_FOLLOW, "label": plain("Done?"),
         "element": element},
    ]


def _input(field: Field, initial: AnswerText | None) -> Block:
    element: Block = {
        "type": "plain_text_input",
        "action_id": ActionId.STANDUP_TEXT,
        "multiline": True,
        "max_length": MAX_CHARS,
        "placeholder": plain(PLACEHOLDERS[field]),
    }
    value = initial.get(field) if initial is not None else None
    if value:
        element["initial_value"] = value[:MAX_CHARS]
    return {
        "type": "input",
        "block_id": FIELD_BLOCKS[field],
        "optional": not field.required,
        "label": plain(field.question),
        "element": element,
    }


def build_standup_note_view(*, day: StandupDay, text: str) -> dict[str, Any]:
    """A modal that only explains what happened (no submit button)."""
    return {
        "type": "modal",
        "title": plain(day.label),
        "close": plain("Close"),
        "blocks": [section(text)],
    }
