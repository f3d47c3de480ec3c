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

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.domain.surveys.questions import Question, QuestionKind, list_problems, question_problems
from bot.errors import InvalidInput

KEYS = frozenset({"kind", "question", "low", "high"})
KINDS = ", ".join(kind.value for kind in QuestionKind)


def read_questions(text: str) -> tuple[Question, ...]:
    """The questions of the file, or InvalidInput naming each problem's line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        raise InvalidInput(f"{line}this is not valid YAML.") from None
    items = _entry(root, "questions")
    if not isinstance(items, SequenceNode):
        where = items or root
        number = _line(where) if where is not None else 1
        raise InvalidInput(f"line {number}: give a list under `questions:` (see --help).")
    questions: list[Question] = []
    problems: list[str] = []
    for item in items.value:
        question, found = _question(item)
        problems += found
        if question is not None:
            questions.append(question)
    if not problems:
        problems += [f"line {_line(items)}: {p}" for p in list_problems(questions)]
    if problems:
        in_order = sorted(problems, key=lambda problem: int(problem.split()[1].rstrip(":")))
        raise InvalidInput("; ".join(in_order) + ".")
    return tuple(questions)


def _question(item: Node) -> tuple[Question | None, list[str]]:
    line = _line(item)
    if not isinstance(item, MappingNode):
        return None, [f"line {line}: each question is a mapping of kind, question, low, high"]
    values = {key.value: value for key, value in item.value if isinstance(key, ScalarNode)}
    problems = [f"line {_line(key)}: unknown key {str(key.value)!r}" for key, _ in item.value
                if isinstance(key, ScalarNode) and key.value not in KEYS]
    texts = {name: _scalar(node) for name, node in values.items()}
    try:
        kind = QuestionKind(texts.get("kind") or "")
    except ValueError:
        where = _line(values["kind"]) if "kind" in values else line
        return None, [*problems, f"line {where}: the kind is one of {KINDS}"]
    question = Question(kind, texts.get("question") or "", texts.get("low"), texts.get("high"))
    problems += [f"line {line}: {problem}" for _, problem in question_problems(question)]
    return question, problems


def _entry(root: Node | None, name: str) -> Node | None:
    if not isinstance(root, MappingNode):
        return None
    return next((value for key, value in root.value if key.value == name), None)


def _scalar(node: Node) -> str | None:
    return str(node.value) if isinstance(node, ScalarNode) and node.value != "" else None


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1
