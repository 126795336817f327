"""Display names of stored vocabulary values (stored in Chinese, shown in the UI's language)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.enums import Channel, RequestType, Satisfaction, Status, Urgency

CONTEXT = "Vocabulary"

# Markers so that lupdate collects every value for translation.
_MARKERS = (
    QT_TRANSLATE_NOOP("Vocabulary", "电话"), QT_TRANSLATE_NOOP("Vocabulary", "微信"),
    QT_TRANSLATE_NOOP("Vocabulary", "微博"), QT_TRANSLATE_NOOP("Vocabulary", "邮箱"),
    QT_TRANSLATE_NOOP("Vocabulary", "网站"), QT_TRANSLATE_NOOP("Vocabulary", "App"),
    QT_TRANSLATE_NOOP("Vocabulary", "有诉即办"), QT_TRANSLATE_NOOP("Vocabulary", "省平台"),
    QT_TRANSLATE_NOOP("Vocabulary", "人民网留言板"),
    QT_TRANSLATE_NOOP("Vocabulary", "咨询"), QT_TRANSLATE_NOOP("Vocabulary", "求助"),
    QT_TRANSLATE_NOOP("Vocabulary", "投诉"), QT_TRANSLATE_NOOP("Vocabulary", "举报"),
    QT_TRANSLATE_NOOP("Vocabulary", "建议"), QT_TRANSLATE_NOOP("Vocabulary", "表扬"),
    QT_TRANSLATE_NOOP("Vocabulary", "其他"),
    QT_TRANSLATE_NOOP("Vocabulary", "一般"), QT_TRANSLATE_NOOP("Vocabulary", "紧急"),
    QT_TRANSLATE_NOOP("Vocabulary", "特急"),
    QT_TRANSLATE_NOOP("Vocabulary", "受理"), QT_TRANSLATE_NOOP("Vocabulary", "派单"),
    QT_TRANSLATE_NOOP("Vocabulary", "签收"), QT_TRANSLATE_NOOP("Vocabulary", "办理"),
    QT_TRANSLATE_NOOP("Vocabulary", "办结"), QT_TRANSLATE_NOOP("Vocabulary", "回访"),
    QT_TRANSLATE_NOOP("Vocabulary", "归档"), QT_TRANSLATE_NOOP("Vocabulary", "退单"),
    QT_TRANSLATE_NOOP("Vocabulary", "满意"), QT_TRANSLATE_NOOP("Vocabulary", "基本满意"),
    QT_TRANSLATE_NOOP("Vocabulary", "不满意"), QT_TRANSLATE_NOOP("Vocabulary", "未联系上"),
)

CHANNELS = [c.value for c in Channel]
REQUEST_TYPES = [t.value for t in RequestType]
URGENCIES = [u.value for u in Urgency]
STATUSES = [s.value for s in Status]
SATISFACTIONS = [s.value for s in Satisfaction]


def display(value: str) -> str:
    """The value as the user reads it in the current language."""
    return QCoreApplication.translate(CONTEXT, value) if value else value
