"""The shell's one way to read and print times: in the program's time zone, or at the offset given.

Every time option (`--at`, `--since`, `--until`, `--opens`, `--closes`) is read here, so a time
typed without an offset means the same wall-clock time in every command: the program's.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain.local_time import zone
from bot.errors import InvalidInput

FORMS = "2027-03-13, 2027-03-13T09:00 (the program's time zone) or 2027-03-13T09:00+05:30"
ZONE_HELP = "in the program's time zone unless an offset is given, e.g. 2027-03-13T09:00+05:30"


def read_time(text: str, *, option: str, tz: str | None) -> datetime:
    """The UTC instant `text` names: without an offset, a wall-clock time in `tz`.

    `tz` is None where no program says the zone (a delivery of no program): an offset is needed.
    """
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{option}: {text!r} is not a time like {FORMS}") from None
    if when.tzinfo is None:
        if tz is None:
            raise InvalidInput(f"{option}: {text!r} needs an offset here (no one program's time "
                               f"zone applies), e.g. {text.strip()}+00:00")
        when = when.replace(tzinfo=zone(tz))
    return when.astimezone(UTC)


def shown(instant: datetime, tz: str) -> str:
    """`instant` as the shell prints it: wall-clock time in `tz`, the zone named."""
    return f"{instant.astimezone(zone(tz)):%Y-%m-%d %H:%M} {tz}"
