"""The core's messages (app.messages) in the user's language: the one place they become words.

A ``Message`` is looked up in the translation context named by its code; its parameters are
said too (a message, a role, an action, a stored vocabulary word, a list). Plain text (already
translated, or data) is shown as it is. Without a translation the Chinese wording is shown,
so the Chinese UI reads exactly what ``str(message)`` reads.
"""

from datetime import date
from enum import Enum

from PySide6.QtCore import QCoreApplication

from app.domain.lifecycle import Action
from app.domain.roles import Role
from app.messages import Message
from ui.role_views import role_title
from ui.vocabulary import display


def say(text: str) -> str:
    """``text`` as the user reads it: a message translated, anything else unchanged."""
    if not isinstance(text, Message):
        return text
    template = QCoreApplication.translate(text.code, text.template)
    try:
        return template.format_map({name: _param(value) for name, value in text.params.items()})
    except (KeyError, IndexError, ValueError):  # a translation that lost a field: say it in Chinese
        return str(text)


def say_all(texts: list[str] | tuple[str, ...]) -> list[str]:
    return [say(text) for text in texts]


def action_name(action: Action) -> str:
    """An action's name (派单, 签收, …) in the UI's language."""
    return QCoreApplication.translate("Actions", action.value)


def _param(value: object) -> str:
    if isinstance(value, Message):
        return say(value)
    if isinstance(value, tuple | list):
        return QCoreApplication.translate("Messages", "、").join(_param(v) for v in value)
    if isinstance(value, Role):
        return role_title(value)
    if isinstance(value, Action):
        return action_name(value)
    if isinstance(value, Enum):
        return display(str(value.value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
