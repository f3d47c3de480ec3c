"""Every model, importable from one place (Alembic's env.py relies on this)."""

from db.models.audit import AuditKind, AuditSnapshot
from db.models.availability import OutOfOffice
from db.models.coaching import CadenceType, Change, CoachingItem, Confirmation, LoggedStatus
from db.models.commitment import ManagerCommitment
from db.models.delivery import Delivery, DeliveryStatus, SendPace
from db.models.events import ProcessedEvent
from db.models.metrics import ApiToken, MetricSnapshot, MetricValue, ProgramMetric
from db.models.people import Person, Workspace
from db.models.program import Membership, MembershipRole, Program, ProgramStatus, Role
from db.models.standup import StandupAnswer, StandupTypedText
from db.models.survey import (
    Survey,
    SurveyAnswer,
    SurveyAudience,
    SurveyItemAnswer,
    SurveyOutcome,
    SurveyParticipation,
    SurveyPendingAnswer,
    SurveyQuestion,
    SurveyTemplate,
)

__all__ = [
    "ApiToken",
    "AuditKind",
    "AuditSnapshot",
    "CadenceType",
    "Change",
    "CoachingItem",
    "Confirmation",
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
    "ProcessedEvent",
    "Program",
    "ProgramMetric",
    "ProgramStatus",
    "Role",
    "SendPace",
    "StandupAnswer",
    "StandupTypedText",
    "Survey",
    "SurveyAnswer",
    "SurveyAudience",
    "SurveyItemAnswer",
    "SurveyOutcome",
    "SurveyParticipation",
    "SurveyPendingAnswer",
    "SurveyQuestion",
    "SurveyTemplate",
    "Workspace",
]
