"""`kickoff-bot program preview PROGRAM [--days N]`, run as a shell user would."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli import main, preview
from bot.clock import SystemClock
from bot.fakeslack import FakeSlack
from bot.features.spec import Feature, Registry
from db.models import Delivery, Program, ProgramStatus, Role
from tests.cli.shell import shell_environment
from tests.databases import Database
from tests.factories import add_member, make_person, make_program, make_workspace
from tests.scheduler.planners import NineOClockPlanner


@pytest.fixture
def shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database
) -> None:
    """The environment, the test planner as the only planner, a draft program of two reps."""
    shell_environment(monkeypatch, tmp_path, fake_slack, database)
    only = Feature(name="test", planners=(lambda settings: NineOClockPlanner(),))
    monkeypatch.setattr(preview, "REGISTRY", Registry((only,)))
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        program = make_program(session, workspace, status=ProgramStatus.DRAFT)
        for slack_id, name, tz in (("UANA", "Ana", "Asia/Kolkata"),
                                   ("UBEN", "Ben", "America/Los_Angeles")):
            person = make_person(session, workspace, slack_id, tz=tz, name=name)
            add_member(session, program, person, Role.REP)


@pytest.mark.usefixtures("shell")
def test_preview_lists_each_persons_sends_in_their_time_and_queues_nothing(
    database: Database, capsys: pytest.CaptureFixture[str], clock: SystemClock
) -> None:
    capsys.readouterr()
    clock.move_to(datetime(2027, 1, 8, 12, tzinfo=UTC))  # a Friday, UTC
    assert main(["program", "preview", "Q1 Kickoff", "--days", "4"]) == 0

    assert capsys.readouterr().out == (
        "Q1 Kickoff: the program's weeks\n"
        "  Week 1, standup days: Tue 2027-01-12, Wed 2027-01-13, Thu 2027-01-14, "
        "Fri 2027-01-15, Mon 2027-01-18\n"
        "  Week 2, coaching week: Mon 2027-01-25 to Sun 2027-01-31\n"
        "  Week 3, coaching week: Mon 2027-02-01 to Sun 2027-02-07\n"
        "  Week 4, coaching week: Mon 2027-02-08 to Sun 2027-02-14\n"
        "  Working hours: 08:00-18:00 in each person's own time zone; on the event's days "
        "(Mon 2027-01-11) in the program's, UTC\n"
        "\nQ1 Kickoff: 4 send(s) planned in the next 4 days\n"
        "\nAna (UANA), Asia/Kolkata:\n"
        "  Mon 2027-01-11 09:00  test_nine\n"
        "  Tue 2027-01-12 09:00  test_nine\n"  # 03:30 UTC, before the 4 days end at 12:00 UTC
        "\nBen (UBEN), America/Los_Angeles:\n"
        "  Fri 2027-01-08 09:00  test_nine\n"  # 17:00 UTC, still ahead at 12:00 UTC
        "  Mon 2027-01-11 09:00  test_nine\n"
    )
    with database.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Delivery)) == 0


@pytest.mark.usefixtures("shell")
def test_an_event_ending_on_a_wednesday_keeps_standup_days_out_of_the_coaching_weeks(
    database: Database, capsys: pytest.CaptureFixture[str], clock: SystemClock
) -> None:
    with database.session_factory.begin() as session:
        program = session.scalars(select(Program)).one()
        program.kickoff_date, program.event_days = date(2027, 1, 12), 2  # Tue-Wed
    capsys.readouterr()
    clock.move_to(datetime(2027, 1, 8, 12, tzinfo=UTC))

    assert main(["program", "preview", "Q1 Kickoff", "--days", "1"]) == 0

    weeks = capsys.readouterr().out.split("\n\n")[0]
    assert weeks == (
        "Q1 Kickoff: the program's weeks\n"
        "  Week 1, standup days: Thu 2027-01-14, Fri 2027-01-15, Mon 2027-01-18, "
        "Tue 2027-01-19, Wed 2027-01-20\n"  # Days 4 and 5 before the first coaching week
        "  Week 2, coaching week: Mon 2027-01-25 to Sun 2027-01-31\n"
        "  Week 3, coaching week: Mon 2027-02-01 to Sun 2027-02-07\n"
        "  Week 4, coaching week: Mon 2027-02-08 to Sun 2027-02-14\n"  # day 30: Thu 2027-02-11
        "  Working hours: 08:00-18:00 in each person's own time zone; on the event's days "
        "(Tue 2027-01-12 to Wed 2027-01-13) in the program's, UTC"
    )


@pytest.mark.usefixtures("shell")
def test_an_unreasonable_number_of_days_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()

    assert main(["program", "preview", "Q1 Kickoff", "--days", "0"]) == 1
    assert capsys.readouterr().err == "kickoff-bot: --days must be between 1 and 120\n"
