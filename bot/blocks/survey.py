"""The survey modals: create (enablement), answer (anyone asked), and the thank-you."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.blocks.survey_builder import build_question_builder_blocks
from bot.blocks.survey_results import slack_date
from bot.blocks.text import Block, context, escape, plain, section
from bot.domain.surveys.content import QUESTIONS, SCORE_RANGE, TEXT_LIMIT
from bot.domain.surveys.form import (
    DEFAULT_MINIMUM,
    DEFAULT_QUESTION,
    LOWEST_MINIMUM,
    QUESTION_LENGTH,
    TITLE_LENGTH,
)
from bot.domain.surveys.items import item_field
from bot.domain.surveys.questions import SCALES, Question, QuestionKind
from bot.ids import ActionId, CallbackId, SurveyField
from db.models import Program, Survey, SurveyAudience, SurveyTemplate

View = dict[str, Any]
MODAL_TITLE = "Anonymous survey"
AUDIENCE_LABELS = {
    SurveyAudience.REPS: "Reps",
    SurveyAudience.MANAGERS: "Managers",
    SurveyAudience.ALL: "All members",
}
TEMPLATE_LABELS = {
    SurveyTemplate.ENPS: "eNPS: one 0-10 question and three free texts",
    SurveyTemplate.GAP: "Gap survey: five 1-5 items and one free text",
    SurveyTemplate.CUSTOM: "Your own questions (below)",
}

SCORE_LABELS = {0: "0 - not at all likely", 10: "10 - extremely likely"}


def what_is_stored(minimum: int, *, several: bool = False) -> str:
    """The plain statement every answer modal shows."""
    what = ("each of your answers on its own, with nothing joining it to your other answers "
            "and no name, Slack id, team, role or time" if several else
            "your score and texts with no name, Slack id, team, role or time")
    return (
        "*What is stored:* that you answered (so you get no reminder and answer only once), "
        f"and, apart from it, {what}. "
        "Answers stay sealed until the survey closes and are then written all together, "
        "shuffled, so nobody, not enablement and not whoever runs the database, can tell which "
        f"answer is yours. Nothing is shown unless at least {minimum} people answer; otherwise "
        "the answers are deleted unread.\n"
        "*Not stored:* who wrote what, or when. What you write could still identify you by its "
        "content, so leave out details only you would know."
    )


def build_create_survey_modal(programs: list[Program]) -> View:
    """The modal enablement fills in to create a survey."""
    options = [_option(p.name[:75], str(p.id)) for p in programs]
    program_select: dict[str, Any] = {"type": "static_select", "options": options}
    if len(options) == 1:
        program_select["initial_option"] = options[0]
    audience = [_option(label, value) for value, label in AUDIENCE_LABELS.items()]
    templates = [_option(label, value) for value, label in TEMPLATE_LABELS.items()]
    blocks = [
        _input(SurveyField.TITLE, "Title", {"type": "plain_text_input",
                                            "max_length": TITLE_LENGTH}),
        _input(SurveyField.PROGRAM, "Program", program_select),
        _input(SurveyField.AUDIENCE, "Who is asked", {
            "type": "radio_buttons", "options": audience, "initial_option": audience[0]}),
        _input(SurveyField.TEMPLATE, "Questions", {
            "type": "radio_buttons", "options": templates, "initial_option": templates[0]}),
        _input(SurveyField.QUESTION, "The 0-10 question (eNPS survey)", {
            "type": "plain_text_input", "multiline": True, "max_length": QUESTION_LENGTH,
            "initial_value": DEFAULT_QUESTION}),
        _input(SurveyField.OPENS, "Opens (leave empty to open now)",
               {"type": "datetimepicker"}, optional=True),
        _input(SurveyField.CLOSES, "Closes", {"type": "datetimepicker"}),
        _input(SurveyField.CHANNEL, "Results channel", {
            "type": "conversations_select",
            "filter": {"include": ["public", "private"], "exclude_bot_users": True}}),
        _input(SurveyField.MINIMUM, "Minimum responses before anything is shown", {
            "type": "number_input", "is_decimal_allowed": False,
            "min_value": str(LOWEST_MINIMUM), "initial_value": str(DEFAULT_MINIMUM)}),
        context("Everyone asked gets a DM at opening, in their own working hours, and one "
                "reminder a day before closing if they have not answered. The eNPS survey's "
                "three free-text questions are: " + "; ".join(QUESTIONS.values())),
        *build_question_builder_blocks(),
    ]
    return _modal(CallbackId.SURVEY_CREATE, "New survey", blocks, submit="Create")


def build_answer_modal(survey: Survey, questions: Sequence[Question] = ()) -> View:
    """The answer form: the eNPS template's 0-10 question and three optional texts, or the
    survey's own questions; and what is stored."""
    if questions:
        return _items_answer_modal(survey, questions)
    scores = [_option(SCORE_LABELS.get(n, str(n)), str(n)) for n in reversed(SCORE_RANGE)]
    blocks: list[Block] = [
        section(f"*{escape(survey.title)}*"),
        _input(SurveyField.SCORE, survey.question, {"type": "static_select", "options": scores,
                                                    "placeholder": plain("Pick 0 to 10")}),
    ]
    for field, prompt in QUESTIONS.items():
        blocks.append(_input(SurveyField(field), prompt, {
            "type": "plain_text_input", "multiline": True, "max_length": TEXT_LIMIT,
        }, optional=True))
    blocks.append(context(what_is_stored(survey.minimum)))
    view = _modal(CallbackId.SURVEY_ANSWER, MODAL_TITLE, blocks, submit="Send anonymously")
    return view | {"private_metadata": str(survey.id)}


def build_thank_you_view() -> View:
    """What replaces the form once the answer is in; it does not repeat the answer."""
    return {
        "type": "modal",
        "title": plain(MODAL_TITLE),
        "close": plain("Done"),
        "blocks": [section(
            "*Thank you.* Your answer is in, with nothing that links it to you: nobody, you "
            "included, can see or change it now. Results are posted when the survey closes, "
            "if enough people answered."
        )],
    }


def build_refusal_modal(reason: str) -> View:
    """Why the answer form does not open (answered already, closed, not in the audience)."""
    return {"type": "modal", "title": plain(MODAL_TITLE), "close": plain("Close"),
            "blocks": [section(escape(reason))]}


def build_survey_created_view(survey: Survey, audience_size: int) -> View:
    """What replaces the create form: when it opens and closes, and who is asked."""
    text = (f"*{escape(survey.title)}* is set: {audience_size} people are asked, from "
            f"{slack_date(survey.opens_at)} (each in their own working hours) until "
            f"{slack_date(survey.closes_at)}. Results go to <#{survey.results_channel}> at "
            f"closing if at least {survey.minimum} people answered. Follow the count with "
            "`/kickoff survey status`.")
    return {"type": "modal", "title": plain("New survey"), "close": plain("Done"),
            "blocks": [section(text)]}


def _items_answer_modal(survey: Survey, questions: Sequence[Question]) -> View:
    blocks = [section(f"*{escape(survey.title)}*"),
              *(_item_input(n, q) for n, q in enumerate(questions)),
              context(what_is_stored(survey.minimum, several=True))]
    view = _modal(CallbackId.SURVEY_ANSWER, MODAL_TITLE, blocks, submit="Send anonymously")
    return view | {"private_metadata": str(survey.id)}


def _item_input(position: int, question: Question) -> Block:
    """One question of a survey of several: a pick for a scale, a text box (optional) else."""
    element: dict[str, Any]
    if question.kind is QuestionKind.TEXT:
        element = {"type": "plain_text_input", "multiline": True, "max_length": TEXT_LIMIT}
    else:
        scale = SCALES[question.kind]
        options = [_option(_scale_label(question, n), str(n)) for n in reversed(scale)]
        element = {"type": "static_select", "options": options,
                   "placeholder": plain(f"Pick {scale[0]} to {scale[-1]}")}
    block = _input(SurveyField.SCORE, question.prompt, element,
                   optional=question.kind is QuestionKind.TEXT)
    return block | {"block_id": item_field(position)}


def _scale_label(question: Question, value: int) -> str:
    if question.kind is QuestionKind.LIKERT:
        end = {1: question.low, 5: question.high}.get(value)
        return f"{value} - {end}"[:75] if end else str(value)
    return SCORE_LABELS.get(value, str(value))


def _option(label: str, value: str) -> dict[str, Any]:
    return {"text": plain(label), "value": value}


def _input(
    block_id: SurveyField, label: str, element: dict[str, Any], *, optional: bool = False
) -> Block:
    return {"type": "input", "block_id": block_id, "optional": optional,
            "label": plain(label[:2000]), "element": element | {"action_id": ActionId.SURVEY_INPUT}}


def _modal(callback_id: CallbackId, title: str, blocks: list[Block], *, submit: str) -> View:
    return {"type": "modal", "callback_id": callback_id, "title": plain(title),
            "submit": plain(submit), "close": plain("Cancel"), "blocks": blocks}
