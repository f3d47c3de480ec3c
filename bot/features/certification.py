"""Certify to Fly: certifications before and after the event, talk-track reviews, retakes, the
T-3 lists and the SpotCheck around day 100."""

from bot.domain.capabilities import Capability
from bot.domain.home import HomeSection
from bot.domain.kinds import DeliveryKind
from bot.domain.lifecycle import WHENEVER_RUNNING, Phase
from bot.features.spec import DeliverySpec, Feature, HomeShare
from bot.services.certification.copying import copy_program_certifications
from bot.services.certification.ledger_column import PERCENT_CERTIFIED
from db.models import (
    Certification,
    CertificationAttempt,
    CertificationRetake,
    CertificationReview,
    Role,
)
from handlers.listeners import certification
from scheduler.plans.certification import CertificationPlanner
from scheduler.plans.certification_readout import SpotCheckReadoutPlanner

ORGANISERS = frozenset({Role.ENABLEMENT, Role.ADMIN})
# A certification opens before the event (pre-event), after it, or at the SpotCheck (past the
# read-out): each of its sends lives wherever one of them may fall.
PRE_EVENT = frozenset({Phase.PRE_EVENT})
REINFORCING = frozenset({Phase.REINFORCING})

FEATURE = Feature(
    name="certification",
    home=HomeShare(HomeSection.CERTIFICATION),
    planners=(lambda _settings: CertificationPlanner(),
              lambda _settings: SpotCheckReadoutPlanner()),
    deliveries=(
        DeliverySpec(DeliveryKind.CERT_OPEN, "certification open", WHENEVER_RUNNING),
        DeliverySpec(DeliveryKind.CERT_REMINDER, "certification reminder", WHENEVER_RUNNING),
        DeliverySpec(DeliveryKind.CERT_REVIEW_REQUEST, "talk-track to review", WHENEVER_RUNNING),
        DeliverySpec(DeliveryKind.CERT_REVIEWED, "talk-track reviewed", WHENEVER_RUNNING),
        DeliverySpec(DeliveryKind.CERT_RETAKE, "certification retake", WHENEVER_RUNNING),
        DeliverySpec(DeliveryKind.CERT_MISSED, "certification missed items", WHENEVER_RUNNING),
        # The T-3 list is about the pre-event gate: after the kickoff it is moot.
        DeliverySpec(DeliveryKind.CERT_NOT_CERTIFIED, "not yet pre-certified", PRE_EVENT),
        # The SpotCheck comes around day 100, long after the read-out.
        DeliverySpec(DeliveryKind.SPOTCHECK_PROMPT, "SpotCheck prompt", REINFORCING),
        DeliverySpec(DeliveryKind.SPOTCHECK_READOUT, "SpotCheck read-out", REINFORCING),
    ),
    listeners=(certification.register,),
    help=(
        Capability(
            "kickoff-bot certification create PROGRAM --file cert.yml (shell)",
            "define a certification (questions, a talk-track, the pass rule, attempts); the App "
            "Home's \"Create a certification\" takes the same YAML",
            ORGANISERS, rank=85,
        ),
        Capability(
            "kickoff-bot certifications PROGRAM [--json|--csv] (shell)",
            "each rep's certification status and scores",
            ORGANISERS, rank=86,
        ),
    ),
    personal_data=(Certification.reviewer_id, Certification.created_by,
                   CertificationAttempt.person_id, CertificationRetake.person_id,
                   CertificationReview.rep_id, CertificationReview.reviewer_id),
    copy=(copy_program_certifications,),
    ledger=(PERCENT_CERTIFIED,),
)
