"""The ledger's percent certified: post-event passed of assigned, as it stood when the read-out
was taken (a pass after it does not count), and nothing before a read-out."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.domain.certification.cert_file import read_certification
from bot.services.certification.create import create_certification
from bot.services.certification.ledger_column import percent_certified
from db.models import AuditKind, AuditSnapshot, Role
from tests.databases import Database
from tests.factories import add_member, make_person, make_program, make_workspace
from tests.handlers.certification_support import PRE_EVENT
from tests.services.certification.taking import answer

KICKOFF = date(2027, 1, 11)
POST_EVENT = PRE_EVENT.replace("Pricing pre-cert", "Pricing cert").replace(
    "stage: pre-event", "stage: post-event\ndue: 40")  # still open after the read-out
READOUT_TAKEN = datetime(2027, 2, 10, 14, tzinfo=UTC)


def test_the_ledger_counts_who_had_passed_when_the_readout_was_taken(database: Database) -> None:
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        program = make_program(session, workspace, kickoff_date=KICKOFF)
        cert = create_certification(session=session, program=program,
                                    spec=read_certification(POST_EVENT), actor=None,
                                    now=datetime(2027, 1, 1, tzinfo=UTC)).id
        manager = make_person(session, workspace, "UMAN", name="Mo")
        add_member(session, program, manager, Role.MANAGER)
        for n in range(6):
            rep = make_person(session, workspace, f"UREP{n}", name=f"Rep {n}")
            add_member(session, program, rep, Role.REP, manager=manager)
            if n < 4:  # four pass in the window; a fifth passes after the read-out
                answer(session, cert, rep.slack_user_id, datetime(2027, 1, 20, 15, tzinfo=UTC))
        assert percent_certified(session, program) is None  # no read-out yet
        session.add(AuditSnapshot(program_id=program.id, kind=AuditKind.READOUT, week="2027-W06",
                                  numbers={}, created_at=READOUT_TAKEN))
        answer(session, cert, "UREP4", datetime(2027, 2, 11, 15, tzinfo=UTC))
        assert percent_certified(session, program) == 67  # 4 of 6, by hand
