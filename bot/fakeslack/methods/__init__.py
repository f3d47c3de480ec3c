"""The Web API methods the fake serves, one module per family, and the table the server uses."""

from bot.fakeslack.methods.auth import auth_test, team_info
from bot.fakeslack.methods.chat import (
    MAX_TEXT,
    chat_delete,
    chat_post_ephemeral,
    chat_post_message,
    chat_update,
)
from bot.fakeslack.methods.checks import (
    MAX_MESSAGE_BLOCKS,
    TEXT_LIMITS,
    check_blocks,
    conversation,
    readable,
    user,
    writable,
)
from bot.fakeslack.methods.conversations import (
    conversations_history,
    conversations_info,
    conversations_members,
    conversations_open,
    conversations_replies,
    page_of_messages,
)
from bot.fakeslack.methods.objects import channel_object, message_object, user_object
from bot.fakeslack.methods.params import ApiError, Method, Params
from bot.fakeslack.methods.uploads import (
    files_complete_upload_external,
    files_get_upload_url_external,
)
from bot.fakeslack.methods.users import users_info, users_list, users_lookup_by_email
from bot.fakeslack.methods.views import (
    MAX_VIEW_BLOCKS,
    views_open,
    views_publish,
    views_push,
    views_update,
)

METHODS: dict[str, Method] = {
    "auth.test": auth_test,
    "team.info": team_info,
    "users.info": users_info,
    "users.lookupByEmail": users_lookup_by_email,
    "users.list": users_list,
    "conversations.open": conversations_open,
    "conversations.info": conversations_info,
    "conversations.members": conversations_members,
    "conversations.history": conversations_history,
    "conversations.replies": conversations_replies,
    "chat.postMessage": chat_post_message,
    "chat.update": chat_update,
    "chat.postEphemeral": chat_post_ephemeral,
    "chat.delete": chat_delete,
    "views.open": views_open,
    "views.push": views_push,
    "views.update": views_update,
    "views.publish": views_publish,
    "files.getUploadURLExternal": files_get_upload_url_external,
    "files.completeUploadExternal": files_complete_upload_external,
}

# Every public name of the single module this package replaced, so its imports keep working.
__all__ = [
    "MAX_MESSAGE_BLOCKS",
    "MAX_TEXT",
    "MAX_VIEW_BLOCKS",
    "METHODS",
    "TEXT_LIMITS",
    "ApiError",
    "Method",
    "Params",
    "auth_test",
    "channel_object",
    "chat_delete",
    "chat_post_ephemeral",
    "chat_post_message",
    "chat_update",
    "check_blocks",
    "conversation",
    "conversations_history",
    "conversations_info",
    "conversations_members",
    "conversations_open",
    "conversations_replies",
    "files_complete_upload_external",
    "files_get_upload_url_external",
    "message_object",
    "page_of_messages",
    "readable",
    "team_info",
    "user",
    "user_object",
    "users_info",
    "users_list",
    "users_lookup_by_email",
    "views_open",
    "views_publish",
    "views_push",
    "views_update",
    "writable",
]
