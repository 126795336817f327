"""Closed vocabularies of a 12345 ticket. The values are the Chinese words stored and shown."""

from enum import StrEnum


class Channel(StrEnum):
    PHONE = "电话"
    WECHAT = "微信"
    WEIBO = "微博"
    EMAIL = "邮箱"
    WEBSITE = "网站"
    APP = "App"
    WALK_IN = "有诉即办"
    PROVINCIAL = "省平台"
    PEOPLE_BOARD = "人民网留言板"


class RequestType(StrEnum):
    CONSULT = "咨询"
    HELP = "求助"
    COMPLAINT = "投诉"
    REPORT = "举报"
    SUGGESTION = "建议"
    PRAISE = "表扬"
    OTHER = "其他"


class Urgency(StrEnum):
    NORMAL = "一般"
    URGENT = "紧急"
    CRITICAL = "特急"


class Status(StrEnum):
    ACCEPTED = "受理"
    DISPATCHED = "派单"
    SIGNED = "签收"
    IN_PROGRESS = "办理"
    COMPLETED = "办结"
    CALLED_BACK = "回访"
    ARCHIVED = "归档"
    RETURNED = "退单"


class Satisfaction(StrEnum):
    SATISFIED = "满意"
    BASICALLY = "基本满意"
    UNSATISFIED = "不满意"
    UNREACHABLE = "未联系上"


OPEN_STATUSES: frozenset[Status] = frozenset(
    {Status.ACCEPTED, Status.DISPATCHED, Status.SIGNED, Status.IN_PROGRESS, Status.RETURNED}
)
# The same, as the stored words (for SQL IN lists).
OPEN_STATUS_VALUES: tuple[str, ...] = tuple(sorted(s.value for s in OPEN_STATUSES))
