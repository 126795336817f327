"""Display names of stored vocabulary values (stored in Chinese, shown in the UI's language).

The values are marked for translation where they are declared (``term`` in app/domain/enums.py).
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.enums import Channel, RequestType, Satisfaction, Status, Urgency

CONTEXT = "Vocabulary"

# A ticket's status reads as a state (已派单), not as the step that led to it (派单): the stored
# value names the step, the same word the timeline's 操作 column shows.
STATUS_CONTEXT = "Status"
_STATES: dict[str, str] = {
    Status.ACCEPTED.value: "已受理",
    Status.DISPATCHED.value: "已派单",
    Status.SIGNED.value: "已签收",
    Status.IN_PROGRESS.value: "办理中",
    Status.COMPLETED.value: "已办结",
    Status.CALLED_BACK.value: "已回访",
    Status.ARCHIVED.value: "已归档",
    Status.RETURNED.value: "已退单",
}
_STATE_MARKERS = (  # for lupdate
    QT_TRANSLATE_NOOP("Status", "已受理"),
    QT_TRANSLATE_NOOP("Status", "已派单"),
    QT_TRANSLATE_NOOP("Status", "已签收"),
    QT_TRANSLATE_NOOP("Status", "办理中"),
    QT_TRANSLATE_NOOP("Status", "已办结"),
    QT_TRANSLATE_NOOP("Status", "已回访"),
    QT_TRANSLATE_NOOP("Status", "已归档"),
    QT_TRANSLATE_NOOP("Status", "已退单"),
)

CHANNELS = [c.value for c in Channel]
REQUEST_TYPES = [t.value for t in RequestType]
URGENCIES = [u.value for u in Urgency]
STATUSES = [s.value for s in Status]
SATISFACTIONS = [s.value for s in Satisfaction]


def status_text(value: str) -> str:
    """A stored status as the state the ticket is in, in the current language."""
    state = _STATES.get(value)
    return QCoreApplication.translate(STATUS_CONTEXT, state) if state else display(value)


def display(value: str) -> str:
    """The value as the user reads it in the current language."""
    return QCoreApplication.translate(CONTEXT, value) if value else value
