"""`kickoff-bot metrics import` and `kickoff-bot metrics PROGRAM`, run as a shell user would."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli import main
from bot.fakeslack import FakeSlack
from bot.services.metrics.tokens import token_hash
from db.models import ApiToken
from tests.cli.shell import shell_environment
from tests.databases import Database
from tests.services.metrics.world import build_world, csv_of


@pytest.fixture
def shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database
) -> Path:
    """The command's environment and the 12-rep program; returns the working folder."""
    shell_environment(monkeypatch, tmp_path, fake_slack, database)
    with database.session_factory.begin() as session:
        build_world(session)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["metrics", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def baseline_and_week_2(folder: Path) -> Path:
    rows = [f"r{n}@example.com,dials,2027-W0{w},30" for n in range(1, 13) for w in (6, 7, 8, 9)]
    rows += [f"r{n}@example.com,dials,2027-W12,{33 if n < 12 else 36}" for n in range(1, 13)]
    path = folder / "dials.csv"
    path.write_bytes(csv_of(*rows))
    return path


def test_import_then_the_figures_as_text_csv_and_json(
    shell: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "import", "Spring Kickoff", str(baseline_and_week_2(shell)))
    assert code == 0
    assert out == "metrics of 'Spring Kickoff' imported: 60 added, 0 updated, 0 unchanged\n"
    code, out, _ = run(capsys, "Spring Kickoff", "--week", "2")
    # 11 reps at 33 and one at 36 against 30: 399 / 360 = +10.8%.
    assert ("  overall: baseline 30.0, week 2 33.2, +10.8%, not held (12 of 12 reps with both)"
            in out)
    assert "team of Mia Manager" in out
    assert "Olga" not in out
    code, out, _ = run(capsys, "Spring Kickoff", "--week", "2", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["metric"] == "dials"
    assert rows[0]["lift_percent"] == "10.8"
    code, out, _ = run(capsys, "Spring Kickoff", "--week", "2", "--json")
    assert json.loads(out)[0]["verdict"] == "not held"


def test_a_bad_file_names_its_lines_and_a_bad_week_is_one_line(
    shell: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = shell / "bad.csv"
    path.write_bytes(csv_of("r1@example.com,dials,2027-W09,=1+1"))
    code, out, err = run(capsys, "import", "Spring Kickoff", str(path))
    assert (code, out) == (1, "")
    assert "line 2: value '=1+1' is not a number" in err
    code, _, err = run(capsys, "Spring Kickoff", "--week", "9")
    assert code == 1
    assert err.startswith("kickoff-bot: 'Spring Kickoff' has no week 9 (its weeks: -4, -3")


def test_api_tokens_are_created_once_listed_and_revoked(
    shell: Path, capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    capsys.readouterr()
    assert main(["api-token", "create", "Spring Kickoff", "crm-sync", "--days", "30"]) == 0
    out = capsys.readouterr().out
    secret = out.splitlines()[-1]
    assert secret.startswith("kbm_")
    with database.session_factory() as session:
        stored = session.scalars(select(ApiToken.token_hash)).one()
    assert secret not in stored  # only the hash is kept
    assert stored == token_hash(secret)
    assert main(["api-token", "list", "Spring Kickoff"]) == 0
    assert capsys.readouterr().out.startswith("crm-sync: live, created ")
    assert main(["api-token", "revoke", "Spring Kickoff", "crm-sync"]) == 0
    assert main(["api-token", "list", "Spring Kickoff"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("crm-sync: revoked")
    assert main(["api-token", "create", "Spring Kickoff", "Bad Name"]) == 1
    assert "token name 'Bad Name'" in capsys.readouterr().err


def test_enablement_switches_a_metric_off_retargets_one_and_adds_a_custom_one(
    shell: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "set", "Spring Kickoff", "q1_attainment", "--off")[1] == (
        "q1_attainment of 'Spring Kickoff': not tracked, target +5 points on baseline\n")
    assert run(capsys, "set", "Spring Kickoff", "dials", "--target", "1.3")[1] == (
        "dials of 'Spring Kickoff': tracked, target +30% on baseline\n")
    code, out, _ = run(capsys, "add", "Spring Kickoff", "demos", "--name", "Demos given",
                       "--unit", "demos a week", "--self-reported")
    assert (code, out) == (0, "demos of 'Spring Kickoff': tracked, target +20% on baseline\n")
    code, out, _ = run(capsys, "Spring Kickoff", "--week", "1", "--json")
    keys = [row["metric"] for row in json.loads(out)]
    assert "q1_attainment" not in keys
    assert keys[-1] == "demos"
    assert json.loads(out)[0]["target"] == "+30% on baseline"
    code, _, err = run(capsys, "set", "Spring Kickoff", "dials", "--target", "0")
    assert (code, err.strip()) == (1, "kickoff-bot: a relative target is a factor on the "
                                      "baseline (1.2 is +20%), above 0 and at most 10, not 0")
