"""Migration 0018 moves the eNPS template's stored answers to one row per answer per
question with fresh keys, keeps its results, and answers held before it still open at closing."""

from __future__ import annotations

import secrets
import struct
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Engine, column, insert, inspect, select, table
from sqlalchemy.orm import Session

from bot.domain.surveys.content import QUESTIONS
from bot.services.surveys.close import close_survey
from bot.services.surveys.results import results_of
from bot.services.surveys.sealing import PADDED_SIZE
from db.migrate import upgrade
from db.models import (
    Program,
    Survey,
    SurveyAudience,
    SurveyItemAnswer,
    SurveyOutcome,
    SurveyPendingAnswer,
    SurveyQuestion,
)
from db.session import make_engine
from tests.databases import postgres_database, postgres_reachable
from tests.services.surveys.world import KEY, make_world

CLOSED = datetime(2027, 1, 29, 16, tzinfo=UTC)
# As survey_answer held them: three promoters, one detractor of five, eNPS +40.
STORED = [(10, "more demos", None, None), (9, None, "the CRM", "the off-site"),
          (9, None, None, None), (8, "talk tracks", None, None), (3, None, "territories", None)]
OLD_ANSWERS = table("survey_answer", *(column(name) for name in (
    "key", "survey_id", "score", "changed", "broken", "kill")))


@pytest.fixture(params=["sqlite", "postgresql"])
def at_0017(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A database migrated up to 0017, the revision before this one."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path / 'old.db'}"
        elif postgres_reachable():
            url = stack.enter_context(postgres_database())
        else:
            pytest.skip("PostgreSQL is not reachable")
        engine = make_engine(url)
        upgrade(engine, "0017")
        yield engine
        engine.dispose()


def old_sealed(survey_id: int, score: int, changed: str) -> bytes:
    """An eNPS answer held before 0018: the score, then the three texts, sealed."""
    plain = bytes([score]) + b"".join(struct.pack(">H", len(data)) + data
                                      for data in (changed.encode(), b"", b""))
    nonce = secrets.token_bytes(12)
    padded = plain + bytes(PADDED_SIZE - len(plain))
    return nonce + AESGCM(KEY).encrypt(nonce, padded, f"survey:{survey_id}".encode())


def add_survey(session: Session, program: Program, *, closed: bool) -> Survey:
    """An eNPS survey as stored before 0018 (no questions of its own): closed with its answers
    published, or open (minimum 1) with an answer held."""
    survey = Survey(workspace_id=program.workspace_id, program_id=program.id, title="Pulse",
                    question="Recommend us?", audience=SurveyAudience.REPS,
                    opens_at=CLOSED - timedelta(days=3), closes_at=CLOSED, results_channel="CR",
                    minimum=1 if not closed else 5, closed_at=CLOSED if closed else None,
                    audience_size=12 if closed else None,
                    outcome=SurveyOutcome.PUBLISHED if closed else None)
    session.add(survey)
    session.flush()
    return survey


def test_enps_answers_become_one_row_per_question_and_keep_their_results(at_0017: Engine) -> None:
    with Session(at_0017) as session, session.begin():
        program = session.get(Program, make_world(session).program_id)
        assert program is not None
        closed = add_survey(session, program, closed=True)
        still_open = add_survey(session, program, closed=False)
        session.execute(insert(OLD_ANSWERS), [
            {"key": f"old{n}", "survey_id": closed.id, "score": score, "changed": changed,
             "broken": broken, "kill": kill}
            for n, (score, changed, broken, kill) in enumerate(STORED)])
        session.add(SurveyPendingAnswer(key="held", survey_id=still_open.id,
                                        sealed=old_sealed(still_open.id, 9, "keep standups")))
        ids = closed.id, still_open.id
    upgrade(at_0017)
    with Session(at_0017) as session, session.begin():
        closed, still_open = (session.get_one(Survey, survey_id) for survey_id in ids)
        prompts = list(session.scalars(select(SurveyQuestion.prompt).where(
            SurveyQuestion.survey_id == closed.id).order_by(SurveyQuestion.position)))
        assert prompts == ["Recommend us?", *QUESTIONS.values()]
        rows = session.execute(select(SurveyItemAnswer.key, SurveyItemAnswer.score,
                                      SurveyItemAnswer.text)).all()
        assert len(rows) == 5 + 5  # five scores, five texts written
        assert not {key for key, _, _ in rows} & {f"old{n}" for n in range(5)}  # fresh keys
        assert Counter(score for _, score, _ in rows if score is not None) == Counter(
            s for s, *_ in STORED)
        results = results_of(session=session, survey=closed)
        assert results is not None
        assert (results.enps, results.responses) == (40, 5)  # (3 - 1) / 5
        assert sorted(results.texts["broken"]) == ["territories", "the CRM"]
        close_survey(session=session, survey_id=still_open.id, now=CLOSED, key=KEY)
        reopened = results_of(session=session, survey=still_open)
        assert reopened is not None
        assert (reopened.enps, reopened.texts["changed"]) == (100, ["keep standups"])
    assert "survey_answer" not in inspect(at_0017).get_table_names()
