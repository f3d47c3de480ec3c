"""The core every feature stands on: people, `/kickoff help` and status, the outbox."""

from bot.domain.capabilities import Capability
from bot.features.spec import Feature
from db.models import Delivery, Membership, Person, Role
from handlers.listeners import core

FEATURE = Feature(
    name="core",
    listeners=(core.register,),
    help=(
        Capability("/kickoff help", "what you can do with kickoff-bot", rank=10),
        Capability("/kickoff status", "your programs and your roles in them", rank=20),
        Capability(
            "kickoff-bot deliveries [retry ID] (shell)",
            "what was sent, failed or expired; send a failed message again",
            frozenset({Role.ADMIN}), rank=150,
        ),
    ),
    personal_data=(
        Person.slack_user_id, Person.name, Person.email, Person.timezone, Person.dm_channel_id,
        Membership.person_id, Membership.manager_id, Delivery.person_id, Delivery.channel,
        # A message's copy names its recipient or its subject, and may quote their words.
        Delivery.key, Delivery.thread_key, Delivery.update_key, Delivery.after_key,
        Delivery.text, Delivery.blocks,
    ),
)
