"""The surveys' listeners: creating one, answering, closing early."""

from bot.ids import ActionId, CallbackId
from handlers.actions.home_survey_create import handle_home_survey_create_action
from handlers.actions.survey_answer import handle_survey_answer_action
from handlers.actions.survey_close import handle_survey_close_action
from handlers.errors import Listeners
from handlers.views.survey_answer import handle_survey_answer_submission
from handlers.views.survey_create import handle_survey_create_submission


def register(app: Listeners) -> None:
    """Register the survey listeners."""
    app.action(ActionId.SURVEY_ANSWER.value)(handle_survey_answer_action)
    app.action(ActionId.SURVEY_CLOSE.value)(handle_survey_close_action)
    app.action(ActionId.HOME_SURVEY_CREATE.value)(handle_home_survey_create_action)
    app.view(CallbackId.SURVEY_ANSWER.value)(handle_survey_answer_submission)
    app.view(CallbackId.SURVEY_CREATE.value)(handle_survey_create_submission)
