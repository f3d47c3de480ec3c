"""What the App Home shows, per section of the viewer's roles (gathered by bot.services.home,
built into blocks by bot/blocks/home/)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from bot.domain.audit.numbers import WeekNumbers
from bot.domain.certification.home import CertificationHome
from bot.domain.coaching.status import CadenceCounts
from bot.domain.commitments import CommitmentForm
from bot.domain.deliveries import DeliveryPage
from bot.domain.follow_through import FollowCounts
from bot.domain.metrics.home import MetricsHome
from bot.domain.standups.days import StandupDay
from bot.domain.standups.participation import Counts
from bot.domain.surveys.overview import SurveyOverview
from bot.domain.tiers.home import CalibrationHome
from db.models import (
    CadenceType,
    CoachingItem,
    Membership,
    Person,
    Program,
    ProgramStatus,
    RepPlan,
    Role,
    Survey,
)


class HomeSection(StrEnum):
    """The App Home's sections, in the order they show; each is one feature's (bot/features)."""

    REP = "rep"
    MANAGER = "manager"
    ENABLEMENT = "enablement"
    LEADER = "leader"
    METRICS = "behaviour"
    CALIBRATION = "calibration"
    CERTIFICATION = "certification"
    ADMIN = "admin"

# Programs whose people see their part of the home (an ended program is only the admins').
LIVE = frozenset({ProgramStatus.DRAFT, ProgramStatus.ACTIVE, ProgramStatus.PAUSED})


@dataclass(frozen=True)
class Viewer:
    """The viewer as the home sees them."""

    slack_user_id: str
    workspace_id: int | None
    person: Person | None
    memberships: list[Membership]
    is_kickoff_admin: bool

    def holding(self, role: Role) -> list[Membership]:
        """Memberships in live programs in which the viewer holds `role`."""
        return [m for m in self.memberships if role in m.roles and m.program.status in LIVE]

    @property
    def roles(self) -> frozenset[Role]:
        """Every role held in a live program, plus admin for kickoff admins."""
        held = {role for m in self.memberships if m.program.status in LIVE for role in m.roles}
        return frozenset(held | ({Role.ADMIN} if self.is_kickoff_admin else set()))


@dataclass(frozen=True)
class StandupToday:
    """Today's standup day of the rep, and what they did with it so far."""

    day: StandupDay
    answered: bool
    out_today: bool


@dataclass(frozen=True)
class Review:
    """One call review held with the rep: its week, date and the five rubric scores."""

    week: int
    held_on: date | None
    scores: dict[str, int]


@dataclass(frozen=True)
class RepView:
    """Everything the rep section shows about one program."""

    member: Membership
    standup: StandupToday | None
    next_standup: str | None
    coaching: list[CoachingItem]
    reviews: list[Review]
    agreed_behaviour: str | None
    plan: RepPlan | None = None  # the rep's current plan (bot/services/plans)
    # Every behaviour agreed (oldest first), whether they changed, and the standup activities done.
    behaviours: tuple[str, ...] = ()
    behaviour_follow: FollowCounts = field(default_factory=FollowCounts)
    standup_follow: FollowCounts = field(default_factory=FollowCounts)


@dataclass(frozen=True)
class OpenBlocker:
    """A blocker a rep raised in a standup that nobody has resolved yet."""

    answer_id: int
    rep_name: str
    day_number: int
    text: str


@dataclass(frozen=True)
class ManagerView:
    """Everything the manager section shows about one program."""

    member: Membership
    reps: int
    to_log: list[CoachingItem]  # due this week or overdue, not logged; overdue first
    overdue: int
    standups: Counts
    blockers: list[OpenBlocker]
    more_blockers: int
    commitment: CommitmentForm | None = None  # None: not a manager coaching reps here


@dataclass(frozen=True)
class ProgramGlance:
    """One program's participation so far."""

    program: Program
    members: int
    standups: Counts | None  # None: fewer reps than the program's smallest group
    # Each cadence's sessions due before today, apart: a 1:1 rate and a call-review rate are
    # measured against different yardsticks, so one sum of them would mean nothing.
    coaching: dict[CadenceType, CadenceCounts]


@dataclass(frozen=True)
class EnablementView:
    """The surveys enablement runs, and a glance at each of their programs."""

    surveys: list[SurveyOverview]
    glances: list[ProgramGlance]


@dataclass(frozen=True)
class LeaderView:
    """The program and its latest weekly audit (None before the first one)."""

    member: Membership
    latest: WeekNumbers | None


@dataclass(frozen=True)
class ProgramRow:
    """A program the admin runs, with its active members per role."""

    program: Program
    members: dict[Role, int]


@dataclass(frozen=True)
class AdminView:
    """The admin's programs (newest kickoff first) and recent delivery failures."""

    programs: list[ProgramRow]
    failures: DeliveryPage


@dataclass(frozen=True)
class HomeData:
    """Everything the home shows; a section is empty or None when the viewer lacks its role."""

    viewer: Viewer
    now: datetime
    surveys: list[Survey]
    reps: list[RepView]
    managers: list[ManagerView]
    enablement: EnablementView | None
    leaders: list[LeaderView]
    admin: AdminView | None
    kickoff_admins: tuple[str, ...]  # whom someone in no program may ask
    metrics: tuple[MetricsHome, ...] = ()  # behaviour metrics, per program
    calibration: tuple[CalibrationHome, ...] = ()  # rubric calibrations, per program
    certifications: tuple[CertificationHome, ...] = ()  # per program
