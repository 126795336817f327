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

import re
from collections.abc import Mapping
from datetime import date
from enum import Enum
from typing import ClassVar, Union

# What a parameter may be; anything else is shown with str().
Param = Union[str, int, float, date, Enum, "Message", tuple["Param", ...]]
LIST_SEPARATOR = "、"
MIN_RECOGNISED = 4  # characters of a template besides its fields, for it to be recognised


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
    recognised: bool  # read back from plain text: the parameters are text, their kinds unknown

    def __new__(cls, code: str, template: str, params: Mapping[str, Param] | None = None,
                recognised: bool = False) -> "Message":
        params = dict(params or {})
        self = super().__new__(cls, template.format_map({k: chinese(v) for k, v in params.items()}))
        self.code = code
        self.template = template
        self.params = params
        self.recognised = recognised
        return self

    def __reduce__(self) -> tuple[type["Message"], tuple[str, str, dict[str, Param], bool]]:
        return Message, (self.code, self.template, dict(self.params), self.recognised)

    def __repr__(self) -> str:
        return f"Message({self.code!r}, {str(self)!r})"


class Text:
    """A message's definition: its code and Chinese template. Call it with the parameters.

    Every definition is kept (by code) so that a message that was stored or sent as plain text
    (a reason the center gave, a rejection kept in the store) can be recognised again."""

    __slots__ = ("_pattern", "code", "template")
    defined: ClassVar[dict[str, "Text"]] = {}

    def __init__(self, code: str, template: str) -> None:
        self.code = code
        self.template = template
        self._pattern: re.Pattern[str] | None = None
        Text.defined[code] = self

    def match(self, text: str) -> Message | None:
        """``text`` as this message, if it reads as the template filled in (params as text)."""
        if self._pattern is None:
            parts = re.split(r"\{(\w+)\}", self.template)
            seen: set[str] = set()
            regex = ""
            for index, part in enumerate(parts):
                if index % 2 == 0:
                    regex += re.escape(part)
                elif part in seen:
                    regex += f"(?P={part})"
                else:
                    seen.add(part)
                    regex += f"(?P<{part}>.+?)"
            self._pattern = re.compile(regex, re.DOTALL)
        found = self._pattern.fullmatch(text)
        return Message(self.code, self.template, found.groupdict(), recognised=True) if found else None

    def __call__(self, **params: Param) -> Message:
        return Message(self.code, self.template, params)

    def __repr__(self) -> str:
        return f"Text({self.code!r}, {self.template!r})"


def recognize(text: str) -> Message | None:
    """Plain text that one of the core's messages reads as (its parameters as text), else None.

    For text that lost its code on the way: stored, or sent by the center (same definitions)."""
    if isinstance(text, Message):
        return text
    # The most specific first; templates that are mostly fields ("{name}：{value}") would read
    # any text, so they are not recognised.
    for definition in sorted(Text.defined.values(), key=_literal_length, reverse=True):
        if _literal_length(definition) < MIN_RECOGNISED:
            break
        if ("{" in definition.template or definition.template == text) \
                and (found := definition.match(text)) is not None:
            return found
    return None


def _literal_length(definition: Text) -> int:
    return len(re.sub(r"\{\w+\}", "", definition.template))


def term(context: str, word: str) -> str:
    """``word`` unchanged; marks it for translation in the UI's ``context`` (see module doc)."""
    del context
    return word
