"""`kickoff-bot ooo set|list|clear`, run as a shell user would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli import main
from bot.fakeslack import FakeSlack
from bot.services.outbox import Envelope, queue
from db.models import Delivery, DeliveryStatus, Role
from tests.cli.shell import shell_environment
from tests.databases import Database
from tests.factories import add_member, make_person, make_program, make_workspace

ANA = "Ana Alvarez (UANA)"


@pytest.fixture
def shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database
) -> None:
    """The command's environment; Ana (Berlin) with 09:00 DMs planned 2 to 6 March 2099."""
    shell_environment(monkeypatch, tmp_path, fake_slack, database)
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        ana = make_person(session, workspace, "UANA", tz="Europe/Berlin", name="Ana Alvarez",
                          email="ana@example.com")
        add_member(session, make_program(session, workspace), ana, Role.REP)
        first = datetime(2099, 3, 2, 8, 0, tzinfo=UTC)  # 09:00 in Berlin
        queue(session, [Envelope(
            key=f"nine:{n}", kind="nine", workspace_id=workspace.id, program_id=None,
            person_id=ana.id, channel="UANA", text="Good morning", blocks=None,
            due_at=first + timedelta(days=n), window_end=first + timedelta(days=n, hours=2),
        ) for n in range(5)], now=first - timedelta(days=1))


def planned_keys(database: Database) -> list[str]:
    """Keys of the rows still planned."""
    with database.session_factory() as session:
        query = select(Delivery.key).where(Delivery.status == DeliveryStatus.PLANNED)
        return sorted(session.scalars(query))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    """Run the command; its exit code, its output lines and its error output."""
    capsys.readouterr()
    code = main(["ooo", *argv])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


@pytest.mark.usefixtures("shell")
def test_set_cancels_the_days_and_merges_with_the_days_already_set(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "set", "ana@example.com", "2099-03-03", "2099-03-04") == (0, [
        f"{ANA} is out of office Tue 2099-03-03 to Wed 2099-03-04 (2 day(s), Europe/Berlin); "
        "2 planned message(s) to them cancelled"
    ], "")
    assert planned_keys(database) == ["nine:0", "nine:3", "nine:4"]

    assert run(capsys, "set", "UANA", "2099-03-05", "2099-03-05") == (0, [
        f"{ANA} is out of office Tue 2099-03-03 to Thu 2099-03-05 (3 day(s), Europe/Berlin) "
        "(merged with the days already set); 1 planned message(s) to them cancelled"
    ], "")
    assert run(capsys, "list") == (0, [
        f"{ANA} is out of office Tue 2099-03-03 to Thu 2099-03-05 (3 day(s), Europe/Berlin)"
    ], "")


@pytest.mark.usefixtures("shell")
def test_clear_removes_days_and_shows_what_is_left(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "set", "UANA", "2099-03-02", "2099-03-06")

    assert run(capsys, "clear", "UANA", "2099-03-04", "2099-03-04") == (0, [
        "removed 1 away day(s) of Ana Alvarez (UANA)",
        f"still set: {ANA} is out of office Mon 2099-03-02 to Tue 2099-03-03 "
        "(2 day(s), Europe/Berlin)",
        f"still set: {ANA} is out of office Thu 2099-03-05 to Fri 2099-03-06 "
        "(2 day(s), Europe/Berlin)",
    ], "")
    assert run(capsys, "clear", "ana@example.com") == (0, [
        "removed 4 away day(s) of Ana Alvarez (UANA)"
    ], "")
    assert run(capsys, "list", "UANA")[1][0].startswith("nobody is out of office from ")


@pytest.mark.usefixtures("shell")
@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["set", "zed@example.com", "2099-03-02", "2099-03-03"],
         "kickoff-bot: No person 'zed@example.com' is known to kickoff-bot"),
        (["set", "UANA", "2099-03-07", "2099-03-02"],
         "kickoff-bot: The first day (2099-03-07) is after the last day (2099-03-02)."),
        (["clear", "UANA", "2099-03-02"], "kickoff-bot: give both FROM and TO, or neither"),
    ],
)
def test_mistakes_are_one_clear_line(
    database: Database, capsys: pytest.CaptureFixture[str], argv: list[str], error: str
) -> None:
    code, out, err = run(capsys, *argv)

    assert (code, out) == (1, [])
    assert err.startswith(error)
    assert len(planned_keys(database)) == 5


@pytest.mark.usefixtures("shell")
def test_a_date_that_is_not_a_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["ooo", "set", "UANA", "5 March", "2099-03-04"])

    assert exited.value.code == 2
    assert "'5 March' is not a date like 2027-01-31" in capsys.readouterr().err
