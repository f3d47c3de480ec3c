"""`kickoff-bot survey create --questions FILE`: enablement's own list from YAML, refused with
each problem's line, nothing created; a good file makes a survey of its questions."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import Survey, SurveyQuestion, SurveyTemplate
from tests.cli.test_survey_cli import create, shell  # noqa: F401  # fixture
from tests.databases import Database

GOOD = """\
questions:
  - kind: 1-5
    question: My tools get out of my way.
    low: Constant friction
    high: No friction
  - kind: 0-10
    question: How likely are you to recommend the kickoff?
  - kind: text
    question: What should we change?
"""
BAD = """\
questions:
  - kind: 1-5
    question: My tools get out of my way.
    low: Constant friction
  - kind: 1-7
    question: Seven points?
  - kind: text
    question: ""
    colour: red
"""


@pytest.mark.usefixtures("shell")
def test_a_file_with_errors_is_refused_with_each_line(
    tmp_path: Path, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "questions.yml"
    path.write_text(BAD)
    assert create("--questions", str(path)) == 1
    assert capsys.readouterr().err == (
        f"kickoff-bot: {path}: line 2: a 1-5 question needs a label for 5; line 5: the kind is "
        "one of 0-10, 1-5, text; line 7: the question is empty; line 9: unknown key "
        "'colour'.\n")
    with database.session_factory() as session:
        assert session.scalars(select(Survey)).all() == []


@pytest.mark.usefixtures("shell")
def test_a_good_file_makes_a_survey_of_its_questions(tmp_path: Path, database: Database) -> None:
    path = tmp_path / "questions.yml"
    path.write_text(GOOD)
    assert create("--questions", str(path)) == 0
    with database.session_factory() as session:
        survey = session.scalars(select(Survey)).one()
        kinds = list(session.scalars(select(SurveyQuestion.kind).order_by(
            SurveyQuestion.position)))
    assert survey.template is SurveyTemplate.CUSTOM
    assert kinds == ["1-5", "0-10", "text"]
