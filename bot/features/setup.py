"""Program set-up: programs, rosters, the preview of what a program sends, "send me a test"."""

from bot.domain.capabilities import Capability
from bot.domain.home import HomeSection
from bot.features.spec import Feature, HomeShare
from db.models import Role
from handlers.listeners import setup

ADMIN = frozenset({Role.ADMIN})

FEATURE = Feature(
    name="program setup",
    home=HomeShare(HomeSection.ADMIN),
    listeners=(setup.register,),
    help=(
        Capability(
            "kickoff-bot program create | edit | launch (shell)",
            "set up a program: kickoff date, channels, working days, holidays, times",
            ADMIN, rank=90,
        ),
        Capability(
            "kickoff-bot roster import PROGRAM FILE.csv (shell)",
            "load reps, managers, enablement and leaders with their managers",
            ADMIN, rank=100,
        ),
        Capability(
            "kickoff-bot program preview PROGRAM (shell)",
            "every message the program will send, per person, in their local time",
            frozenset({Role.ADMIN, Role.ENABLEMENT}), rank=140,
        ),
    ),
)
