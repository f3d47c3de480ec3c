"""The certification modals: an attempt (options named only by where they are shown), the
score after it, the talk-track review, enablement's create form, and a refusal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.blocks.text import Block, context, escape, plain, section
from bot.domain.certification.scoring import option_value, shown_orders
from bot.domain.counting import counted
from bot.ids import ActionId, CallbackId, CertField
from db.models import (
    AttemptStatus,
    Certification,
    CertificationAttempt,
    CertificationQuestion,
)

View = dict[str, Any]
VERDICTS = {"pass": "Pass", "again": "Needs another attempt"}
OUTCOMES = {
    AttemptStatus.PASSED: "You passed.",
    AttemptStatus.AWAITING_REVIEW: "Your talk-track is with your reviewer; you will hear back.",
}
SPOTCHECK_VERDICTS = {"pass": "Still executing", "again": "Needs help"}


@dataclass(frozen=True)
class ShownQuestion:
    """A question as one attempt shows it: its text and its options in the shown order."""

    prompt: str
    options: tuple[str, ...]


def build_attempt_modal(*, attempt_id: int, name: str, number: int, allowed: int,
                        questions: Sequence[ShownQuestion], talk_track: str | None) -> View:
    """One attempt: each question a pick whose values are positions, and the recording link."""
    blocks: list[Block] = [context(f"Attempt {number} of {allowed}.")]
    for position, question in enumerate(questions):
        blocks.append(_input(f"q{position}", question.prompt, {
            "type": "static_select", "action_id": ActionId.CERT_INPUT,
            "options": [{"text": plain(text), "value": option_value(position, shown)}
                        for shown, text in enumerate(question.options)]}))
    if talk_track is not None:
        blocks.append(section(f"*Talk-track:* {escape(talk_track)}"))
        blocks.append(_input(CertField.RECORDING, "Link to your recording", {
            "type": "url_text_input", "action_id": ActionId.CERT_INPUT}))
    return _modal(CallbackId.CERT_ATTEMPT, name, blocks, str(attempt_id), submit="Submit")


def build_attempt_view(attempt: CertificationAttempt, certification: Certification,
                       questions: Sequence[CertificationQuestion]) -> View:
    """The attempt modal of a stored attempt: its drawn questions, options in its own order."""
    shown = [ShownQuestion(q.prompt, tuple(q.options[i] for i in order))
             for q, order in zip(questions, shown_orders(attempt.drawn), strict=True)]
    return build_attempt_modal(attempt_id=attempt.id, name=certification.name,
                               number=attempt.number, allowed=certification.attempts,
                               questions=shown, talk_track=certification.talk_track)


def build_score_view(*, name: str, correct: int, asked: int, status: AttemptStatus,
                     attempts_left: int) -> View:
    """What a rep sees after an attempt: their score and what happens next, nothing else."""
    score = f"You answered {correct} of {asked} correctly." if asked else ""
    outcome = OUTCOMES.get(status) or (
        f"Not passed yet: {counted(attempts_left, 'attempt')} left." if attempts_left > 0
        else "No attempts left: a retake window opens tomorrow.")
    return _modal(None, name, [section(f"{score} {outcome}".strip())])


def build_review_modal(*, attempt_id: int, rep_name: str, prompt: str, link: str,
                       dimensions: Sequence[str], spotcheck: bool) -> View:
    """The reviewer's form: the recording link, a score per dimension, the verdict, one line."""
    blocks: list[Block] = [section(f"*{escape(rep_name)}*: {escape(prompt)}\n<{link}|Open the "
                                   "recording>")]
    scores = [{"text": plain(str(n)), "value": str(n)} for n in range(1, 6)]
    if not spotcheck:
        blocks += [_input(f"score_{name}", name.replace("_", " ").capitalize(), {
            "type": "static_select", "action_id": ActionId.CERT_INPUT, "options": scores})
            for name in dimensions]
    verdicts = SPOTCHECK_VERDICTS if spotcheck else VERDICTS
    blocks.append(_input(CertField.VERDICT, "Outcome", {
        "type": "radio_buttons", "action_id": ActionId.CERT_INPUT,
        "options": [{"text": plain(label), "value": value} for value, label in verdicts.items()]}))
    feedback = _input(CertField.FEEDBACK, "One line of feedback the rep sees", {
        "type": "plain_text_input", "action_id": ActionId.CERT_INPUT, "max_length": 200})
    blocks.append({**feedback, "optional": True})
    return _modal(CallbackId.CERT_REVIEW, "Review", blocks, str(attempt_id), submit="Save")


def build_create_modal(programs: Sequence[tuple[int, str]], example: str) -> View:
    """Enablement's form: the program and the certification in the file's YAML."""
    blocks = [
        _input(CertField.PROGRAM, "Program", {
            "type": "static_select", "action_id": ActionId.CERT_INPUT,
            "options": [{"text": plain(name[:75]), "value": str(pid)} for pid, name in programs]}),
        _input(CertField.DEFINITION, "The certification (YAML, as in `certification create`)", {
            "type": "plain_text_input", "action_id": ActionId.CERT_INPUT, "multiline": True,
            "initial_value": example}),
    ]
    return _modal(CallbackId.CERT_CREATE, "New certification", blocks, "", submit="Create")


def build_note_view(title: str, text: str) -> View:
    """A modal of one message: created, reviewed, the key, or why something was refused."""
    return _modal(None, title, [section(text)])


def _input(block_id: str, label: str, element: dict[str, Any]) -> Block:
    return {"type": "input", "block_id": block_id, "label": plain(label[:2000]),
            "element": element}


def _modal(callback: CallbackId | None, title: str, blocks: list[Block], metadata: str = "",
           *, submit: str | None = None) -> View:
    view: View = {"type": "modal", "title": plain(title[:24]), "close": plain("Close"),
                  "blocks": blocks}
    if callback is not None:
        view |= {"callback_id": callback, "private_metadata": metadata}
    if submit is not None:
        view["submit"] = plain(submit)
    return view
