"""Listeners of buttons and other interactive elements."""

from bot.ids import ActionId
from handlers.actions.coaching_answer import handle_coaching_answer_action
from handlers.actions.coaching_log import handle_coaching_log_action
from handlers.actions.coaching_outcome import handle_coaching_outcome_action
from handlers.actions.home_audit import handle_home_audit_week_action
from handlers.actions.home_page import handle_home_page_action
from handlers.actions.home_survey_create import handle_home_survey_create_action
from handlers.actions.ooo_open import handle_ooo_open_action
from handlers.actions.program_move import MOVES, handle_program_move_action
from handlers.actions.program_open import handle_program_open_action
from handlers.actions.roster_open import handle_roster_open_action
from handlers.actions.send_test_open import handle_send_test_open_action
from handlers.actions.standup_day import handle_standup_day_action
from handlers.actions.standup_resolve import handle_standup_resolve_action
from handlers.actions.survey_answer import handle_survey_answer_action
from handlers.actions.survey_close import handle_survey_close_action
from handlers.errors import Listeners


def register(app: Listeners) -> None:
    """Register every action listener."""
    app.action(ActionId.COACHING_LOG.value)(handle_coaching_log_action)
    app.action(ActionId.COACHING_OUTCOME.value)(handle_coaching_outcome_action)
    app.action(ActionId.COACHING_CONFIRM.value)(handle_coaching_answer_action)
    app.action(ActionId.COACHING_DISPUTE.value)(handle_coaching_answer_action)
    app.action(ActionId.STANDUP_ANSWER.value)(handle_standup_day_action)
    app.action(ActionId.STANDUP_EDIT.value)(handle_standup_day_action)
    app.action(ActionId.STANDUP_OUT_TODAY.value)(handle_standup_day_action)
    app.action(ActionId.STANDUP_RESOLVE.value)(handle_standup_resolve_action)
    app.action(ActionId.SURVEY_ANSWER.value)(handle_survey_answer_action)
    app.action(ActionId.SURVEY_CLOSE.value)(handle_survey_close_action)
    register_home_actions(app)


def register_home_actions(app: Listeners) -> None:
    """The App Home's buttons: paging, set-up (programs, roster, tests) and out of office."""
    app.action(ActionId.HOME_PAGE.value)(handle_home_page_action)
    app.action(ActionId.HOME_PAGE_BACK.value)(handle_home_page_action)
    app.action(ActionId.HOME_SURVEY_CREATE.value)(handle_home_survey_create_action)
    app.action(ActionId.HOME_OOO.value)(handle_ooo_open_action)
    app.action(ActionId.HOME_AUDIT_WEEK.value)(handle_home_audit_week_action)
    app.action(ActionId.PROGRAM_CREATE.value)(handle_program_open_action)
    app.action(ActionId.PROGRAM_EDIT.value)(handle_program_open_action)
    for move in MOVES:
        app.action(move.value)(handle_program_move_action)
    app.action(ActionId.ROSTER_UPLOAD.value)(handle_roster_open_action)
    app.action(ActionId.ROSTER_SYNC.value)(handle_roster_open_action)
    app.action(ActionId.SEND_TEST.value)(handle_send_test_open_action)
