"""The heat index (热度指数) of a group of tickets: how hot a problem is at the end of a period.

    热度 = (来电人数 + 0.5 × 重复来电 + 2 × (不满意 + 重办 + 督办) + 紧急件数) × 持续系数 × 新近系数

- 来电人数: distinct callers (by number, else by name; a ticket with neither is its own caller);
- 重复来电: tickets beyond one per caller (the same people calling again, merged duplicates too);
- 不满意 + 重办 + 督办: tickets a caller called back as 不满意, times a ticket was reopened (重办),
  tickets escalated (督办): each says the problem was not solved the first time, worth 2;
- 紧急件数: tickets taken as 紧急 or 特急, worth 1 more each;
- 持续系数 = 1 + 0.25 × log2(1 + 持续天数 / 7): a problem that lasts is worse than a burst of calls
  about the same day (1 day 1.0, a week 1.25, a month 1.58, nine months 2.5);
- 新近系数 = 0.5 + 0.5 × 2^(−距期末天数 / 14): a problem still called about on the last day counts
  whole, one last heard of two weeks before the end three quarters, an old one half.

Every part is kept (``HeatParts``) so that the dashboard and the brief can show why a group ranks
where it does.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.analysis.corpus import (
    FLAG_ESCALATED,
    FLAG_UNSATISFIED,
    FLAG_URGENT,
    NO_CALLER,
    CorpusArrays,
)

DAY = 86400
REPEAT_WEIGHT = 0.5
UNSOLVED_WEIGHT = 2.0
URGENT_WEIGHT = 1.0
DURATION_WEIGHT = 0.25
RECENCY_HALF_LIFE_DAYS = 14.0


@dataclass(frozen=True)
class HeatParts:
    tickets: int
    callers: int
    repeat_calls: int
    unsatisfied: int
    reopened: int
    escalated: int
    urgent: int
    span_days: float  # first to last ticket
    age_days: float  # last ticket to the end of the period
    duration_factor: float
    recency_factor: float
    heat: float

    def explain(self) -> str:
        """The index's sum in words, for the evidence shown beside a group."""
        return (
            f"来电人{self.callers}人、重复来电{self.repeat_calls}次、不满意{self.unsatisfied}件、"
            f"重办{self.reopened}次、督办{self.escalated}件、紧急{self.urgent}件；"
            f"持续{self.span_days:.0f}天（×{self.duration_factor:.2f}），"
            f"距期末{self.age_days:.0f}天（×{self.recency_factor:.2f}）"
        )


def heat_of(rows: npt.NDArray[np.int64], data: CorpusArrays, period_end: int) -> HeatParts:
    """The heat of the tickets ``rows`` at ``period_end`` (seconds since 1970, UTC)."""
    callers = data.caller[rows]
    known = callers[callers != NO_CALLER]
    distinct = len(np.unique(known)) + int((callers == NO_CALLER).sum())
    tickets = len(rows)
    flags = data.flags[rows]
    unsatisfied = int(((flags & FLAG_UNSATISFIED) != 0).sum())
    escalated = int(((flags & FLAG_ESCALATED) != 0).sum())
    urgent = int(((flags & FLAG_URGENT) != 0).sum())
    reopened = int(data.reopened[rows].sum())
    created = data.created[rows]
    span = float(created.max() - created.min()) / DAY
    age = max(0.0, float(period_end - created.max()) / DAY)
    duration = 1.0 + DURATION_WEIGHT * math.log2(1.0 + span / 7.0)
    recency = 0.5 + 0.5 * 2.0 ** (-age / RECENCY_HALF_LIFE_DAYS)
    repeat = tickets - distinct
    base = (distinct + REPEAT_WEIGHT * repeat + UNSOLVED_WEIGHT * (unsatisfied + reopened + escalated)
            + URGENT_WEIGHT * urgent)
    return HeatParts(
        tickets=tickets, callers=distinct, repeat_calls=repeat, unsatisfied=unsatisfied,
        reopened=reopened, escalated=escalated, urgent=urgent, span_days=span, age_days=age,
        duration_factor=duration, recency_factor=recency, heat=round(base * duration * recency, 1),
    )
