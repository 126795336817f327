"""Text the databases cannot store (NUL, lone surrogates) is cleaned on the way in.

PostgreSQL refuses NUL in text and UTF-8 has no lone surrogates: such characters never
come from a real keyboard, so they are dropped (NUL) or replaced (U+FFFD) instead of
failing the request with a server error.
"""

import math
import re
from typing import Annotated, Any

from pydantic import AfterValidator

NO_NUL_PATTERN = r"^[^\x00]*$"
_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    return _SURROGATES.sub("\ufffd", value.replace("\x00", ""))


def clean_json(value: Any) -> Any:
    """Clean every string and key of a JSON value."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(str(key)): clean_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clean_json(item) for item in value]
    return value


SafeStr = Annotated[str, AfterValidator(clean_text)]


def finite(value: Any) -> Any:
    """A JSON value with NaN and infinities replaced by None (JSON has no such numbers)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [finite(item) for item in value]
    return value
