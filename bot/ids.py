"""Every Slack id the app registers or renders: command, action, block and callback ids."""

from enum import StrEnum

COMMAND = "/kickoff"


class ActionId(StrEnum):
    """action_id values of interactive elements."""

    STANDUP_ANSWER = "standup_answer"
    STANDUP_EDIT = "standup_edit"
    STANDUP_OUT_TODAY = "standup_out_today"
    STANDUP_RESOLVE = "standup_resolve_blocker"
    STANDUP_TEXT = "standup_text"  # the text input inside each standup modal field
    STANDUP_FOLLOW = "standup_follow"  # "Done?" about the last answered day's activity

    COACHING_LOG = "coaching_log"  # "Log" button: opens the log modal of one coaching item
    COMMITMENT_OPEN = "commitment_open"  # "Write my commitment": opens the manager's modal
    COACHING_OUTCOME = "coaching_outcome"  # held / rescheduled / skipped, inside the log modal
    COACHING_CONFIRM = "coaching_confirm"  # the rep confirms a logged session
    COACHING_DISPUTE = "coaching_dispute"  # the rep says it did not happen

    SURVEY_ANSWER = "survey_answer"  # "Answer anonymously" in an invitation: opens the modal
    SURVEY_CLOSE = "survey_close"  # "Close now" in `/kickoff survey status`
    SURVEY_INPUT = "survey_input"  # the element inside each survey modal input

    METRICS_REPORT = "metrics_report"  # "Report my numbers" in the weekly / pre-event DM
    METRICS_INPUT = "metrics_input"  # the element inside each metric's input of that modal
    METRICS_CONFIRM = "metrics_confirm"  # the manager confirms a rep's reported week
    METRICS_CORRECT = "metrics_correct"  # the manager opens the correction modal

    HOME_METRICS_REPS = "home_metrics_reps"  # App Home: a manager's reps' numbers (a modal)
    HOME_METRICS_SETTINGS = "home_metrics_settings"  # App Home: enablement's metric settings
    HOME_METRICS_UPLOAD = "home_metrics_upload"  # App Home: upload a CSV of metric values
    METRICS_FILE = "metrics_file"  # the file input of that modal (its block id too)
    METRICS_SETTING = "metrics_setting"  # the element inside each setting of that modal

    HOME_PAGE = "home_page"  # App Home: the next page of a long list (value: "program:page")
    HOME_PAGE_BACK = "home_page_back"  # ... and the previous one (ids are unique per block)
    HOME_SURVEY_CREATE = "home_survey_create"  # App Home: opens the survey create modal
    HOME_CERT_CREATE = "home_cert_create"  # App Home: opens the certification create modal
    CERT_START = "cert_start"  # "Start" in a certification DM or the home (value: its id)
    CERT_REVIEW = "cert_review"  # "Review" a talk-track (value: the attempt id)
    CERT_KEY = "cert_key"  # App Home: enablement's answers and missed items (value: its id)
    CERT_INPUT = "cert_input"  # the element inside each certification modal input
    HOME_OOO = "home_ooo"  # App Home: opens the out-of-office modal
    HOME_AUDIT_WEEK = "home_audit_week"  # App Home: this week's audit so far (value: program id)
    PROGRAM_CREATE = "program_create"  # opens the program modal, empty
    PROGRAM_EDIT = "program_edit"  # opens the program modal of one program (value: its id)
    PROGRAM_LAUNCH = "program_launch"  # value of the four below: the program id
    PROGRAM_PAUSE = "program_pause"
    PROGRAM_RESUME = "program_resume"
    PROGRAM_END = "program_end"
    ROSTER_UPLOAD = "roster_upload"  # opens the roster upload modal (value: program id)
    ROSTER_SYNC = "roster_sync"  # opens the channel sync modal (value: program id)
    SEND_TEST = "send_test"  # opens "send me a test" (value: program id)
    READOUT_DECIDE = "readout_decide"  # "Record a decision" in the read-out (value: program id)
    DECISION_INPUT = "decision_input"  # the element inside each input of the decision modal
    PROGRAM_COPY = "program_copy"  # App Home: opens "copy this program" (value: program id)
    PROGRAM_COPY_INPUT = "program_copy_input"  # the element inside each input of that modal
    HOME_CALIBRATION_START = "home_calibration_start"  # App Home: start one (value: program id)
    CALIBRATION_SCORE = "calibration_score"  # a manager opens the scoring modal (value: its id)

    PLAN_WRITE = "plan_write"  # opens the rep's plan modal, new or changed (value: program id)
    PLAN_COSIGN = "plan_cosign"  # the manager co-signs a rep's plan (value: plan id)
    PLAN_REVISE = "plan_revise"  # the manager opens "Ask to revise" (value: plan id)
    PLAN_VIEW = "plan_view"  # opens one plan, read only (value: plan id)


class CallbackId(StrEnum):
    """callback_id values of modals."""

    STANDUP_ANSWER = "standup_answer_modal"

    COACHING_LOG = "coaching_log"
    COMMITMENT = "commitment_modal"

    PLAN_FORM = "plan_form"
    PLAN_REVISE = "plan_revise"

    SURVEY_CREATE = "survey_create"
    SURVEY_ANSWER = "survey_answer_modal"

    CERT_CREATE = "cert_create_modal"
    CERT_ATTEMPT = "cert_attempt_modal"
    CERT_REVIEW = "cert_review_modal"

    METRICS_REPORT = "metrics_report_modal"
    METRICS_CORRECT = "metrics_correct_modal"
    METRICS_SETTINGS = "metrics_settings_modal"
    METRICS_UPLOAD = "metrics_upload_modal"

    PROGRAM_SETUP = "program_setup"
    ROSTER_UPLOAD = "roster_upload_modal"
    ROSTER_SYNC = "roster_sync_modal"
    OUT_OF_OFFICE = "out_of_office_modal"
    SEND_TEST = "send_test_modal"
    DECISION = "decision_modal"
    PROGRAM_COPY = "program_copy_modal"

    CALIBRATION_START = "calibration_start_modal"
    CALIBRATION_SCORE = "calibration_score_modal"


class BlockId(StrEnum):
    """block_id values that handlers read back (modal inputs)."""

    STANDUP_ACTIVITY = "standup_activity"
    STANDUP_WIN = "standup_win"
    STANDUP_BLOCKER = "standup_blocker"
    STANDUP_FOLLOW = "standup_follow"


class CoachingField(StrEnum):
    """block_id (and action_id) of each input of the coaching log modal; named after the
    CoachingItem column it fills, so validation errors point at the right input."""

    OUTCOME = "outcome"
    HELD_ON = "held_on"
    DURATION = "duration_minutes"
    PIPELINE_REVIEWED = "pipeline_reviewed"
    CALL_LINK = "call_link"
    NOTES = "notes"
    RESCHEDULED_TO = "rescheduled_to"
    SKIP_REASON = "skip_reason"
    WON_CALL_LINK = "won_call_link"
    LOST_CALL_LINK = "lost_call_link"
    SCORE_DISCOVERY = "score_discovery"
    SCORE_MULTI_THREADING = "score_multi_threading"
    SCORE_OBJECTION_HANDLING = "score_objection_handling"
    SCORE_NEXT_STEP = "score_next_step"
    SCORE_VALUE_ARTICULATION = "score_value_articulation"
    AGREED_BEHAVIOUR = "agreed_behaviour"
    BEHAVIOUR_CHANGED = "behaviour_changed"  # did the last agreed behaviour change?


class CommitmentField(StrEnum):
    """block_id (and action_id) of each input of the manager's commitment modal: one per cadence
    type (named "commit_" + its value), then the metric."""

    ONE_ON_ONE = "commit_one_on_one"
    CALL_REVIEW = "commit_call_review"
    TERRITORY_REVIEW = "commit_territory_review"
    METRIC = "commit_metric"


class CalibrationField(StrEnum):
    """block_id (and action_id) of the inputs of the calibration start modal (the scoring modal
    reuses the call review's score inputs, CoachingField.SCORE_*)."""

    CALL_LINK = "calibration_call_link"
    CLOSES_ON = "calibration_closes_on"


class PlanField(StrEnum):
    """block_id (and action_id) of each input of the plan modals; a refusal points at one."""

    GOAL = "goal"
    OBSTACLE_1 = "obstacle_1"
    OBSTACLE_2 = "obstacle_2"
    OBSTACLE_3 = "obstacle_3"
    FOCUS = "focus"
    COACHING_PLAN = "coaching_plan"
    AGREE = "agree"
    REVISE_REASON = "revise_reason"


class SurveyField(StrEnum):
    """block_id of each input of the survey modals; named after the field the services check,
    so a refusal points at the right input."""

    TITLE = "title"
    PROGRAM = "program"
    TEMPLATE = "template"
    AUDIENCE = "audience"
    QUESTION = "question"
    OPENS = "opens"
    CLOSES = "closes"
    CHANNEL = "channel"
    MINIMUM = "minimum"
    SCORE = "score"
    CHANGED = "changed"
    BROKEN = "broken"
    KILL = "kill"


class CertField(StrEnum):
    """block_id of the certification modals' inputs (the attempt's questions are q0, q1, ...)."""

    PROGRAM = "program"
    DEFINITION = "definition"
    RECORDING = "recording"
    VERDICT = "verdict"
    FEEDBACK = "feedback"


class ProgramField(StrEnum):
    """block_id (and action_id) of each input of the program modal; named after the ProgramSpec
    field it fills, so validation errors point at the right input."""

    NAME = "name"
    KICKOFF_DATE = "kickoff_date"
    EVENT_DAYS = "event_days"
    TIMEZONE = "timezone"
    STANDUP_CHANNEL = "standup_channel"
    AUDIT_CHANNEL = "audit_channel"
    WORKING_DAYS = "working_days"
    HOLIDAYS = "holidays"
    WORK_START = "work_start"
    WORK_END = "work_end"
    STANDUP_TIME = "standup_time"
    REMINDER_TIME = "reminder_time"
    STANDUP_DAYS = "standup_days"
    COACHING_DUE_WEEKDAY = "coaching_due_weekday"
    ONE_ON_ONE_TARGET = "one_on_one_target"
    BASELINE_COMPLETION = "baseline_completion"
    READOUT_DAY = "readout_day"


class SetupField(StrEnum):
    """block_id (and action_id) of the inputs of the roster, out-of-office and test modals."""

    ROSTER_FILE = "roster_file"
    SYNC_CHANNEL = "sync_channel"
    OOO_PERSON = "ooo_person"
    OOO_FIRST_DAY = "ooo_first_day"
    OOO_LAST_DAY = "ooo_last_day"
    TEST_KIND = "test_kind"


class DecisionField(StrEnum):
    """block_id values of the decision modal's inputs."""

    INTERVENTION = "decision_intervention"
    CUSTOM = "decision_custom"
    VERDICT = "decision_verdict"
    OWNER = "decision_owner"
    REASON = "decision_reason"
    CONFOUNDS = "decision_confounds"


class CopyField(StrEnum):
    """block_id values of the program copy modal's inputs."""

    NAME = "copy_name"
    KICKOFF_DATE = "copy_kickoff_date"
