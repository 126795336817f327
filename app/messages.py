"""User-facing messages of the core: a code and parameters, turned into words in one place.

The core speaks Chinese (the CLI, the server, logs and the stored reasons read ``str()`` of a
message), and the desktop shows the same message in the user's language through the Qt
Linguist files (``ui.messages.say``). A definition is written once, where it is used::

    MERGED = Text("rules.merged", "这张工单已合并到主工单，不能再{action}；请在主工单上办理。")
    raise SomeError(MERGED(action=Action.DISPATCH))

``Text(code, template)`` is what ``make translations`` collects from app/ (lupdate reads it as
``QT_TRANSLATE_NOOP(context, source)``: the code is the translation context, the Chinese
template the source), so the code and template must be string literals. Templates use
``str.format`` fields; a translation keeps the same fields. Parameters are shown as they are
(numbers, dates, unit names, ticket numbers) except: a ``Message`` is said in the user's
language too, an enum member as its vocabulary word (``label`` if it has one, else its value),
a tuple of values as a list (``、`` between them in Chinese).

``term(context, word)`` marks a stored word (an enum value, a role or view title, a setting's
title) for translation in the UI's context of that name; it returns the word unchanged.

``Message`` is a ``str`` (its Chinese text), so code that joins, stores or sends messages keeps
working; only the windows need the code and parameters, and they get them from the object.
"""

from collections.abc import Mapping
from datetime import date
from enum import Enum
from typing import Union

# What a parameter may be; anything else is shown with str().
Param = Union[str, int, float, date, Enum, "Message", tuple["Param", ...]]
LIST_SEPARATOR = "、"


def chinese(value: object) -> str:
    """A parameter as the Chinese text shows it."""
    if isinstance(value, tuple | list):
        return LIST_SEPARATOR.join(chinese(v) for v in value)
    if isinstance(value, Enum):
        return str(getattr(value, "label", value.value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class Message(str):
    """A message with its code, template and parameters; its text is the Chinese wording."""

    code: str
    template: str
    params: Mapping[str, Param]

    def __new__(cls, code: str, template: str, params: Mapping[str, Param] | None = None) -> "Message":
        params = dict(params or {})
        self = super().__new__(cls, template.format_map({k: chinese(v) for k, v in params.items()}))
        self.code = code
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[type["Message"], tuple[str, str, dict[str, Param]]]:
        return Message, (self.code, self.template, dict(self.params))

    def __repr__(self) -> str:
        return f"Message({self.code!r}, {str(self)!r})"


class Text:
    """A message's definition: its code and Chinese template. Call it with the parameters."""

    __slots__ = ("code", "template")

    def __init__(self, code: str, template: str) -> None:
        self.code = code
        self.template = template

    def __call__(self, **params: Param) -> Message:
        return Message(self.code, self.template, params)

    def __repr__(self) -> str:
        return f"Text({self.code!r}, {self.template!r})"


def term(context: str, word: str) -> str:
    """``word`` unchanged; marks it for translation in the UI's ``context`` (see module doc)."""
    del context
    return word
