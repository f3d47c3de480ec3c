"""A 12-rep program for the metrics tests: kickoff Monday 8 March 2027, three managers' teams
of 6, 4 and 2 reps (the last below the smallest group of 5), an admin, and their data
(tests/services/metrics/test_figures.py works the figures out by hand)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from bot.domain.metrics.report import ReportKind
from bot.fakeslack import FakeSlack
from bot.services.metrics.api_rows import store_api_rows
from bot.services.metrics.csv_import import import_metrics_csv
from bot.services.metrics.self_report import read_values, report_form, save_report
from bot.services.metrics.tokens import create_token
from db.models import OutOfOffice, Person, Program, Role
from tests.factories import add_member, make_person, make_program, make_workspace

KICKOFF = date(2027, 3, 8)
NOW = datetime(2027, 4, 12, 9, tzinfo=UTC)  # the Monday after week 4
TEAMS = {"Mia": 6, "Noah": 4, "Olga": 2}


@dataclass
class World:
    """The program, its managers by first name and its reps in order (r1 is reps[0])."""

    program: Program
    managers: dict[str, Person]
    reps: list[Person]
    admin: Person


def build_world(
    session: Session, fake: FakeSlack | None = None, *, leader: bool = False
) -> World:
    """The program and its 12 reps; reps' emails are r1@example.com ... r12@example.com; given
    `fake`, everyone is a user of the fake Slack too; `leader` adds Lee Leader (ULEAD)."""
    workspace = make_workspace(session)

    def person(slack_id: str, name: str, email: str | None = None) -> Person:
        if fake is not None:
            fake.add_user(slack_id, real_name=name, email=email)
        return make_person(session, workspace, slack_id, name=name, email=email)

    program = make_program(session, workspace, kickoff_date=KICKOFF, name="Spring Kickoff")
    admin = person("UADMIN", "Ada Admin")
    add_member(session, program, admin, Role.ADMIN, Role.ENABLEMENT)
    if leader:
        add_member(session, program, person("ULEAD", "Lee Leader"), Role.LEADER)
    managers: dict[str, Person] = {}
    reps: list[Person] = []
    for name, size in TEAMS.items():
        manager = person(f"UM{name.upper()}", f"{name} Manager", f"{name.lower()}@example.com")
        add_member(session, program, manager, Role.MANAGER)
        managers[name] = manager
        for _ in range(size):
            n = len(reps) + 1
            rep = person(f"UREP{n:02d}", f"Rep {n}", f"r{n}@example.com")
            add_member(session, program, rep, Role.REP, manager=manager)
            reps.append(rep)
    return World(program, managers, reps, admin)


def csv_of(*rows: str, header: str = "email,metric,period,value") -> bytes:
    """A CSV file's bytes from its lines."""
    return ("\n".join((header, *rows)) + "\n").encode()


WEEK_4 = [date(2027, 4, 5 + n) for n in range(5)]
BASELINE_WEEKS = ("2027-W06", "2027-W07", "2027-W08", "2027-W09")
EARLIER = datetime(2027, 4, 9, 16, tzinfo=UTC)


def load(session: Session, world: World) -> None:
    """The data the test_figures docstring describes."""
    reps = world.reps
    rows = [f"r{n},dials,{week},30" for n in range(1, 12) for week in BASELINE_WEEKS]
    rows += [f"r{n},slipped_close_dates,{week},2" for n in range(1, 12) for week in BASELINE_WEEKS]
    rows += [f"r{n},dials,2027-W12,33" for n in range(1, 13)]  # week 2 (22-28 March)
    rows += [f"r1,dials,{day},{36 if day.weekday() in (0, 3, 4) else 0}" for day in WEEK_4]
    rows += [f"r{n},dials,{day},{39 if n == 7 else 36}" for n in (5, 6, 7, 8, 9, 10, 11)
             for day in WEEK_4]
    rows += ["r12,dials,2027-W14,50"]
    rows += [f"r{n},slipped_close_dates,2027-04-08,1" for n in range(1, 12)]
    content = csv_of(*(row.replace(",", "@example.com,", 1) for row in rows))
    import_metrics_csv(session=session, program=world.program, content=content, now=EARLIER)
    session.add(OutOfOffice(person_id=reps[0].id, first_day=WEEK_4[1], last_day=WEEK_4[2]))

    # r2 and r3 report week 4 themselves (the modal's service); Mia corrects r3's dials.
    for rep, dials in ((2, "42"), (3, "60")):
        form = report_form(session=session, program_id=world.program.id, rep_id=reps[rep - 1].id,
                           week=4, kind=ReportKind.WEEK, actor_user_id=reps[rep - 1].slack_user_id)
        typed, errors = read_values(form, {"dials": dials, "discovery_calls": "0",
                                           "multithread_contacts": "0"})
        assert not errors
        save_report(session=session, form=form, rows=typed, now=NOW if rep == 3 else EARLIER)
    form = report_form(session=session, program_id=world.program.id, rep_id=reps[2].id, week=4,
                       kind=ReportKind.WEEK, actor_user_id="UMMIA", as_manager=True)
    corrected, _ = read_values(form, {"dials": "33", "discovery_calls": "0",
                                      "multithread_contacts": "0"})
    save_report(session=session, form=form, rows=corrected, now=EARLIER, correction=True)
    # r4's come from the CRM through the API.
    token = create_token(session=session, program=world.program, name="crm", days=30,
                         now=EARLIER).token
    report, problems = store_api_rows(session=session, token=token, now=EARLIER, items=[
        {"email": "r4@example.com", "metric": "dials", "period": day.isoformat(), "value": 36}
        for day in WEEK_4])
    assert report is not None, problems
