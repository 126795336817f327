"""Text normalisation for everything an agent types or pastes."""

import re

# Full-width digits and Latin letters become half-width; Chinese punctuation stays as typed.
_WIDTH = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
)
_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
# C0/C1 controls except tab and newline, plus invisible characters that break search and
# matching. Zero-width joiner (U+200D) is kept: emoji sequences need it.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200c\u200e\u200f\ufeff]")
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029")
_BLANK_LINES = re.compile(r"\n{3,}")
_SPACE_RUNS = re.compile(r"[ \t\u3000]+")


def normalize_text(value: str, *, multiline: bool = False) -> str:
    """Clean typed or pasted text without changing what it says."""
    text = _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", value))
    if _FULL_WIDTH.search(text):  # translate() costs a dict lookup per character: only if needed
        text = text.translate(_WIDTH)
    if multiline:
        lines = [line.strip(" \t\u3000") for line in text.split("\n")]
        text = _BLANK_LINES.sub("\n\n", "\n".join(lines))
        return text.strip()
    return _SPACE_RUNS.sub(" ", text.replace("\n", " ")).strip()
