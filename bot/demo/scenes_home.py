"""Demo scene: the App Home of each role on the Tuesday of week 2, as each person sees it.

Runs on the demo's simulated clock, so it calls the same services the `app_home_opened`
listener calls, with an explicit `now`.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from bot.blocks.home.compose import build_home_view
from bot.demo.stage import Stage
from bot.demo.transcript import render_blocks
from bot.demo.world import HOME_ZONE, name_of
from bot.domain.local_time import at_local, zone
from bot.features.registry import REGISTRY
from bot.services.actor import actor_from_profile
from bot.services.coaching.calendar import program_week
from bot.services.coaching.occurrences import materialise_items
from bot.services.home import gather_home
from bot.services.programs import find_program
from db.models import Program

OUTSIDER = ("U0NEW", "Noah Newman", "noah@example.com")
VIEWERS = (
    ("U0ANA", "a rep"), ("U0MAR", "a manager"), ("U0JON", "a rep who also manages"),
    ("U0ELE", "enablement"), ("U0VIC", "a leader"), ("U0SAM", "the kickoff admin"),
    (OUTSIDER[0], "someone in no program"),
)


def home_moment(program: Program) -> datetime:
    """Tuesday of program week 2 (the first coaching week), 10:00 in the program's time zone."""
    tuesday = program_week(program, 2).monday + timedelta(days=1)
    return at_local(tuesday, time(10, 0), program.timezone)


def scene(stage: Stage, *, program_name: str, now: datetime | None = None) -> None:
    """Print the home each of VIEWERS sees when they open kickoff-bot's Home tab."""
    if stage.fake.user(OUTSIDER[0]) is None:
        stage.fake.add_user(OUTSIDER[0], real_name=OUTSIDER[1], email=OUTSIDER[2])
    with stage.runtime.session_factory.begin() as session:
        program = find_program(session=session, workspace=stage.runtime.workspace(session),
                               ref=program_name)
        at = now or home_moment(program)
        materialise_items(session=session, program=program, now=at)  # as the planner does
    print(f"\n=== Everyone's App Home, {at.astimezone(zone(HOME_ZONE)):%a %d %b %H:%M} in "
          f"{HOME_ZONE} ===")
    for slack_id, role in VIEWERS:
        show_home(stage, slack_id, role, at)


def show_home(stage: Stage, slack_id: str, role: str, at: datetime) -> None:
    """One person's home, built as the listener builds it, printed as they would read it."""
    user = stage.fake.user(slack_id) or {}
    actor = actor_from_profile(slack_user_id=slack_id, email=user.get("email"),
                               is_workspace_admin=bool(user.get("is_admin")),
                               kickoff_admins=stage.settings.kickoff_admins)
    with stage.runtime.session_factory() as session:
        data = gather_home(session=session, actor=actor,
                           kickoff_admins=stage.settings.kickoff_admins, now=at)
        view = build_home_view(data, sharing=REGISTRY.home_sharing())
    name = OUTSIDER[1] if slack_id == OUTSIDER[0] else name_of(slack_id)
    print(f"\n  {name} ({role}) opens the Home tab ({len(view['blocks'])} blocks):")
    for line in render_blocks(view["blocks"]):
        print(line)
