"""Listeners of modal submissions."""

from bot.ids import CallbackId
from handlers.errors import Listeners
from handlers.views.coaching_log import handle_coaching_log_submission
from handlers.views.ooo_set import handle_ooo_submission
from handlers.views.program_setup import handle_program_setup_submission
from handlers.views.roster_sync import handle_roster_sync_submission
from handlers.views.roster_upload import handle_roster_upload_submission
from handlers.views.send_test import handle_send_test_submission
from handlers.views.standup_answer import handle_standup_submission
from handlers.views.survey_answer import handle_survey_answer_submission
from handlers.views.survey_create import handle_survey_create_submission


def register(app: Listeners) -> None:
    """Register every view_submission listener."""
    app.view(CallbackId.COACHING_LOG.value)(handle_coaching_log_submission)
    app.view(CallbackId.STANDUP_ANSWER.value)(handle_standup_submission)
    app.view(CallbackId.SURVEY_ANSWER.value)(handle_survey_answer_submission)
    app.view(CallbackId.SURVEY_CREATE.value)(handle_survey_create_submission)
    app.view(CallbackId.PROGRAM_SETUP.value)(handle_program_setup_submission)
    app.view(CallbackId.ROSTER_UPLOAD.value)(handle_roster_upload_submission)
    app.view(CallbackId.ROSTER_SYNC.value)(handle_roster_sync_submission)
    app.view(CallbackId.OUT_OF_OFFICE.value)(handle_ooo_submission)
    app.view(CallbackId.SEND_TEST.value)(handle_send_test_submission)
