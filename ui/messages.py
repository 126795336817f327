"""The core's messages (app.messages) in the user's language: the one place they become words.

A ``Message`` is looked up in the translation context named by its code; its parameters are
said too (a message, a role, an action, a stored vocabulary word, a list). Plain text that reads
as one of the core's messages (a reason kept in the store, or sent by the center, which has the
same definitions) is recognised and said the same way. Other text (already translated, or data)
is shown as it is. Without a translation the Chinese wording is shown, so the Chinese UI reads
exactly what ``str(message)`` reads.
"""

import re
from datetime import date
from enum import Enum

from PySide6.QtCore import QCoreApplication

from app.domain.lifecycle import Action
from app.domain.roles import Role
from app.messages import LIST_SEPARATOR, Message, recognize
from ui.role_views import role_title
from ui.vocabulary import display

# Where a word recovered from plain text may be translated, tried in this order.
_WORD_CONTEXTS = ("Vocabulary", "RoleViews", "Actions")


def say(text: str) -> str:
    """``text`` as the user reads it: a message translated, anything else unchanged."""
    message = recognize(text)
    if message is None:
        return text
    template = QCoreApplication.translate(message.code, message.template)
    try:
        return template.format_map({name: _word(value, name) if message.recognised and isinstance(value, str)
                                    else _param(value) for name, value in message.params.items()})
    except (KeyError, IndexError, ValueError):  # a translation that lost a field: say it in Chinese
        return str(message)


def say_error(error: BaseException) -> str:
    """An exception from app/ raised with a message (``SomeError(TEXT(...))``) in the user's
    language; others as their text."""
    if len(error.args) == 1 and isinstance(error.args[0], str):
        return say(error.args[0])
    return str(error)


def action_name(action: Action) -> str:
    """An action's name (派单, 签收, …) in the UI's language."""
    return QCoreApplication.translate("Actions", action.value)


def _param(value: object) -> str:
    if isinstance(value, Message):
        return say(value)
    if isinstance(value, tuple | list):
        return _separator().join(_param(v) for v in value)
    if isinstance(value, Role):
        return role_title(value)
    if isinstance(value, Action):
        return action_name(value)
    if isinstance(value, Enum):
        return display(str(value.value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _separator() -> str:
    return QCoreApplication.translate("Messages", "、")


def _word(text: str, name: str) -> str:
    """A parameter recovered from plain text: a message, or a list (``、``) of our words and
    data; a word is said when it is one of ours, data stays as it is."""
    if (found := recognize(text)) is not None:
        return say(found)
    words = text.split(LIST_SEPARATOR)
    contexts = ("Actions",) if name == "action" else _WORD_CONTEXTS
    said = []
    for word in words:
        for context in contexts:
            translated = QCoreApplication.translate(context, word)
            if translated != word:
                said.append(translated)
                break
        else:
            said.append(word)  # data (a unit's name): as it is
    return _separator().join(said)


def fill(template: str, *values: str) -> str:
    """A translated ``%1 … %n`` template filled in one pass (a value holding "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(values)
                  else m.group(0), template)
