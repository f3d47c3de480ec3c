"""Anonymous surveys (eNPS, gap, own questions): invitations, a reminder, and the results once
enough answered."""

from bot.domain.capabilities import Capability
from bot.domain.home import HomeSection
from bot.domain.kinds import DeliveryKind
from bot.domain.lifecycle import WHENEVER_RUNNING
from bot.features.spec import DeliverySpec, Feature, HomeShare
from bot.services.surveys.copying import copy_survey_templates
from db.models import Role, Survey, SurveyParticipation
from handlers.listeners import surveys
from scheduler.plans.surveys import SurveyPlanner

ORGANISERS = frozenset({Role.ENABLEMENT, Role.ADMIN})

FEATURE = Feature(
    name="surveys",
    home=HomeShare(HomeSection.ENABLEMENT),
    planners=(SurveyPlanner,),
    deliveries=(
        # Enablement may survey before the kickoff (a baseline) and after the read-out.
        DeliverySpec(DeliveryKind.SURVEY_INVITE, "survey invitation", WHENEVER_RUNNING),
        DeliverySpec(DeliveryKind.SURVEY_REMINDER, "survey reminder", WHENEVER_RUNNING),
        DeliverySpec(DeliveryKind.SURVEY_RESULTS, "survey results", WHENEVER_RUNNING),
    ),
    listeners=(surveys.register,),
    help=(
        Capability(
            "/kickoff survey",
            "create an anonymous survey (eNPS, the gap survey or your own questions): who is "
            "asked, when it opens and closes, the minimum",
            ORGANISERS, rank=60,
        ),
        Capability(
            "/kickoff survey status",
            "how many people answered each survey (never who), and close one early",
            ORGANISERS, rank=70,
        ),
        Capability(
            "kickoff-bot survey create | gap | list | results ID [--json] (shell)",
            "surveys from the shell; results only once the minimum of responses was reached",
            frozenset({Role.ADMIN, Role.ENABLEMENT}), rank=80,
        ),
    ),
    # Answers are stored apart from who answered (no person in them): only participation is.
    personal_data=(Survey.created_by, Survey.reminder_audience, SurveyParticipation.person_id),
    copy=(copy_survey_templates,),  # templates only: no answer, participation or outcome
)
