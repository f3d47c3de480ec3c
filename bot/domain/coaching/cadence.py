"""The default coaching cadence: which program weeks hold which kind of session, and the hour
managers get their digest of what is due."""

from __future__ import annotations

from datetime import time

from db.models import CadenceType

# The coaching digest reaches each manager at this hour of their own day (inside every program's
# working window: ProgramSpec checks it).
DIGEST_TIME = time(9, 0)

# The default cadence: a 1:1 in weeks 2-4, call reviews in weeks 2 and 4, a territory review in 3.
CADENCE_WEEKS: dict[CadenceType, tuple[int, ...]] = {
    CadenceType.ONE_ON_ONE: (2, 3, 4),
    CadenceType.CALL_REVIEW: (2, 4),
    CadenceType.TERRITORY_REVIEW: (3,),
}
# The order people read cadence types in: the weekly 1:1 first.
CADENCE_ORDER = tuple(CADENCE_WEEKS)
