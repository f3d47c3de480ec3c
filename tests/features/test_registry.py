"""The feature registry: every delivery kind declared once and sendable somewhere, every column
holding a person declared by some feature, the help lines in one order."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Column

from bot.domain.home import HomeSection
from bot.domain.kinds import DeliveryKind
from bot.features.registry import REGISTRY
from bot.features.spec import HomeShare, Registry
from bot.services.ledger.carry import copy_break_even
from bot.services.metrics.copying import copy_metric_settings
from bot.services.outbox import Envelope
from bot.services.surveys.copying import copy_survey_templates
from bot.settings import Settings
from db.base import Base

SERVICES = Path(__file__).resolve().parents[2] / "bot" / "services"
AT = datetime(2027, 1, 12, 9, tzinfo=UTC)


def test_every_kind_is_declared_once_with_a_name_a_preview_and_a_phase() -> None:
    specs = [spec for feature in REGISTRY.features for spec in feature.deliveries]
    assert sorted(spec.kind for spec in specs) == sorted(DeliveryKind)  # each once, none missing
    for spec in specs:
        envelope = Envelope(key="k", kind=spec.kind, workspace_id=1, program_id=1, person_id=None,
                            channel="C1", text="t", blocks=None, due_at=AT, window_end=AT)
        assert spec.name.strip(), spec.kind
        assert REGISTRY.describe(envelope) == spec.name  # what `program preview` shows
        assert spec.phases, f"{spec.kind} is sent in no lifecycle phase"


def test_every_kind_has_a_planner_or_a_service_queueing_it(settings: Settings) -> None:
    planned = {kind for planner in REGISTRY.planners(settings) for kind in planner.kinds}
    service_code = "\n".join(path.read_text() for path in SERVICES.rglob("*.py"))
    for kind in DeliveryKind:
        assert kind in planned or f"DeliveryKind.{kind.name}" in service_code, kind


def test_every_column_referring_to_a_person_is_declared_by_a_feature() -> None:
    declared = {(column.class_.__tablename__, column.key) for column in REGISTRY.personal_data()}
    referring = {
        (table.name, column.name)
        for table in Base.metadata.tables.values()
        for column in table.columns
        if _refers_to_a_person(column)
    }
    assert referring, "no column refers to a person: the check looks at nothing"
    assert referring - declared == set()


def test_help_lines_have_one_order_across_features() -> None:
    ranks = [line.rank for line in REGISTRY.capabilities()]
    assert len(set(ranks)) == len(ranks)
    assert REGISTRY.capabilities()[0].usage == "/kickoff help"


def _refers_to_a_person(column: Column[object]) -> bool:
    return any(key.column.table.name == "person" for key in column.foreign_keys)


def test_every_app_home_section_belongs_to_exactly_one_feature() -> None:
    assert sorted(REGISTRY.home_sections()) == sorted(HomeSection)


def test_a_features_home_budget_reaches_the_home_builder() -> None:
    assert REGISTRY.home_sharing().caps == {}  # no feature asks for more or less than its share
    manager = next(f for f in REGISTRY.features if f.home and f.home.section is HomeSection.MANAGER)
    squeezed = Registry(tuple(
        replace(f, home=HomeShare(HomeSection.MANAGER, blocks=12)) if f is manager else f
        for f in REGISTRY.features
    ))
    sharing = squeezed.home_sharing()
    assert sharing.room(name=HomeSection.MANAGER, used=0, after=0) == 12
    assert sharing.room(name=HomeSection.REP, used=0, after=0) == 100


def test_a_copy_carries_each_features_settings_and_ledger_columns_are_distinct() -> None:
    hooks = REGISTRY.copy_hooks()
    assert {copy_metric_settings, copy_survey_templates, copy_break_even} <= set(hooks)
    assert len(hooks) == len(set(hooks))
    columns = REGISTRY.ledger_columns()
    assert len({column.name for column in columns}) == len(columns)
    assert len({column.rank for column in columns}) == len(columns)
    assert {"coaching_completion_percent", "enps"} <= {column.name for column in columns}
