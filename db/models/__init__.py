"""Every model, importable from one place (Alembic's env.py relies on this)."""

from db.models.audit import AuditKind, AuditSnapshot
from db.models.availability import OutOfOffice
from db.models.certification import (
    AttemptStatus,
    Certification,
    CertificationAttempt,
    CertificationQuestion,
    CertificationRetake,
    CertificationReview,
    CertificationStage,
)
from db.models.coaching import CadenceType, Change, CoachingItem, Confirmation, LoggedStatus
from db.models.commitment import ManagerCommitment
from db.models.delivery import Delivery, DeliveryStatus, SendPace
from db.models.events import ProcessedEvent
from db.models.ledger import BreakEvenInput, Decision, DecisionRevision
from db.models.metrics import ApiToken, MetricSnapshot, MetricValue, ProgramMetric
from db.models.people import Person, Workspace
from db.models.plan import PlanContract, RepPlan
from db.models.program import Membership, MembershipRole, Program, ProgramStatus, Role
from db.models.standup import StandupAnswer, StandupTypedText
from db.models.survey import (
    Survey,
    SurveyAudience,
    SurveyItemAnswer,
    SurveyOutcome,
    SurveyParticipation,
    SurveyPendingAnswer,
    SurveyQuestion,
    SurveyTemplate,
)
from db.models.tiers import Calibration, CalibrationScore, RepTier, Tier

__all__ = [
    "ApiToken",
    "AttemptStatus",
    "AuditKind",
    "AuditSnapshot",
    "BreakEvenInput",
    "CadenceType",
    "Calibration",
    "CalibrationScore",
    "Certification",
    "CertificationAttempt",
    "CertificationQuestion",
    "CertificationRetake",
    "CertificationReview",
    "CertificationStage",
    "Change",
    "CoachingItem",
    "Confirmation",
    "Decision",
    "DecisionRevision",
    "Delivery",
    "DeliveryStatus",
    "LoggedStatus",
    "ManagerCommitment",
    "Membership",
    "MembershipRole",
    "MetricSnapshot",
    "MetricValue",
    "OutOfOffice",
    "Person",
    "PlanContract",
    "ProcessedEvent",
    "Program",
    "ProgramMetric",
    "ProgramStatus",
    "RepPlan",
    "RepTier",
    "Role",
    "SendPace",
    "StandupAnswer",
    "StandupTypedText",
    "Survey",
    "SurveyAudience",
    "SurveyItemAnswer",
    "SurveyOutcome",
    "SurveyParticipation",
    "SurveyPendingAnswer",
    "SurveyQuestion",
    "SurveyTemplate",
    "Tier",
    "Workspace",
]
