"""A call handed off to an emergency service, as the agent confirmed it."""

from dataclasses import dataclass
from datetime import datetime

EMERGENCY_SERVICES = frozenset({"110", "119", "120", "122"})


@dataclass(frozen=True)
class Handoff:
    service: str  # 110, 119, 120 or 122
    at: datetime  # naive UTC: when the agent confirmed the transfer


def handoff_text(service: str) -> str:
    """What the ticket's timeline says: 已转119."""
    return f"已转{service}"
