"""`kickoff-bot tiers import`, `tiers PROGRAM [--csv]` and `metrics PROGRAM --by-tier`, run as a
shell user would: the breakout lists through the export writer, the lift per tier only where
every tier has the smallest group, with the regression-to-the-mean note."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.cli import main
from bot.fakeslack import FakeSlack
from db.models import Program
from tests.cli.shell import shell_environment
from tests.databases import Database
from tests.services.metrics.world import build_world, csv_of


@pytest.fixture
def shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database
) -> Path:
    """The 12-rep program, its tiers by attainment (r1-r4 top, r5-r8 middle, r9-r12 bottom) and
    dials: 30 a day before, week 2 at 36, 33 and 30 per tier."""
    shell_environment(monkeypatch, tmp_path, fake_slack, database)
    with database.session_factory.begin() as session:
        build_world(session)
    (tmp_path / "tiers.csv").write_bytes(csv_of(
        *(f"r{n}@example.com,{200 - 10 * n}" for n in range(1, 13)), header="email,attainment"))
    week_2 = {n: 36 if n <= 4 else 33 if n <= 8 else 30 for n in range(1, 13)}
    rows = [f"r{n}@example.com,dials,2027-W0{w},30" for n in range(1, 13) for w in (6, 7, 8, 9)]
    rows += [f"r{n}@example.com,dials,2027-W12,{week_2[n]}" for n in range(1, 13)]
    (tmp_path / "dials.csv").write_bytes(csv_of(*rows))
    assert main(["metrics", "import", "Spring Kickoff", str(tmp_path / "dials.csv")]) == 0
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_then_the_breakout_lists_as_text_and_csv(
    shell: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "tiers", "import", "Spring Kickoff", str(shell / "tiers.csv"))
    assert code == 0
    assert out == "tiers of 'Spring Kickoff' imported: 12 reps (4 top, 4 middle, 4 bottom)\n"
    code, out, _ = run(capsys, "tiers", "Spring Kickoff")
    assert "top tier (4):\n  Rep 1 <r1@example.com>" in out
    assert out.index("middle tier (4)") < out.index("Rep 5") < out.index("bottom tier (4)")
    code, out, _ = run(capsys, "tiers", "Spring Kickoff", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(row["tier"], row["email"]) for row in rows[:1] + rows[-1:]] == [
        ("top", "r1@example.com"), ("bottom", "r9@example.com")]  # by name: Rep 10 ... Rep 9
    assert rows[0]["attainment"] == "190.0"
    assert rows[0]["manager"] == "Mia Manager"


def test_a_bad_file_is_named_by_line_on_one_refusal(
    shell: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (shell / "bad.csv").write_text("email,tier\nr1@example.com,gold\n", encoding="utf-8")
    code, out, err = run(capsys, "tiers", "import", "Spring Kickoff", str(shell / "bad.csv"))
    assert code == 1
    assert out == ""
    assert "line 2: tier 'gold' is not top, middle or bottom" in err
    assert "Traceback" not in err


def test_lift_by_tier_only_where_every_tier_has_the_smallest_group(
    shell: Path, capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    run(capsys, "tiers", "import", "Spring Kickoff", str(shell / "tiers.csv"))
    code, out, _ = run(capsys, "metrics", "Spring Kickoff", "--week", "2", "--by-tier")
    assert code == 0
    assert "not shown: every tier needs 5 reps with both a baseline and the week (top 4, " \
           "middle 4, bottom 4)" in out
    assert "regression to the mean" in out
    with database.session_factory.begin() as session:
        session.execute(update(Program).values(smallest_group=4))
    code, out, _ = run(capsys, "metrics", "Spring Kickoff", "--week", "2", "--by-tier")
    assert "top tier: baseline 30.0, week 2 36.0, +20.0%" in out
    assert "middle tier: baseline 30.0, week 2 33.0, +10.0%" in out
    assert "bottom tier: baseline 30.0, week 2 30.0, +0.0%" in out
    assert out.rstrip().endswith("the top tier's tends the other way")
