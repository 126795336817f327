"""A call handed off to an emergency service or a department line, and how it was done."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

EMERGENCY_SERVICES = ("110", "119", "120", "122")
DEPARTMENT_LINES = ("12333", "12315", "12328", "12348")
# Every line a caller may be handed to, in the order the seat offers them.
HANDOFF_SERVICES = EMERGENCY_SERVICES + DEPARTMENT_LINES


class HandoffWay(StrEnum):
    TRANSFERRED = "transferred"  # the seat's call adapter transferred the caller (SIP REFER)
    MANUAL = "manual"  # the agent handed the caller over on the phone and confirmed it


@dataclass(frozen=True)
class Handoff:
    service: str  # one of HANDOFF_SERVICES
    at: datetime  # naive UTC: when the caller was transferred or the agent confirmed it
    way: HandoffWay = HandoffWay.MANUAL


def handoff_text(service: str) -> str:
    """What the ticket's timeline says: 已转119."""
    return f"已转{service}"
