"""A survey's own questions read from YAML (`survey create --questions FILE`), every problem
reported with its line, so the whole file can be fixed in one go:

    questions:
      - kind: 1-5
        question: My tools get out of my way.
        low: Constant friction
        high: No friction
      - kind: text
        question: What one gap should the kickoff close for you?
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, SequenceNode

from bot.domain.surveys.questions import Question, QuestionKind, list_problems, question_problems
from bot.domain.yaml_lines import compose, entry, fields, line, refuse, scalar, unknown_keys
from bot.errors import InvalidInput

KEYS = frozenset({"kind", "question", "low", "high"})
KINDS = ", ".join(kind.value for kind in QuestionKind)


def read_questions(text: str) -> tuple[Question, ...]:
    """The questions of the file, or InvalidInput naming each problem's line."""
    root = compose(text)
    items = entry(root, "questions")
    if not isinstance(items, SequenceNode):
        where = items or root
        number = line(where) if where is not None else 1
        raise InvalidInput(f"line {number}: give a list under `questions:` (see --help).")
    questions: list[Question] = []
    problems: list[str] = []
    for item in items.value:
        question, found = _question(item)
        problems += found
        if question is not None:
            questions.append(question)
    if not problems:
        problems += [f"line {line(items)}: {p}" for p in list_problems(questions)]
    refuse(problems)
    return tuple(questions)


def _question(item: Node) -> tuple[Question | None, list[str]]:
    at = line(item)
    if not isinstance(item, MappingNode):
        return None, [f"line {at}: each question is a mapping of kind, question, low, high"]
    values = fields(item)
    problems = unknown_keys(item, KEYS)
    texts = {name: scalar(node) for name, node in values.items()}
    try:
        kind = QuestionKind(texts.get("kind") or "")
    except ValueError:
        where = line(values["kind"]) if "kind" in values else at
        return None, [*problems, f"line {where}: the kind is one of {KINDS}"]
    question = Question(kind, texts.get("question") or "", texts.get("low"), texts.get("high"))
    problems += [f"line {at}: {problem}" for _, problem in question_problems(question)]
    return question, problems
