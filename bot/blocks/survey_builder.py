"""The question builder inside the create modal: a few slots, each a kind, a question and, for
a 1-5 item, what 1 and 5 mean; used only when "your own questions" is picked."""

from __future__ import annotations

from typing import Any

from bot.blocks.text import Block, plain, section
from bot.domain.surveys.builder import SLOTS, builder_field
from bot.domain.surveys.questions import LABEL_LENGTH, PROMPT_LENGTH, QuestionKind
from bot.ids import ActionId

KIND_LABELS = {
    QuestionKind.ZERO_TO_TEN: "0-10 (eNPS)",
    QuestionKind.LIKERT: "1-5 with labelled ends",
    QuestionKind.TEXT: "Free text",
}


def build_question_builder_blocks() -> list[Block]:
    """The slots, every input optional (the service refuses what is incomplete)."""
    kinds = [{"text": plain(label), "value": kind.value} for kind, label in KIND_LABELS.items()]
    blocks: list[Block] = [section("*Your own questions* (only with \"Your own questions\" "
                                   "above; leave a slot empty to skip it)")]
    for n in range(SLOTS):
        fields: dict[str, tuple[str, dict[str, Any]]] = {
            "kind": (f"Question {n + 1}: kind", {"type": "static_select", "options": kinds}),
            "question": (f"Question {n + 1}", {"type": "plain_text_input",
                                               "max_length": PROMPT_LENGTH}),
            "low": (f"Question {n + 1}: what 1 means (1-5 only)",
                    {"type": "plain_text_input", "max_length": LABEL_LENGTH}),
            "high": (f"Question {n + 1}: what 5 means (1-5 only)",
                     {"type": "plain_text_input", "max_length": LABEL_LENGTH}),
        }
        blocks += [{"type": "input", "block_id": builder_field(n, part), "optional": True,
                    "label": plain(label), "element": element | {"action_id":
                                                                  ActionId.SURVEY_INPUT}}
                   for part, (label, element) in fields.items()]
    return blocks
