"""Demo scenes: behaviour metrics. On the Monday after week 2, RevOps imports four baseline weeks
and week 2 of dials and slipped close dates from the CRM export (one rep has no baseline), and
reads the week-2 figures from the shell; from then on the Monday audits carry a Behaviour section
and the read-out a week-4 review. In the week of day 100, RevOps imports week 4 and that week,
and the re-measure compares baseline, week 4 and now."""

from __future__ import annotations

import contextlib
import io
from datetime import date, time

from bot.demo.stage import Stage, shell, shell_with_file
from bot.demo.world import HOME_ZONE, PROGRAM, REPS
from bot.domain.local_time import at_local

BASELINE_WEEKS = ("2027-W06", "2027-W07", "2027-W08", "2027-W09")
WEEK_2 = "2027-W12"  # 22-28 March, the program's week 2
WEEK_4 = "2027-W14"  # 5-11 April
DAY_100_WEEK = "2027-W24"  # 14-20 June: the re-measure week, day 100 being 16 June


def metrics_csv() -> bytes:
    """The CRM export: every rep but the newest has a baseline; week 2 for all."""
    lines = ["email;metric;period;value"]
    for n, rep in enumerate(REPS):
        if n < len(REPS) - 1:
            lines += [f"{rep.email};dials;{week};{30 + n}" for week in BASELINE_WEEKS]
            lines += [f"{rep.email};slipped_close_dates;{week};2" for week in BASELINE_WEEKS]
        lines += [f"{rep.email};dials;{WEEK_2};{37 + n}",
                  f"{rep.email};slipped_close_dates;{WEEK_2};1"]
    return ("\n".join(lines) + "\n").encode()


def remeasure_csv() -> bytes:
    """The CRM export after day 100: dials in week 4 and in the week of day 100."""
    lines = ["email;metric;period;value"]
    for n, rep in enumerate(REPS):
        lines += [f"{rep.email};dials;{WEEK_4};{38 + n}",
                  f"{rep.email};dials;{DAY_100_WEEK};{36 + n}"]
    return ("\n".join(lines) + "\n").encode()


def remeasure(stage: Stage) -> None:
    """On the Friday of the week of day 100 (its working days done), RevOps imports week 4's
    and that week's dials; the figures are stored when the week ends and posted on Monday."""
    at = at_local(date(2027, 6, 18), time(17), HOME_ZONE)
    stage.scene("Day 100 re-measure: RevOps imports the CRM's dials again; on Monday baseline "
                "vs week 4 vs now reaches #sales-leadership", at)
    shell_with_file("crm-export.csv", remeasure_csv(),
                    ["metrics", "import", PROGRAM, "crm-export.csv"])
    stage.timeline.advance_to(at_local(date(2027, 6, 21), time(9, 30), HOME_ZONE))


def import_crm(stage: Stage) -> None:
    """Import the CRM export, then print week 2 against the baseline."""
    stage.scene("RevOps imports the CRM's numbers: behaviour in week 2 against the baseline",
                at_local(date(2027, 3, 29), time(9, 30), HOME_ZONE))
    program_name = PROGRAM
    print("\n  crm-export.csv (semicolons, as the CRM saves it):")
    for line in metrics_csv().decode().splitlines()[:3]:
        print(f"    {line}")
    print("    ...")
    shell_with_file("crm-export.csv", metrics_csv(),
                    ["metrics", "import", program_name, "crm-export.csv"])
    if stage.story.full:
        shell(["metrics", program_name, "--week", "2"])
        return
    with contextlib.redirect_stdout(io.StringIO()) as out:
        shell(["metrics", program_name, "--week", "2"])
    print(trimmed(out.getvalue()), end="")


def trimmed(report: str) -> str:
    """The shell's report with its first metric in full and the others' headings on one line
    (`--full` prints it all)."""
    head, first, *others = report.split("\n\n")
    rest = [block for block in others if block.strip() and not block.startswith("No data")]
    names = "; ".join(block.splitlines()[0].split(" (")[0] for block in rest)
    tail = [block for block in others if block.startswith("No data")]
    return "\n\n".join([head, first, f"({len(rest)} more, same layout: {names})", *tail])
