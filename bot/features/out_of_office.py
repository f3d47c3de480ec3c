"""Out of office: the days someone is away, when nothing is sent to them."""

from bot.domain.capabilities import Capability
from bot.features.spec import Feature
from db.models import OutOfOffice, Role
from handlers.listeners import out_of_office

FEATURE = Feature(
    name="out of office",
    listeners=(out_of_office.register,),
    help=(
        Capability(
            "/kickoff ooo [@rep] FROM TO",
            "days out of office (yours, a rep's you manage, anyone's for admins): nothing is sent",
            rank=110,
        ),
        Capability(
            "kickoff-bot ooo set | list | clear PERSON FROM TO (shell)",
            "mark the days someone is out of office: nothing is sent to them",
            frozenset({Role.ADMIN}), rank=130,
        ),
    ),
    personal_data=(OutOfOffice.person_id,),
)
