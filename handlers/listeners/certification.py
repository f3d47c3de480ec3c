"""The certifications' listeners: create, take an attempt, review a talk-track, read the key."""

from bot.ids import ActionId, CallbackId
from handlers.actions.cert_home import handle_cert_key_action, handle_home_cert_create_action
from handlers.actions.cert_review import handle_cert_review_action
from handlers.actions.cert_start import handle_cert_start_action
from handlers.errors import Listeners
from handlers.views.cert_attempt import handle_cert_attempt_submission
from handlers.views.cert_create import handle_cert_create_submission
from handlers.views.cert_review import handle_cert_review_submission


def register(app: Listeners) -> None:
    """Register the certification listeners."""
    app.action(ActionId.HOME_CERT_CREATE.value)(handle_home_cert_create_action)
    app.action(ActionId.CERT_START.value)(handle_cert_start_action)
    app.action(ActionId.CERT_REVIEW.value)(handle_cert_review_action)
    app.action(ActionId.CERT_KEY.value)(handle_cert_key_action)
    app.view(CallbackId.CERT_CREATE.value)(handle_cert_create_submission)
    app.view(CallbackId.CERT_ATTEMPT.value)(handle_cert_attempt_submission)
    app.view(CallbackId.CERT_REVIEW.value)(handle_cert_review_submission)
