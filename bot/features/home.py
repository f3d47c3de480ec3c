"""The App Home: every role's section in one place."""

from bot.domain.capabilities import Capability
from bot.features.spec import Feature
from handlers.listeners import home

FEATURE = Feature(
    name="App Home",
    listeners=(home.register,),
    help=(
        Capability(
            "App Home (kickoff-bot's Home tab)",
            "everything for your roles in one place; admins set programs and rosters up there",
            rank=120,
        ),
    ),
)
