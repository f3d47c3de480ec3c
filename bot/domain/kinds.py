"""Every kind of message the outbox sends, in one enum (the `kind` column of a delivery).

Which feature owns a kind, its human name, how `program preview` shows it and the lifecycle phases
it may be sent in are declared once, in the feature registry (`bot/features`).
"""

from __future__ import annotations

from enum import StrEnum


class DeliveryKind(StrEnum):
    """The outbox kinds; the values are stored, so never change one."""

    WELCOME = "welcome"
    STANDUP_PROMPT = "standup_prompt"
    STANDUP_REMINDER = "standup_reminder"
    STANDUP_THREAD = "standup_thread"
    STANDUP_REPLY = "standup_reply"
    STANDUP_COUNT = "standup_count"
    STANDUP_BLOCKER = "standup_blocker"
    STANDUP_BLOCKER_RESOLVED = "standup_blocker_resolved"
    COACHING_DIGEST = "coaching_digest"
    COACHING_RECEIPT = "coaching_receipt"
    COACHING_DISPUTE = "coaching_dispute"
    SURVEY_INVITE = "survey_invite"
    SURVEY_REMINDER = "survey_reminder"
    SURVEY_RESULTS = "survey_results"
    AUDIT_WEEKLY = "audit_weekly"
    AUDIT_READOUT = "audit_readout"
    METRICS_PROMPT = "metrics_prompt"  # "This week's numbers", last working day of weeks 1-4
    METRICS_REMINDER = "metrics_reminder"
    METRICS_PRE_EVENT = "metrics_pre_event"  # T-7: "a typical week before the kickoff"
    METRICS_REVIEW = "metrics_review"  # a rep's reported week, to their manager
    METRICS_REMEASURE = "metrics_remeasure"  # day 100: baseline vs week 4 vs now
    AUDIT_FILES = "audit_files"  # the chart and CSV uploaded before the weekly post
    DECISION_REPLY = "decision_reply"  # a decision on the read-out, in its thread
    CALIBRATION_REQUEST = "calibration_request"  # a manager asked to score a recorded call
    CERT_OPEN = "cert_open"  # a certification (or a retake, a SpotCheck) is open: Start
    CERT_REMINDER = "cert_reminder"  # two days before its due day, to who has not passed
    CERT_REVIEW_REQUEST = "cert_review_request"  # a talk-track to review, to its reviewer
    CERT_REVIEWED = "cert_reviewed"  # the review's outcome and feedback, to the rep
    CERT_RETAKE = "cert_retake"  # a rep back in the cycle, to their manager
    CERT_MISSED = "cert_missed"  # the missed items, to the manager once the window closed
    CERT_NOT_CERTIFIED = "cert_not_certified"  # T-3: who is not pre-certified yet
    SPOTCHECK_PROMPT = "spotcheck_prompt"  # day 100: deliver the message again, submit a link
    SPOTCHECK_READOUT = "spotcheck_readout"  # at its close: still executing vs certified
    PLAN_INVITE = "plan_invite"  # the breakout: "write and sign your plan"
    PLAN_REVIEW = "plan_review"  # a rep's signed plan, to their manager to co-sign
    PLAN_REVISE = "plan_revise"  # the manager's "please revise", to the rep
    PLAN_NUDGE = "plan_nudge"  # one working day later, to a manager who has not answered
    PLAN_REMINDER = "plan_reminder"  # the one reminder, to whoever has not signed
    COMMITMENT_PROMPT = "commitment_prompt"  # the manager's commitment, at the event's close


# Only kickoff-bot's own kinds are the lifecycle table's business (tests plan kinds of their own).
OWN_KINDS = frozenset(kind.value for kind in DeliveryKind)
