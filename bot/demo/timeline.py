"""The demo's simulated clock: jump from one due send to the next; every message the real
dispatcher sends is told once, in its reader's timeline, at the instant it was sent."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.blocks.render.page import Shown
from bot.clock import SystemClock
from bot.demo.story import Reader, Story
from bot.demo.world import channel_name, reader_of
from bot.domain.kinds import DeliveryKind
from bot.features.registry import REGISTRY
from db.models import Delivery, DeliveryStatus, Person
from scheduler.dispatcher import Dispatcher

# Planning looks two days ahead; waking at least this often keeps every day planned.
MAX_STEP = timedelta(hours=6)
NAMES = {kind.value: spec.name for kind, spec in REGISTRY.deliveries().items()}


class Timeline:
    """Advances simulated time, letting the real dispatcher send whatever falls due."""

    def __init__(
        self,
        *,
        dispatcher: Dispatcher,
        sessions: sessionmaker[Session],
        clock: SystemClock,
        story: Story,
        home_zone: str,
    ) -> None:
        self._clock = clock
        self.now = clock.now()
        self._dispatcher = dispatcher
        self._sessions = sessions
        self._home_zone = home_zone
        self.story = story
        self._told: set[int] = set()

    def advance_to(self, until: datetime) -> None:
        """Tick at every due send up to `until`, telling each message as its reader sees it."""
        while True:
            self.tick(self.now)
            following = self._next_due(self.now)
            step = min(following or until, self.now + MAX_STEP, until)
            if step <= self.now:
                return
            self.now = step

    def tick(self, now: datetime) -> None:
        """Move the demo's clock to `now`, send what is due and tell it."""
        self.now = now
        self._clock.move_to(now)
        self._dispatcher.tick(now=now)
        self.tell_new_messages()

    def tell_new_messages(self) -> None:
        """Tell every message sent since the last call (file uploads are not messages: the audit
        shows its chart). Messages due at one instant go out from parallel senders in any order;
        they are told by reader, each one's in the order queued, so every run reads the same."""
        with self._sessions() as session:
            rows = session.execute(
                select(Delivery, Person.slack_user_id, Person.dm_channel_id)
                .outerjoin(Person, Person.id == Delivery.person_id)
                .where(Delivery.status == DeliveryStatus.SENT,
                       Delivery.kind != DeliveryKind.AUDIT_FILES)
            ).all()
        new = [(row, self._reader(row, slack_id, dm_channel))
               for row, slack_id, dm_channel in rows if row.id not in self._told]
        for row, reader in sorted(new, key=lambda item: (item[0].due_at, item[1].name,
                                                          item[0].id)):
            self._told.add(row.id)
            self._tell(row, reader)

    def _reader(self, row: Delivery, slack_id: str | None, dm_channel: str | None) -> Reader:
        """The person whose DM it is, or the channel."""
        person = reader_of(slack_id) if slack_id and row.channel in (slack_id, dm_channel) \
            else None
        return person or Reader(f"#{channel_name(row.channel)}", self._home_zone, "channel")

    def _tell(self, row: Delivery, reader: Reader) -> None:
        where = reader.name if reader.about == "channel" else "DM"
        if row.update_key:
            where += ", the earlier message updated"
        elif row.thread_key:
            where += ", in the thread"
        shown = Shown(at=self.now, surface="message", where=where,
                      what=NAMES.get(row.kind, row.kind), blocks=row.blocks or [], text=row.text)
        self.story.message(reader, shown, key=row.key, edits=row.update_key)

    def _next_due(self, after: datetime) -> datetime | None:
        with self._sessions() as session:
            return session.scalar(
                select(func.min(Delivery.due_at)).where(
                    Delivery.status == DeliveryStatus.PLANNED, Delivery.due_at > after
                )
            )

