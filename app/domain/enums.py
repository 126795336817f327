"""Closed vocabularies of a 12345 ticket. The values are the Chinese words stored and shown
(``term`` marks them for the UI's ``Vocabulary`` translations, see app.messages)."""

from enum import StrEnum

from app.messages import term


class Channel(StrEnum):
    PHONE = term("Vocabulary", "电话")
    WECHAT = term("Vocabulary", "微信")
    WEIBO = term("Vocabulary", "微博")
    EMAIL = term("Vocabulary", "邮箱")
    WEBSITE = term("Vocabulary", "网站")
    APP = term("Vocabulary", "App")
    WALK_IN = term("Vocabulary", "有诉即办")
    PROVINCIAL = term("Vocabulary", "省平台")
    PEOPLE_BOARD = term("Vocabulary", "人民网留言板")


class RequestType(StrEnum):
    CONSULT = term("Vocabulary", "咨询")
    HELP = term("Vocabulary", "求助")
    COMPLAINT = term("Vocabulary", "投诉")
    REPORT = term("Vocabulary", "举报")
    SUGGESTION = term("Vocabulary", "建议")
    PRAISE = term("Vocabulary", "表扬")
    OTHER = term("Vocabulary", "其他")


class Urgency(StrEnum):
    NORMAL = term("Vocabulary", "一般")
    URGENT = term("Vocabulary", "紧急")
    CRITICAL = term("Vocabulary", "特急")


class Status(StrEnum):
    ACCEPTED = term("Vocabulary", "受理")
    DISPATCHED = term("Vocabulary", "派单")
    SIGNED = term("Vocabulary", "签收")
    IN_PROGRESS = term("Vocabulary", "办理")
    COMPLETED = term("Vocabulary", "办结")
    CALLED_BACK = term("Vocabulary", "回访")
    ARCHIVED = term("Vocabulary", "归档")
    RETURNED = term("Vocabulary", "退单")


class Satisfaction(StrEnum):
    SATISFIED = term("Vocabulary", "满意")
    BASICALLY = term("Vocabulary", "基本满意")
    UNSATISFIED = term("Vocabulary", "不满意")
    UNREACHABLE = term("Vocabulary", "未联系上")


OPEN_STATUSES: frozenset[Status] = frozenset(
    {Status.ACCEPTED, Status.DISPATCHED, Status.SIGNED, Status.IN_PROGRESS, Status.RETURNED}
)
# The same, as the stored words (for SQL IN lists).
OPEN_STATUS_VALUES: tuple[str, ...] = tuple(sorted(s.value for s in OPEN_STATUSES))
