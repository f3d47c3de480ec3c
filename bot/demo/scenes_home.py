"""Demo scene: the App Home of each role on the Tuesday of week 2, as each person sees it.

Runs on the demo's simulated clock, so it calls the same services the `app_home_opened`
listener calls, with an explicit `now`.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from bot.blocks.home.compose import build_home_view
from bot.blocks.render.page import Shown
from bot.demo.stage import Stage
from bot.demo.story import Reader
from bot.demo.world import HOME_ZONE, PROGRAM, reader_of
from bot.domain.local_time import at_local
from bot.features.registry import REGISTRY
from bot.services.actor import actor_from_profile
from bot.services.coaching.calendar import program_week
from bot.services.coaching.occurrences import materialise_items
from bot.services.home import gather_home
from db.models import Program

OUTSIDER = ("U0NEW", "Noah Newman", "noah@example.com")
VIEWERS = (
    ("U0ANA", "a rep"), ("U0MAR", "a manager"), ("U0JON", "a rep who also manages"),
    ("U0ELE", "enablement"), ("U0VIC", "a leader"), ("U0SAM", "the kickoff admin"),
    (OUTSIDER[0], "someone in no program"),
)
PRINTED = ("U0MAR",)  # a manager's; the page (and --full) shows every role's


def home_moment(program: Program) -> datetime:
    """Tuesday of program week 2 (the first coaching week), 10:00 in the program's time zone."""
    tuesday = program_week(program, 2).monday + timedelta(days=1)
    return at_local(tuesday, time(10, 0), program.timezone)


def scene(stage: Stage, *, now: datetime | None = None) -> datetime:
    """The home each of VIEWERS sees when they open kickoff-bot's Home tab; returns when."""
    if stage.fake.user(OUTSIDER[0]) is None:
        stage.fake.add_user(OUTSIDER[0], real_name=OUTSIDER[1], email=OUTSIDER[2])
    with stage.runtime.session_factory.begin() as session:
        program = stage.runtime.program(session, PROGRAM)
        at = now or home_moment(program)
        materialise_items(session=session, program=program, now=at)  # as the planner does
    stage.scene("Everyone opens kickoff-bot's Home tab", at)
    for slack_id, role in VIEWERS:
        show_home(stage, slack_id, role, at)
    return at


def show_home(stage: Stage, slack_id: str, role: str, at: datetime) -> None:
    """One person's home, built as the listener builds it, shown as they would read it."""
    user = stage.fake.user(slack_id) or {}
    actor = actor_from_profile(slack_user_id=slack_id, email=user.get("email"),
                               is_workspace_admin=bool(user.get("is_admin")),
                               kickoff_admins=stage.settings.kickoff_admins)
    with stage.runtime.session_factory() as session:
        data = gather_home(session=session, actor=actor,
                           kickoff_admins=stage.settings.kickoff_admins, now=at)
        view = build_home_view(data, sharing=REGISTRY.home_sharing())
    who = reader_of(slack_id) or Reader(OUTSIDER[1], HOME_ZONE, "in no program")
    printed = slack_id in PRINTED
    if printed or stage.story.full:
        stage.story.say(f"{who.name} ({role}) opens the Home tab ({len(view['blocks'])} "
                        "blocks):")
    stage.story.view(who, Shown(at=at, surface="home", where="App Home", what="Home tab",
                                blocks=view["blocks"]), printed=printed)
