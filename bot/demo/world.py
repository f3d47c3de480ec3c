"""The demo's sample workspace: people across time zones, two channels, a program and its roster."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.blocks.render.markup import Directory
from bot.demo.story import Reader
from bot.fakeslack import FakeSlack


@dataclass(frozen=True)
class DemoPerson:
    """One person of the sample workspace."""

    slack_id: str
    name: str
    email: str
    tz: str
    roles: str
    manager: str = ""
    team: str = ""


STANDUP_CHANNEL = ("C0STANDUPS", "kickoff-standups")
AUDIT_CHANNEL = ("C0AUDIT", "sales-leadership")
KICKOFF_DATE = "2027-03-08"  # a Monday; the US moves to daylight time that Sunday, 14 March
KICKOFF = date.fromisoformat(KICKOFF_DATE)
# The story's first day: sales ops sets the program up about a month before (T-31, a Friday, so
# every welcome is out before the pre-event scenes from T-28 begin).
SET_UP_DAY = KICKOFF - timedelta(days=31)
HOME_ZONE = "America/New_York"  # the program's time zone
PROGRAM = "FY27 Kickoff"
# `kickoff-bot program create` as sales ops types it in the demo (the scene tests type the same).
CREATE_PROGRAM = (
    "program",
    "create",
    "--name",
    PROGRAM,
    "--kickoff-date",
    KICKOFF_DATE,
    "--event-days",
    "2",
    "--timezone",
    HOME_ZONE,
    "--standup-channel",
    STANDUP_CHANNEL[0],
    "--audit-channel",
    AUDIT_CHANNEL[0],
)

PEOPLE = (
    DemoPerson("U0SAM", "Sam Ortega", "sam@example.com", "America/New_York", "admin"),
    DemoPerson("U0VIC", "Victoria Hale", "victoria@example.com", "America/New_York", "leader"),
    DemoPerson("U0ELE", "Elena Fischer", "elena@example.com", "Europe/Berlin", "enablement"),
    DemoPerson("U0MAR", "Marcus Reed", "marcus@example.com", "America/Los_Angeles", "manager"),
    DemoPerson("U0PRI", "Priya Nair", "priya@example.com", "Asia/Kolkata", "manager"),
    DemoPerson("U0HAN", "Hannah Weber", "hannah@example.com", "Europe/Berlin", "manager"),
    DemoPerson(
        "U0ANA",
        "Ana Ruiz",
        "ana@example.com",
        "America/Los_Angeles",
        "rep",
        "marcus@example.com",
        "West",
    ),
    DemoPerson(
        "U0BEN",
        "Ben Carter",
        "ben@example.com",
        "America/Los_Angeles",
        "rep",
        "marcus@example.com",
        "West",
    ),
    DemoPerson(
        "U0ARJ",
        "Arjun Mehta",
        "arjun@example.com",
        "Asia/Kolkata",
        "rep",
        "priya@example.com",
        "APAC",
    ),
    DemoPerson(
        "U0OLI",
        "Olivia Brown",
        "olivia@example.com",
        "Australia/Sydney",
        "rep",
        "priya@example.com",
        "APAC",
    ),
    DemoPerson(
        "U0ARO",
        "Aroha Ngata",
        "aroha@example.com",
        "Pacific/Chatham",
        "rep",
        "priya@example.com",
        "APAC",
    ),
    DemoPerson(
        "U0LEN",
        "Lena Vogel",
        "lena@example.com",
        "Europe/Berlin",
        "rep",
        "hannah@example.com",
        "EMEA",
    ),
    DemoPerson(
        "U0JON",
        "Jonas Berg",
        "jonas@example.com",
        "Europe/Berlin",
        "rep|manager",
        "hannah@example.com",
        "EMEA",
    ),
)

REPS = tuple(person for person in PEOPLE if "rep" in person.roles.split("|"))


def populate(fake: FakeSlack) -> None:
    """Add the sample people and channels to the fake Slack workspace."""
    for person in PEOPLE:
        fake.add_user(
            person.slack_id,
            name=person.email.split("@")[0],
            real_name=person.name,
            email=person.email,
            tz=person.tz,
        )
    members = [person.slack_id for person in PEOPLE]
    for channel_id, name in (STANDUP_CHANNEL, AUDIT_CHANNEL):
        fake.add_channel(channel_id, name, members=members)


def roster_csv() -> bytes:
    """The roster file enablement would upload: semicolon-separated, with a BOM, as Excel saves."""
    lines = ["email;role;manager;team"]
    lines += [f"{p.email};{p.roles};{p.manager};{p.team}" for p in PEOPLE]
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def channel_name(channel_id: str) -> str:
    """The name of a sample channel (or the id, for any other)."""
    return directory().channels.get(channel_id, channel_id)


def person(slack_id: str) -> DemoPerson:
    """A sample person, by Slack id."""
    return next(p for p in PEOPLE if p.slack_id == slack_id)


def reader(slack_id: str) -> Reader:
    """A sample person as a reader of their DMs."""
    found = person(slack_id)
    return Reader(found.name, found.tz, found.roles.replace("|", " and "))


def reader_of(slack_id: str) -> Reader | None:
    """A sample person as a reader of their DMs (None for anyone else)."""
    return reader(slack_id) if any(p.slack_id == slack_id for p in PEOPLE) else None


def directory() -> Directory:
    """The sample workspace's names, as every member's Slack shows them."""
    return Directory(people={p.slack_id: p.name for p in PEOPLE},
                     channels=dict((STANDUP_CHANNEL, AUDIT_CHANNEL)))
