"""The demo's simulated clock: jump from one due send to the next, printing what people receive."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import SystemClock
from bot.demo.transcript import render_message
from bot.demo.world import PEOPLE, DemoPerson, channel_name
from bot.domain.local_time import zone
from bot.fakeslack import FakeSlack
from db.models import Delivery, DeliveryStatus
from scheduler.dispatcher import Dispatcher

# Planning looks two days ahead; waking at least this often keeps every day planned.
MAX_STEP = timedelta(hours=6)
SENDING = ("chat.postMessage", "chat.update")


class Timeline:
    """Advances simulated time, letting the real dispatcher send whatever falls due."""

    def __init__(
        self,
        *,
        fake: FakeSlack,
        dispatcher: Dispatcher,
        sessions: sessionmaker[Session],
        clock: SystemClock,
        home_zone: str,
        kickoff: date,
    ) -> None:
        self._clock = clock
        self.now = clock.now()
        self._kickoff = kickoff
        self._fake = fake
        self._dispatcher = dispatcher
        self._sessions = sessions
        self._home_zone = home_zone
        self._seen = 0
        self._day: str | None = None

    def advance_to(self, until: datetime) -> None:
        """Tick at every due send up to `until`, printing each message as its recipient sees it."""
        while True:
            self.tick(self.now)
            following = self._next_due(self.now)
            step = min(following or until, self.now + MAX_STEP, until)
            if step <= self.now:
                return
            self.now = step

    def tick(self, now: datetime) -> None:
        """Move the demo's clock to `now`, send what is due and print it."""
        self.now = now
        self._clock.move_to(now)
        self._dispatcher.tick(now=now)
        self.print_new_messages()

    def print_new_messages(self) -> None:
        """Print every message the bot posted or edited since the last call.

        Messages to different people at one instant go out from parallel senders in any order; they
        are printed by recipient (each one's own in the order sent), so every run reads the same.
        """
        calls = [call for call in self._fake.calls if call.method in SENDING]
        new = calls[self._seen :]
        for call in sorted(new, key=lambda call: self._recipient(call.params)):
            self._print(call.method, call.params)
        self._seen = len(calls)

    def _recipient(self, params: dict[str, Any]) -> str:
        channel = str(params.get("channel", ""))
        person = self._person(channel)
        return person.name if person else f"#{channel_name(channel)}"

    def _person(self, channel: str) -> DemoPerson | None:
        return next(
            (p for p in PEOPLE if channel in (p.slack_id, self._fake.dm_channel(p.slack_id))), None
        )

    def _print(self, method: str, params: dict[str, Any]) -> None:
        channel = str(params.get("channel", ""))
        person = self._person(channel)
        local = self.now.astimezone(zone(person.tz if person else self._home_zone))
        today = self.now.astimezone(zone(self._home_zone)).date()
        day = f"T+{(today - self._kickoff).days} · {today:%a %d %b %Y} in New York"
        if day != self._day:
            print(f"\n  --- {day} ---")
            self._day = day
        where = f"DM to {person.name}" if person else f"#{channel_name(channel)}"
        if method == "chat.update":
            where += " (updated)"
        elif params.get("thread_ts"):
            where += " (thread reply)"
        print(f"  {local:%H:%M} {local.tzname():<5} {where}:")
        for line in render_message(params, indent="      "):
            print(line)

    def _next_due(self, after: datetime) -> datetime | None:
        with self._sessions() as session:
            return session.scalar(
                select(func.min(Delivery.due_at)).where(
                    Delivery.status == DeliveryStatus.PLANNED, Delivery.due_at > after
                )
            )
