"""What a feature declares to plug into kickoff-bot, and the Registry that reads declarations.

A feature lists, in one `Feature`: the planners that schedule its messages, each delivery kind it
sends (human name, how `program preview` shows it, the lifecycle phases it may go out in), the
listeners it adds to the Slack app, its `/kickoff help` lines, the columns where it stores
something about a person (so that erasing a person can cover every feature), what a program copy
carries of it (`copy`: its own program-level settings) and the figures it adds to the ROI ledger.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import InstrumentedAttribute

from bot.domain.block_budget import Sharing, Surface
from bot.domain.capabilities import Capability
from bot.domain.home import HomeSection
from bot.domain.kinds import DeliveryKind
from bot.domain.lifecycle import Phase
from bot.services.ledger.columns import LedgerColumn
from bot.services.ledger.copy import CopyHook
from bot.services.outbox import Envelope
from bot.services.planner import Planner
from bot.settings import Settings
from handlers.errors import Listeners

Preview = Callable[[Envelope], str]  # one planned send as `program preview` lists it
PlannerFactory = Callable[[Settings], Planner]  # some planners need a setting (a survey's key)
Register = Callable[[Listeners], None]  # adds a feature's listeners to the app


def by_name(name: str) -> Preview:
    """A preview showing the kind's human name (every kind's, unless it declares another)."""

    def preview(_envelope: Envelope) -> str:
        return name

    return preview


@dataclass(frozen=True)
class DeliverySpec:
    """One kind of message a feature sends, and when it may be sent."""

    kind: DeliveryKind
    name: str  # what people call it: "standup prompt"
    phases: frozenset[Phase]  # the lifecycle phases in which the dispatcher sends it
    preview: Preview | None = None  # None: by_name(name)

    def render_preview(self, envelope: Envelope) -> str:
        """How `program preview` lists one planned send of this kind."""
        return (self.preview or by_name(self.name))(envelope)


@dataclass(frozen=True)
class Feature:
    """Everything one feature plugs in, declared in one place."""

    name: str
    planners: Sequence[PlannerFactory] = ()
    deliveries: Sequence[DeliverySpec] = ()
    listeners: Sequence[Register] = ()
    help: Sequence[Capability] = ()
    # Columns naming a person (a person id, or a Slack user id): erasing someone visits each.
    personal_data: Sequence[InstrumentedAttribute[Any]] = ()
    home: HomeShare | None = None  # the App Home section the feature fills, and its budget
    # What `program copy` carries of this feature: each hook copies its program-level settings
    # (never what people answered, planned or scored) from the source onto the new draft.
    copy: Sequence[CopyHook] = ()
    ledger: Sequence[LedgerColumn] = ()  # the read-out figures it adds to `kickoff-bot ledger`


@dataclass(frozen=True)
class HomeShare:
    """A feature's App Home section and, if it needs one, its own cap on the home's blocks
    (None: the even share every section gets, bot/domain/block_budget.py)."""

    section: HomeSection
    blocks: int | None = None


@dataclass(frozen=True)
class Registry:
    """Every feature, in order: planners run in this order (a later one may read an earlier
    one's records), listeners are registered in it."""

    features: tuple[Feature, ...]

    def planners(self, settings: Settings) -> list[Planner]:
        """A fresh planner of every feature, for a dispatcher or a preview."""
        return [make(settings) for feature in self.features for make in feature.planners]

    def register_listeners(self, app: Listeners) -> None:
        """Add every feature's listeners to the app."""
        for feature in self.features:
            for register in feature.listeners:
                register(app)

    def capabilities(self) -> list[Capability]:
        """Every feature's `/kickoff help` lines, by rank."""
        lines = (line for feature in self.features for line in feature.help)
        return sorted(lines, key=lambda line: line.rank)

    def deliveries(self) -> dict[DeliveryKind, DeliverySpec]:
        """Every delivery kind declared, with its declaration."""
        return {spec.kind: spec for spec in self._specs()}

    def describe(self, envelope: Envelope) -> str:
        """How `program preview` lists a planned send (a kind nobody declared: as stored)."""
        spec = next((spec for spec in self._specs() if spec.kind == envelope.kind), None)
        return spec.render_preview(envelope) if spec else envelope.kind

    def send_table(self) -> dict[Phase, frozenset[str]]:
        """The lifecycle table: which delivery kinds the dispatcher sends in each phase."""
        return {phase: frozenset(spec.kind.value for spec in self._specs()
                                 if phase in spec.phases)
                for phase in Phase}

    def home_sharing(self) -> Sharing:
        """How the App Home's blocks are shared between the features' sections."""
        caps = {feature.home.section.value: feature.home.blocks for feature in self.features
                if feature.home is not None and feature.home.blocks is not None}
        return Sharing(Surface.HOME, caps=caps)

    def home_sections(self) -> list[HomeSection]:
        """The App Home sections the features declare."""
        return [feature.home.section for feature in self.features if feature.home is not None]

    def copy_hooks(self) -> list[CopyHook]:
        """What a program copy carries, every feature's share, in order."""
        return [hook for feature in self.features for hook in feature.copy]

    def ledger_columns(self) -> list[LedgerColumn]:
        """Every feature's ledger figures (the ledger orders them by rank)."""
        return [column for feature in self.features for column in feature.ledger]

    def personal_data(self) -> list[InstrumentedAttribute[Any]]:
        """Every column where some feature stores something about a person."""
        return [column for feature in self.features for column in feature.personal_data]

    def _specs(self) -> Iterator[DeliverySpec]:
        for feature in self.features:
            yield from feature.deliveries
