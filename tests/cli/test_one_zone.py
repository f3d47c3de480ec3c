"""The shell's time options agree on one zone: the same wall-clock time given to `coaching --at`,
`standups --at`, `deliveries --since` and `survey create --opens` names one instant, 12:00 in the
New York program's zone (17:00 UTC in January), and every command prints it with its zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.clock import SystemClock
from bot.domain.kinds import DeliveryKind
from bot.fakeslack import FakeSlack
from bot.services.outbox import Envelope, queue
from db.models import Program
from tests.cli.shell import shell_environment
from tests.coaching_world import build_world
from tests.databases import Database

NOON = "2027-01-26T12:00"  # no offset: the program's zone, America/New_York
SHOWN = "2027-01-26 12:00 America/New_York"
AT_NOON = datetime(2027, 1, 26, 17, tzinfo=UTC)


@pytest.fixture
def shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database,
    clock: SystemClock,
) -> None:
    """The coaching program of New York, and two outbox rows: one due a minute before noon
    there, one at noon."""
    clock.move_to(datetime(2027, 1, 20, 12, tzinfo=UTC))
    shell_environment(monkeypatch, tmp_path, fake_slack, database)
    fake_slack.add_channel("CRESULTS", "kickoff-results")  # survey create checks it first
    with database.session_factory.begin() as session:
        world = build_world(session)
        program = session.get_one(Program, world.program_id)
        assert program.timezone == "America/New_York"
        queue(session, [
            Envelope(key=key, kind=DeliveryKind.STANDUP_PROMPT, workspace_id=program.workspace_id,
                     program_id=program.id, person_id=None, channel="URANA", text="hello",
                     blocks=None, due_at=due_at, window_end=AT_NOON + timedelta(hours=3))
            for key, due_at in (("zone-test:before", AT_NOON - timedelta(minutes=1)),
                                ("zone-test:noon", AT_NOON))
        ], now=datetime(2027, 1, 20, 12, tzinfo=UTC))


@pytest.mark.usefixtures("shell")
def test_every_time_option_reads_the_programs_zone_and_every_time_printed_names_it(
    capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["coaching", "Q1 Kickoff", "--at", NOON]) == 0
    assert f"as of {SHOWN}" in capsys.readouterr().out
    assert main(["standups", "Q1 Kickoff", "--at", NOON]) == 0
    assert f"as of {SHOWN}" in capsys.readouterr().out
    assert main(["deliveries", "--program", "Q1 Kickoff", "--since", NOON]) == 0
    [row] = capsys.readouterr().out.splitlines()  # the row due at 11:59 there is left out
    assert SHOWN in row
    assert "zone-test:noon" in row
    assert main(["survey", "create", "--program", "Q1 Kickoff", "--title", "Pulse",
                 "--audience", "reps", "--opens", NOON, "--closes", "2027-01-27T17:00+00:00",
                 "--results-channel", "CRESULTS"]) == 0
    assert f"{SHOWN} to 2027-01-27 12:00 America/New_York" in capsys.readouterr().out
