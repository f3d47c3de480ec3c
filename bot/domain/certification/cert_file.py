"""A certification read from YAML (`certification create PROGRAM --file cert.yml`, and the App
Home's form), every problem named with its line:

    name: Pricing pre-cert
    stage: pre-event            # or post-event, spotcheck
    opens: -14                  # days from the kickoff (defaults by stage)
    due: -2
    attempts: 3
    pass: 80                    # percent of the questions drawn
    draw: 5                     # questions an attempt (default: all)
    questions:
      - question: Which tier includes SSO?
        options: [Starter, Team, Enterprise]
        answer: Enterprise
    talk_track: Pitch the new pricing in three minutes; submit the recording's link.
    talk_track_pass: 4          # the average rubric score needed
    dimensions: [value_articulation, objection_handling]
    reviewer: U0123ABC          # an enablement reviewer (default: each rep's manager)
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, SequenceNode

from bot.domain.certification.definition import (
    DEFAULT_ATTEMPTS,
    STAGES,
    CertificationSpec,
    KnowledgeQuestion,
    question_problems,
    spec_problems,
)
from bot.domain.yaml_lines import compose, fields, line, refuse, scalar, unknown_keys
from bot.errors import InvalidInput
from db.models import CertificationStage

KEYS = frozenset({"name", "stage", "opens", "due", "attempts", "pass", "draw", "questions",
                  "talk_track", "talk_track_pass", "dimensions", "reviewer"})
QUESTION_KEYS = frozenset({"question", "options", "answer"})
NUMBERS = {"opens": int, "due": int, "attempts": int, "pass": int, "draw": int,
           "talk_track_pass": float}


def read_certification(text: str) -> CertificationSpec:
    """The certification of the file, or InvalidInput naming each problem's line."""
    root = compose(text)
    if not isinstance(root, MappingNode):
        raise InvalidInput("line 1: the file is a mapping of name, stage, questions, ...")
    values = fields(root)
    problems = unknown_keys(root, KEYS)
    numbers: dict[str, int | float] = {}
    for key, convert in NUMBERS.items():
        if key in values:
            try:
                numbers[key] = convert(scalar(values[key]) or "")
            except ValueError:
                problems.append(f"line {line(values[key])}: `{key}` is a number")
    # An unknown stage is already a problem; the rest is still checked, so one run names all.
    stage = _stage(values, problems) or CertificationStage.POST_EVENT
    questions = _questions(values.get("questions"), problems)
    spec = CertificationSpec(
        name=scalar(values.get("name")) or "", stage=stage, questions=questions,
        opens_day=_int(numbers.get("opens")), due_day=_int(numbers.get("due")),
        attempts=int(numbers.get("attempts", DEFAULT_ATTEMPTS[stage])),
        pass_percent=int(numbers.get("pass", 80)),
        draw=_int(numbers.get("draw")), talk_track=scalar(values.get("talk_track")),
        talk_track_minimum=float(numbers.get("talk_track_pass", 4.0)),
        dimensions=tuple(_texts(values.get("dimensions"))),
        reviewer=scalar(values.get("reviewer")),
    )
    aliases = {"talk_track": "talk_track_pass", "questions": "questions"}
    for field, problem in spec_problems(spec):
        node = values.get(field) or values.get(aliases.get(field, field)) or root
        problems.append(f"line {line(node)}: {problem}")
    refuse(problems)
    return spec


def _stage(values: dict[str, Node], problems: list[str]) -> CertificationStage | None:
    text = scalar(values.get("stage")) or ""
    if text in CertificationStage._value2member_map_:
        return CertificationStage(text)
    where = line(values["stage"]) if "stage" in values else 1
    problems.append(f"line {where}: the stage is one of {STAGES}")
    return None


def _questions(node: Node | None, problems: list[str]) -> tuple[KnowledgeQuestion, ...]:
    if node is None:
        return ()
    if not isinstance(node, SequenceNode):
        problems.append(f"line {line(node)}: give a list under `questions:`")
        return ()
    questions = []
    for item in node.value:
        if not isinstance(item, MappingNode):
            problems.append(f"line {line(item)}: each question is a mapping of question, "
                            "options, answer")
            continue
        values = fields(item)
        problems += unknown_keys(item, QUESTION_KEYS)
        options = tuple(_texts(values.get("options")))
        answer = scalar(values.get("answer"))
        question = KnowledgeQuestion(
            prompt=scalar(values.get("question")) or "", options=options,
            answer=options.index(answer) if answer in options else None)
        problems += [f"line {line(item)}: {problem}" for problem in question_problems(question)]
        questions.append(question)
    return tuple(questions)


def _texts(node: Node | None) -> list[str]:
    if not isinstance(node, SequenceNode):
        return []
    return [text for item in node.value if (text := scalar(item)) is not None]


def _int(value: int | float | None) -> int | None:
    return None if value is None else int(value)
