"""Display names of stored vocabulary values (stored in Chinese, shown in the UI's language).

The values are marked for translation where they are declared (``term`` in app/domain/enums.py).
"""

from PySide6.QtCore import QCoreApplication

from app.domain.enums import Channel, RequestType, Satisfaction, Status, Urgency

CONTEXT = "Vocabulary"

CHANNELS = [c.value for c in Channel]
REQUEST_TYPES = [t.value for t in RequestType]
URGENCIES = [u.value for u in Urgency]
STATUSES = [s.value for s in Status]
SATISFACTIONS = [s.value for s in Satisfaction]


def display(value: str) -> str:
    """The value as the user reads it in the current language."""
    return QCoreApplication.translate(CONTEXT, value) if value else value
