"""Roster import: parsing, every kind of bad row, updates in place, deactivation, time zones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import func, select

from bot.errors import InvalidInput
from bot.fakeslack import FakeSlack
from bot.services.roster import RosterRejected, RosterReport, import_roster
from bot.services.roster_checks import DirectoryUser, UserDirectory
from bot.services.roster_csv import parse_roster
from bot.slack.directory import SlackDirectory, directory_user
from db.models import Membership, Person, Program, ProgramStatus, Role
from tests.databases import Database
from tests.factories import make_program, make_workspace

PROGRAM_TZ = "America/New_York"
# Past the factory program's 30 days: these tests are about the roster, not the welcomes
# (tests/services/test_late_welcome.py), so an import here welcomes no one.
AFTER_THE_30_DAYS = datetime(2027, 3, 17, 15, 0, tzinfo=UTC)
GOOD = """\
email,slack_id,role,manager,team
lea@example.com,,leader|admin,,
ana@example.com,,manager,lea@example.com,EMEA
ben@example.com,,rep,ana@example.com,EMEA
,UCAI,rep,UANA,APAC
"""


@dataclass(frozen=True)
class Seen:
    """A membership as a person looking at the program would describe it."""

    active: bool
    roles: frozenset[Role]
    manager: str | None
    team: str | None


@pytest.fixture
def directory(fake_slack: FakeSlack, slack_client: WebClient) -> SlackDirectory:
    """The Slack directory on a fake workspace of people (and some who cannot take part)."""
    people = {
        "UANA": ("Ana Ruiz", "Europe/Berlin"),
        "UBEN": ("Ben Okafor", "America/Chicago"),
        "ULEA": ("Lea Berg", "Europe/Oslo"),
        "UDAN": ("Dan Li", "UTC"),
        "UEVE": ("Eve", "UTC"),
        "UFAY": ("Fay", "UTC"),
        "UGUS": ("Gus", "UTC"),
        "UHAL": ("Hal", "UTC"),
        "UIVY": ("Ivy", "UTC"),
    }
    for user_id, (real_name, tz) in people.items():
        email = f"{user_id[1:].lower()}@example.com"
        fake_slack.add_user(user_id, real_name=real_name, email=email, tz=tz)
    fake_slack.add_user("UCAI", name="cai", real_name="", email="cai@example.com", tz="Asia/Tokyo")
    fake_slack.add_user("UDEL", email="del@example.com", deleted=True)
    fake_slack.add_user("UROBOT", email="bot@example.com", is_bot=True)
    fake_slack.add_user("UGUEST", email="guest@example.com", is_restricted=True)
    fake_slack.add_user("USINGLE", email="single@example.com", is_ultra_restricted=True)
    return SlackDirectory(slack_client)


@pytest.fixture
def program_id(database: Database) -> int:
    """A program in New York time, with nobody in it yet."""
    with database.session_factory.begin() as session:
        return make_program(session, make_workspace(session), timezone=PROGRAM_TZ).id


def load(
    database: Database, program_id: int, text: str | bytes, directory: UserDirectory
) -> RosterReport:
    """Import `text` into the program in one transaction, as the CLI and the app do."""
    content = text.encode() if isinstance(text, str) else text
    with database.session_factory.begin() as session:
        program = session.get_one(Program, program_id)
        return import_roster(session=session, program=program, content=content,
                             directory=directory, now=AFTER_THE_30_DAYS)


def roster(database: Database) -> dict[str, Seen]:
    """Every membership by the member's Slack id."""
    with database.session_factory() as session:
        return {
            m.person.slack_user_id: Seen(
                m.active, m.roles, m.manager.slack_user_id if m.manager else None, m.team
            )
            for m in session.scalars(select(Membership))
        }


def people(database: Database) -> dict[str, tuple[str, str | None, str]]:
    """Every person's name, email and time zone by Slack id."""
    with database.session_factory() as session:
        return {
            p.slack_user_id: (p.name, p.email, p.timezone) for p in session.scalars(select(Person))
        }


def membership_ids(database: Database) -> dict[str, int]:
    """The id of each membership row by the member's Slack id."""
    with database.session_factory() as session:
        return {m.person.slack_user_id: m.id for m in session.scalars(select(Membership))}


def test_a_good_file_adds_everyone_with_roles_managers_and_teams(
    database: Database, program_id: int, directory: SlackDirectory
) -> None:
    report = load(database, program_id, GOOD, directory)

    assert report == RosterReport(added=4)
    assert roster(database) == {
        "ULEA": Seen(True, frozenset({Role.LEADER, Role.ADMIN}), None, None),
        "UANA": Seen(True, frozenset({Role.MANAGER}), "ULEA", "EMEA"),
        "UBEN": Seen(True, frozenset({Role.REP}), "UANA", "EMEA"),
        "UCAI": Seen(True, frozenset({Role.REP}), "UANA", "APAC"),
    }
    assert people(database) == {
        "ULEA": ("Lea Berg", "lea@example.com", "Europe/Oslo"),
        "UANA": ("Ana Ruiz", "ana@example.com", "Europe/Berlin"),
        "UBEN": ("Ben Okafor", "ben@example.com", "America/Chicago"),
        "UCAI": ("cai", "cai@example.com", "Asia/Tokyo"),  # display name; email from Slack
    }


def test_a_bom_semicolons_crlf_and_loose_spelling_are_read(
    database: Database, program_id: int, directory: SlackDirectory
) -> None:
    text = (
        "\ufeff Email ;Slack ID; Role ;MANAGER\r\n"
        "ANA@example.com;; Manager | Leader ;\r\n"
        "ben@example.com;;REP;uana\r\n"
    )

    report = load(database, program_id, text.encode("utf-8"), directory)

    assert report == RosterReport(added=2)
    assert roster(database) == {
        "UANA": Seen(True, frozenset({Role.MANAGER, Role.LEADER}), None, None),
        "UBEN": Seen(True, frozenset({Role.REP}), "UANA", None),
    }


BAD = """\
email,slack_id,role,manager,team,timezone
lea@example.com,,leader,,"Leadership
team",
nobody@example.com,,rep,lea@example.com,,
,UNOBODY,rep,lea@example.com,,
del@example.com,,rep,lea@example.com,,
bot@example.com,,rep,lea@example.com,,
guest@example.com,,rep,lea@example.com,,
single@example.com,,rep,lea@example.com,,

ana@example.com,,manager,ben@example.com,,
ben@example.com,,manager,UCAI,,
,UCAI,manager,ana@example.com,,
dan@example.com,,rep,ghost@example.com,,
eve@example.com,,rep,,,
fay@example.com,,rep|coach,lea@example.com,,
,ULEA,leader,,,
gus@example.com,,rep,lea@example.com,,Mars/Olympus
,,rep,lea@example.com,,
hal@elsewhere.com,UHAL,rep,lea@example.com,,
ivy@example.com,,manager,IVY@example.com,,
"""
BAD_REPORT = [
    "line 4: no Slack user has the email nobody@example.com",
    "line 5: no Slack user has the id UNOBODY",
    "line 6: del@example.com is deactivated in Slack",
    "line 7: bot@example.com is a bot, not a person",
    "line 8: guest@example.com is a guest account; guests cannot take part",
    "line 9: single@example.com is a guest account; guests cannot take part",
    "line 11: manager cycle: ana@example.com -> ben@example.com -> UCAI -> ana@example.com",
    "line 12: manager cycle: ana@example.com -> ben@example.com -> UCAI -> ana@example.com",
    "line 13: manager cycle: ana@example.com -> ben@example.com -> UCAI -> ana@example.com",
    "line 14: manager ghost@example.com is not in the file (give them a row too)",
    "line 15: a rep needs a manager",
    "line 16: unknown role 'coach' (roles are rep, manager, enablement, leader, admin)",
    "line 17: ULEA is already listed on line 2",
    "line 18: time zone 'Mars/Olympus' is not an IANA name (like Europe/Berlin)",
    "line 19: needs an email or a slack_id",
    "line 20: UHAL has the email hal@example.com in Slack, not hal@elsewhere.com",
    "line 21: manager cycle: ivy@example.com -> ivy@example.com",
]


def test_every_bad_row_is_reported_with_its_line_and_nothing_changes(
    database: Database, program_id: int, directory: SlackDirectory
) -> None:
    load(database, program_id, GOOD, directory)
    before = roster(database), people(database)

    with database.session_factory.begin() as session:  # committed: the service wrote nothing
        program = session.get_one(Program, program_id)
        with pytest.raises(RosterRejected) as rejected:
            import_roster(
                session=session, program=program, content=BAD.encode(), directory=directory,
                now=AFTER_THE_30_DAYS,
            )

    assert [str(problem) for problem in rejected.value.problems] == BAD_REPORT
    assert str(rejected.value).splitlines() == [
        "roster for 'Q1 Kickoff' not imported, nothing was changed; "
        "fix these rows and import the whole file again:",
        *BAD_REPORT,
    ]
    assert (roster(database), people(database)) == before


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("email,manager,team", "the header lacks role"),
        ("name;role;manager", "the header lacks email or slack_id"),
        ("email,role,role,manager", "the header has the column 'role' twice"),
    ],
)
def test_a_header_without_a_required_column_is_one_clear_error(header: str, reason: str) -> None:
    parsed = parse_roster(f"{header}\nana@example.com,rep,lea@example.com\n".encode())

    assert parsed.rows == ()
    assert [problem.line for problem in parsed.problems] == [1]
    assert str(parsed.problems[0]).startswith(f"line 1: {reason}")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "line 1: the file is empty; the first line must be the header"),
        (b"email,role,manager\n\n", "line 1: the file has a header but nobody in it"),
        (
            b"email,role,manager\nana@example.com,\xe9t\xe9,\n",
            "line 2: the file is not UTF-8 text (save it as 'CSV UTF-8')",
        ),
        (
            b"email,role,manager\nana@example.com,leader,,Sales, EMEA\n",
            "line 2: 5 values but the header has 3 columns "
            "(quote a value that contains the separator)",
        ),
        (
            b"email,role,manager\nana.example.com,leader,\n",
            "line 2: 'ana.example.com' is not an email address",
        ),
        (
            b'email,role,manager\n\n"' + b"x" * 200_000 + b'"\n',
            "line 3: the file is not valid CSV (field larger than field limit (131072))",
        ),
    ],
)
def test_files_that_are_not_a_roster_are_rejected(content: bytes, problem: str) -> None:
    assert [str(p) for p in parse_roster(content).problems] == [problem]


def test_reimporting_updates_in_place_without_duplicates(
    database: Database, program_id: int, directory: SlackDirectory, fake_slack: FakeSlack
) -> None:
    load(database, program_id, GOOD, directory)
    ids = membership_ids(database)
    fake_slack.update_user("UBEN", real_name="Ben O.", tz="Europe/Lisbon")
    changed = GOOD.replace(",UCAI,rep,UANA,APAC", ",UCAI,rep|manager,lea@example.com,").replace(
        "leader|admin", "leader"
    )

    report = load(database, program_id, changed, directory)

    assert report == RosterReport(updated=3, unchanged=1)
    assert membership_ids(database) == ids
    assert roster(database)["ULEA"].roles == {Role.LEADER}
    assert roster(database)["UCAI"] == Seen(True, frozenset({Role.REP, Role.MANAGER}), "ULEA", None)
    assert people(database)["UBEN"] == ("Ben O.", "ben@example.com", "Europe/Lisbon")
    with database.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 4
    assert load(database, program_id, changed, directory) == RosterReport(unchanged=4)


def test_a_person_left_out_is_deactivated_with_their_history_kept_and_can_come_back(
    database: Database, program_id: int, directory: SlackDirectory
) -> None:
    load(database, program_id, GOOD, directory)
    ids = membership_ids(database)
    without_ben = GOOD.replace("ben@example.com,,rep,ana@example.com,EMEA\n", "")

    assert load(database, program_id, without_ben, directory) == RosterReport(
        deactivated=1, unchanged=3
    )
    assert roster(database)["UBEN"] == Seen(False, frozenset({Role.REP}), "UANA", "EMEA")
    assert membership_ids(database) == ids

    back_in_apac = GOOD.replace("ana@example.com,EMEA\n", "ana@example.com,APAC\n")
    assert load(database, program_id, back_in_apac, directory) == RosterReport(
        reactivated=1, unchanged=3
    )
    assert roster(database)["UBEN"] == Seen(True, frozenset({Role.REP}), "UANA", "APAC")
    assert membership_ids(database) == ids


class NoTimeZoneDirectory:
    """A directory whose profiles have no time zone, which the fake Slack server never serves."""

    def find_by_email(self, email: str) -> DirectoryUser | None:
        return DirectoryUser(id="U" + email.split("@")[0].upper(), name=email, email=email, tz=None)

    def find_by_id(self, user_id: str) -> DirectoryUser | None:
        return None


def test_time_zone_comes_from_slack_then_the_file_then_the_program(
    database: Database, program_id: int, directory: SlackDirectory
) -> None:
    text = (
        "email,role,manager,timezone\n"
        "ana@example.com,manager,,asia/kolkata\n"
        "ben@example.com,manager,,\n"
    )
    load(database, program_id, text, directory)
    assert {k: v[2] for k, v in people(database).items()} == {
        "UANA": "Europe/Berlin",
        "UBEN": "America/Chicago",
    }

    load(database, program_id, text, NoTimeZoneDirectory())
    assert {k: v[2] for k, v in people(database).items() if k in ("UANA", "UBEN")} == {
        "UANA": "Asia/Kolkata",
        "UBEN": PROGRAM_TZ,
    }
    assert directory_user({"id": "U1", "profile": {}}).tz is None  # Slack sent no tz


def test_each_person_is_looked_up_once_per_import(
    database: Database, program_id: int, directory: SlackDirectory, fake_slack: FakeSlack
) -> None:
    text = (
        "email,slack_id,role,manager\n"
        "ana@example.com,,manager,\n"
        "ANA@example.com,,manager,\n"
        ",UANA,manager,\n"
        "nobody@example.com,,manager,\n"
        "nobody@example.com,,manager,\n"
    )

    with pytest.raises(RosterRejected) as rejected:
        load(database, program_id, text, directory)

    assert [str(p) for p in rejected.value.problems] == [
        "line 3: ana@example.com is already listed on line 2",
        "line 4: UANA is already listed on line 2",
        "line 5: no Slack user has the email nobody@example.com",
        "line 6: no Slack user has the email nobody@example.com",
    ]
    assert len(fake_slack.calls_to("users.lookupByEmail")) == 2
    assert fake_slack.calls_to("users.info") == []


def test_slack_errors_other_than_not_found_are_not_hidden(
    database: Database, program_id: int, directory: SlackDirectory, fake_slack: FakeSlack
) -> None:
    fake_slack.fail_next("users.lookupByEmail", error="fatal_error", status=200)

    with pytest.raises(SlackApiError):
        load(database, program_id, GOOD, directory)
    assert roster(database) == {}


def test_an_ended_program_keeps_its_roster(
    database: Database, program_id: int, directory: SlackDirectory
) -> None:
    with database.session_factory.begin() as session:
        session.get_one(Program, program_id).status = ProgramStatus.ENDED

    with pytest.raises(InvalidInput, match="has ended"):
        load(database, program_id, GOOD, directory)
