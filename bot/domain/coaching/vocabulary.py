"""The words people read for cadence types, session lengths and rubric dimensions."""

from __future__ import annotations

from db.models import CadenceType
from db.models.coaching import RUBRIC_DIMENSIONS

CADENCE_NAMES = {
    CadenceType.ONE_ON_ONE: "1:1",
    CadenceType.CALL_REVIEW: "call review",
    CadenceType.TERRITORY_REVIEW: "territory review",
}
CADENCE_MINUTES = {
    CadenceType.ONE_ON_ONE: 45,
    CadenceType.CALL_REVIEW: 60,
    CadenceType.TERRITORY_REVIEW: 60,
}
CADENCE_AGENDAS = {
    CadenceType.ONE_ON_ONE: "15 min pipeline review + 30 min skill coaching on a recorded call.",
    CadenceType.CALL_REVIEW: (
        "The rep brings a won and a lost call; score one on the rubric and agree on one "
        "behaviour to change next week."
    ),
    CadenceType.TERRITORY_REVIEW: (
        "Account plans, multi-thread maps, competitive intel. Not a pipeline call."
    ),
}
DIMENSION_LABELS = dict(
    zip(
        RUBRIC_DIMENSIONS,
        ("Discovery", "Multi-threading", "Objection handling", "Next step", "Value articulation"),
        strict=True,
    )
)
