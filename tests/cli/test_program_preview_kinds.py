"""`program preview` shows every kind of message the registry knows, for a program that sends
it: by its human name, in its recipient's own time, from any date (--from), and as a page."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli import main
from bot.clock import SystemClock
from bot.demo.scenes_certification import CERTIFICATION
from bot.demo.world import CREATE_PROGRAM, PROGRAM, populate, roster_csv
from bot.fakeslack import FakeSlack
from bot.features.registry import REGISTRY
from db.models import Delivery
from tests.browser import check_shots, needs_chromium
from tests.cli.shell import shell_environment
from tests.databases import Database
from tests.handlers.certification_support import PRE_EVENT, SPOTCHECK

SEND = re.compile(r"^  \w{3} \d{4}-\d\d-\d\d \d\d:\d\d  (.+)$")
SURVEY = ["survey", "create", "--program", PROGRAM, "--title", "Pulse", "--audience", "reps",
          "--opens", "2027-03-29 17:30", "--closes", "2027-04-02 12:00",
          "--results-channel", "C0AUDIT"]


@pytest.fixture
def draft(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack,
          database: Database, clock: SystemClock) -> None:
    """The demo's program, set up from the shell but not launched, with a survey planned and a
    certification of each stage."""
    shell_environment(monkeypatch, tmp_path, fake_slack, database)
    populate(fake_slack)
    (tmp_path / "roster.csv").write_bytes(roster_csv())
    clock.move_to(datetime(2027, 3, 1, 15, tzinfo=UTC))  # a week before the kickoff
    assert main(list(CREATE_PROGRAM)) == 0
    assert main(["roster", "import", PROGRAM, "roster.csv"]) == 0
    assert main(SURVEY) == 0
    for number, text in enumerate((PRE_EVENT, CERTIFICATION, SPOTCHECK)):
        (tmp_path / f"cert{number}.yml").write_text(text, encoding="utf-8")
        assert main(["certification", "create", PROGRAM, "--file", f"cert{number}.yml"]) == 0


def _sections(out: str) -> dict[str, list[str]]:
    """Each recipient's lines, by the recipient's heading ("Ana Ruiz (U0ANA), America/...")."""
    parts = re.split(r"\n\n(?=\S.*:\n  )", out.split("send(s) planned", 1)[1])
    return {part.split(":\n", 1)[0]: part.split(":\n", 1)[1].splitlines() for part in parts[1:]}


@pytest.mark.usefixtures("draft")
def test_every_kind_is_previewed_by_name_in_its_readers_time(
    capsys: pytest.CaptureFixture[str], database: Database, tmp_path: Path
) -> None:
    capsys.readouterr()
    page = tmp_path / "preview.html"
    # From T-7 (the pre-event report) to past day 100 (the re-measure).
    assert main(["program", "preview", PROGRAM, "--from", "2027-03-01", "--days", "120",
                 "--html", str(page)]) == 0

    out = capsys.readouterr().out
    assert "planned in the 120 days from Mon 2027-03-01" in out
    named = {found.group(1) for lines in _sections(out).values() for line in lines
             if (found := SEND.match(line))}
    assert {spec.name for spec in REGISTRY.deliveries().values()} <= named
    sections = _sections(out)
    # Each at the reader's own clock: prompts at 09:00 in Chatham, Kolkata and Los Angeles,
    # digests at each manager's 09:00, the audits at 09:00 in the program's New York.
    for reader in ("Aroha Ngata (U0ARO), Pacific/Chatham", "Arjun Mehta (U0ARJ), Asia/Kolkata",
                   "Ben Carter (U0BEN), America/Los_Angeles"):
        assert "  Wed 2027-03-10 09:00  standup prompt" in sections[reader]
    assert "  Mon 2027-03-22 09:00  manager's coaching digest" in sections[
        "Priya Nair (U0PRI), Asia/Kolkata"]
    assert "  Mon 2027-03-29 09:00  weekly coaching audit" in sections[
        "channel C0AUDIT, America/New_York"]
    with database.session_factory() as session:  # a preview changes nothing
        assert session.scalar(select(func.count()).select_from(Delivery)) == 0
    html = page.read_text(encoding="utf-8")
    assert "<h2>Aroha Ngata (U0ARO) <small>Pacific/Chatham</small></h2>" in html
    assert "Wed 10 Mar 09:00 +1345 · DM · standup prompt" in html
    assert "<h2>#sales-leadership <small>America/New_York</small></h2>" in html
    # What people open: their App Home during the program, the form a prompt opens.
    aroha = html.split('id="aroha-ngata-u0aro"')[1].split("</section>")[0]
    assert 'data-what="Home tab"' in aroha
    assert "Your standups and coaching" in aroha
    form = aroha.split('data-what="standup answer form"')[1].split("</article>")[0]
    assert "One new activity I will do today" in form
    # The audit shows its chart as it will once uploaded, embedded in the page.
    audits = html.split('data-what="weekly coaching audit"')[1:]
    assert any('<img class="image" src="data:image/png;base64,iVBOR' in a.split("</article>")[0]
               for a in audits)


@pytest.mark.usefixtures("draft")
def test_a_bad_from_date_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["program", "preview", PROGRAM, "--from", "next tuesday"]) == 1
    assert capsys.readouterr().err == (
        "kickoff-bot: --from must be a date, YYYY-MM-DD (not 'next tuesday')\n")


@needs_chromium
@pytest.mark.usefixtures("draft")
def test_the_preview_page_in_a_browser(tmp_path: Path) -> None:
    page = tmp_path / "preview.html"
    assert main(["program", "preview", PROGRAM, "--from", "2027-03-07", "--days", "45",
                 "--html", str(page)]) == 0
    check_shots(page.read_text(encoding="utf-8"), tmp_path, {
        "standup-prompt": ("standup prompt", ["Week-1 standup", "Out today"]),
        "answer-modal": ("standup answer form", ["One new activity I will do today", "Post"]),
        "digest": ("manager's coaching digest", ["Coaching for", "Log"]),
        "audit": ("weekly coaching audit", ["(2027-W12)", "1:1 completion"]),
        "app-home": ("Home tab", ["Your kickoff", "Your standups and coaching"]),
    })
