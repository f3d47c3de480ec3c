"""People kept in line with Slack: profile changes, leaving and coming back, the member sync."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import NotFound
from bot.services.people import (
    ProfileOutcome,
    SyncReport,
    apply_slack_profile,
    find_person,
    sync_people,
)
from bot.services.roster_checks import DirectoryUser
from db.models import Delivery, DeliveryStatus, Person, Role, Workspace
from scheduler.planning import plan_all
from tests.databases import Database
from tests.factories import add_member, make_person, make_program, make_workspace
from tests.scheduler.planners import NineOClockPlanner

NOW = datetime(2027, 1, 11, 0, 0, tzinfo=UTC)  # a Monday
ANA = DirectoryUser(id="UANA", name="Ana Alvarez", email="ana@example.com", tz="Europe/Berlin")


def team(session: Session) -> Workspace:
    """A workspace with Ana and Ben, reps of an active program."""
    workspace = make_workspace(session)
    program = make_program(session, workspace)
    for slack_id, email in (("UANA", "ana@example.com"), ("UBEN", "ben@example.com")):
        person = make_person(session, workspace, slack_id, tz="Europe/Berlin", email=email)
        add_member(session, program, person, Role.REP)
    return workspace


def person(session: Session, slack_id: str) -> Person:
    """The person with that Slack id."""
    return session.scalars(select(Person).where(Person.slack_user_id == slack_id)).one()


def statuses(session: Session, slack_id: str) -> list[tuple[DeliveryStatus, str | None]]:
    """(status, error) of the person's rows, by due time."""
    query = select(Delivery).where(Delivery.channel == slack_id).order_by(Delivery.due_at)
    return [(row.status, row.error) for row in session.scalars(query)]


def test_a_profile_change_updates_name_email_and_time_zone(database: Database) -> None:
    with database.session_factory.begin() as session:
        workspace = team(session)
        moved = replace(ANA, name="Ana Moreno", email="ana.m@example.com", tz="america/new_york")

        outcome = apply_slack_profile(session=session, workspace_id=workspace.id, user=moved)

        ana = person(session, "UANA")
        assert outcome is ProfileOutcome.UPDATED
        assert (ana.name, ana.email, ana.timezone) == (
            "Ana Moreno", "ana.m@example.com", "America/New_York"
        )


def test_what_slack_does_not_say_is_kept(database: Database) -> None:
    with database.session_factory.begin() as session:
        workspace = team(session)
        vague = replace(ANA, name="Person UANA", email=None, tz="Mars/Olympus_Mons")

        outcome = apply_slack_profile(session=session, workspace_id=workspace.id, user=vague)

        ana = person(session, "UANA")
        assert outcome is ProfileOutcome.UNCHANGED
        assert (ana.email, ana.timezone) == ("ana@example.com", "Europe/Berlin")


def test_someone_kickoff_bot_does_not_know_is_ignored(database: Database) -> None:
    with database.session_factory.begin() as session:
        workspace = team(session)
        stranger = replace(ANA, id="UZED")

        outcome = apply_slack_profile(session=session, workspace_id=workspace.id, user=stranger)

        assert outcome is ProfileOutcome.UNKNOWN
        assert "UZED" not in session.scalars(select(Person.slack_user_id)).all()


def test_a_deleted_account_is_deactivated_and_nothing_more_is_sent(database: Database) -> None:
    planners = [NineOClockPlanner()]
    with database.session_factory.begin() as session:
        workspace = team(session)
        plan_all(session, planners, now=NOW)
        assert statuses(session, "UANA") == [(DeliveryStatus.PLANNED, None)] * 2

        outcome = apply_slack_profile(
            session=session, workspace_id=workspace.id, user=replace(ANA, deleted=True)
        )
        plan_all(session, planners, now=NOW + timedelta(hours=1))

        assert outcome is ProfileOutcome.DEACTIVATED
        assert person(session, "UANA").active is False
        assert statuses(session, "UANA") == [(DeliveryStatus.CANCELLED, "deactivated")] * 2
        assert statuses(session, "UBEN") == [(DeliveryStatus.PLANNED, None)] * 2


def test_an_account_that_comes_back_is_planned_for_again(database: Database) -> None:
    planners = [NineOClockPlanner()]
    with database.session_factory.begin() as session:
        workspace = team(session)
        plan_all(session, planners, now=NOW)
        apply_slack_profile(
            session=session, workspace_id=workspace.id, user=replace(ANA, deleted=True)
        )

        outcome = apply_slack_profile(session=session, workspace_id=workspace.id, user=ANA)
        plan_all(session, planners, now=NOW)

        assert outcome is ProfileOutcome.REACTIVATED
        assert statuses(session, "UANA") == [(DeliveryStatus.PLANNED, None)] * 2


def test_the_sync_applies_the_whole_list_and_leaves_unlisted_people_alone(
    database: Database,
) -> None:
    with database.session_factory.begin() as session:
        workspace = team(session)
        make_person(session, workspace, "UCAI", tz="UTC", name="Cai")
        users = [
            replace(ANA, deleted=True),
            DirectoryUser(id="UBEN", name="Ben Bauer", email="ben@example.com", tz="UTC"),
            DirectoryUser(id="UZED", name="Zed", email=None, tz="UTC"),  # not someone we know
        ]

        report = sync_people(session=session, workspace_id=workspace.id, users=users)

        assert report == SyncReport(updated=1, deactivated=1, missing=1)
        assert [(p.slack_user_id, p.active) for p in session.scalars(
            select(Person).order_by(Person.slack_user_id)
        )] == [("UANA", False), ("UBEN", True), ("UCAI", True)]


@pytest.mark.parametrize("ref", ["UBEN", "Ben@Example.com", " ben@example.com "])
def test_a_person_is_found_by_slack_id_or_email(database: Database, ref: str) -> None:
    with database.session_factory.begin() as session:
        workspace = team(session)
        assert find_person(session=session, workspace_id=workspace.id, ref=ref).slack_user_id == (
            "UBEN"
        )


def test_an_unknown_person_is_a_clear_error(database: Database) -> None:
    with database.session_factory.begin() as session:
        workspace = team(session)
        with pytest.raises(NotFound, match=r"No person 'zed@example\.com' is known"):
            find_person(session=session, workspace_id=workspace.id, ref="zed@example.com")
