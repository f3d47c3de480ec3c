"""The launch welcome DM: what the next 30 days hold for the member, role by role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from bot.blocks.plans.messages import contract_blocks
from bot.blocks.text import Block, context, escape, header, section
from bot.domain.coaching.cadence import CADENCE_WEEKS
from bot.domain.coaching.vocabulary import CADENCE_MINUTES
from db.models import CadenceType, Role

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ROLE_ORDER = (Role.REP, Role.MANAGER, Role.ENABLEMENT, Role.LEADER, Role.ADMIN)


@dataclass(frozen=True)
class WelcomeFacts:
    """What a welcome says about the program, for one member."""

    program_name: str
    first_standup: date | None
    standup_days: int
    standup_time: time
    standup_channel: str
    audit_channel: str
    coaching_due_weekday: int
    manager_name: str | None
    contract: str | None = None  # the behaviour contract reps sign at the event


def _weeks(cadence: CadenceType) -> str:
    weeks = CADENCE_WEEKS[cadence]
    return f"week {weeks[0]}" if len(weeks) == 1 else "weeks " + " and ".join(map(str, weeks))


def _rep_line(facts: WelcomeFacts) -> str:
    start = f" from {facts.first_standup:%a %d %b}" if facts.first_standup else ""
    manager = f" with {escape(facts.manager_name)}" if facts.manager_name else ""
    return (
        f"*Week 1: a daily standup*{start}, {facts.standup_days} working days at "
        f"{facts.standup_time:%H:%M} your time: one new activity, one small win, one blocker, "
        f"shared in <#{facts.standup_channel}>.\n*Weeks 2-4: coaching*{manager}: a weekly 1:1 "
        f"({CADENCE_MINUTES[CadenceType.ONE_ON_ONE]} min), call reviews in "
        f"{_weeks(CadenceType.CALL_REVIEW)} (bring 1 won and 1 lost call; agree on 1 behaviour "
        f"to change) and a territory review in {_weeks(CadenceType.TERRITORY_REVIEW)}. Near the "
        "end, an anonymous survey: what changed, what is still broken, one thing to kill."
    )


def _manager_line(facts: WelcomeFacts) -> str:
    return (
        "*Weeks 2-4: you own the coaching.* A weekly 1:1 with each rep "
        f"({CADENCE_MINUTES[CadenceType.ONE_ON_ONE]} min: pipeline review and skill coaching on a "
        f"recorded call), call reviews in {_weeks(CadenceType.CALL_REVIEW)} scored on the rubric, "
        f"a territory review in {_weeks(CadenceType.TERRITORY_REVIEW)}; each is due by "
        f"{WEEKDAYS[facts.coaching_due_weekday - 1]}, no skipping for QBR weeks. Log each one in "
        "two clicks from your nudge or your App Home. Blockers your reps raise in week 1 come "
        "to you with a *Resolved* button."
    )


def _role_line(role: Role, facts: WelcomeFacts) -> str:
    if role is Role.REP:
        return _rep_line(facts)
    if role is Role.MANAGER:
        return _manager_line(facts)
    if role is Role.ENABLEMENT:
        return ("*Enablement:* run anonymous eNPS surveys from your App Home or `/kickoff "
                "survey`, and follow standup and coaching participation at a glance.")
    if role is Role.LEADER:
        return (f"*Leadership:* every Monday a coaching-completion audit in "
                f"<#{facts.audit_channel}> (1:1 completion against the 95% target), and the "
                "day-32 governance read-out.")
    return ("*Admin:* program settings, the roster, out of office, delivery failures and "
            "\"send me a test\" are in your App Home.")


def build_welcome_message(facts: WelcomeFacts, roles: frozenset[Role]) -> list[Block]:
    """The welcome: one paragraph per role the member holds, then how to be left alone."""
    blocks = [
        header(f"{facts.program_name} is live"),
        section("Here is what the next 30 days hold for you:"),
    ]
    blocks += [section(_role_line(role, facts)) for role in ROLE_ORDER if role in roles]
    if Role.REP in roles and facts.contract:
        blocks += contract_blocks(facts.contract)  # every rep walks in knowing what they sign
    blocks.append(context(
        "Away? `/kickoff ooo 2027-01-12 2027-01-14` (or your App Home): nothing is sent to you "
        "on those days. `/kickoff help` lists the rest."
    ))
    return blocks


def welcome_fallback(facts: WelcomeFacts) -> str:
    """The notification text of the welcome."""
    return f"{escape(facts.program_name)} is live: here is what the next 30 days hold for you."
