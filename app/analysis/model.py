"""Plain results of the hot-issue analysis: what the CLI, the dashboard and the brief show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from app.analysis.grouping import Thresholds
from app.analysis.heat import HeatParts
from app.analysis.surges import SurgeRule
from app.reports.period import Period


@dataclass(frozen=True)
class HotspotOptions:
    top: int = 10
    thresholds: Thresholds = field(default_factory=Thresholds)
    surge: SurgeRule = field(default_factory=SurgeRule)
    # A caller with at least this many tickets in the period is listed as a repeat caller.
    repeat_calls: int = 3
    # A group lasting at least this many days with tickets still open, 不满意 or 重办 is listed
    # as a long-running unresolved group.
    long_running_days: int = 30
    # Evidence lists stop here (the CSV still has every ticket of each top group).
    evidence: int = 20
    list_limit: int = 50


@dataclass(frozen=True)
class TicketRef:
    """One ticket as evidence: its numbers, local acceptance time, title and status."""

    ticket_id: int
    local_no: str
    official_no: str
    created_at: datetime  # local time
    title: str
    status: str

    @property
    def number(self) -> str:
        """The center's number once synced, else the seat's own."""
        return self.official_no or self.local_no


@dataclass(frozen=True)
class HotGroup:
    rank: int
    heat: float
    parts: HeatParts
    first: datetime  # local time of the first and last ticket
    last: datetime
    district: str
    place: str  # 地点/人群: where, or which group of people
    description: str  # 地点 + 问题, e.g. "A2区丽发新城小区附近搅拌站噪音扰民"
    tickets: tuple[TicketRef, ...]  # every ticket, oldest first (the last few when a list is long)
    open_tickets: int = 0  # not yet completed (受理 to 办理, 退单)

    @property
    def time_range(self) -> str:
        return f"{self.first:%Y-%m-%d}至{self.last:%Y-%m-%d}"


@dataclass(frozen=True)
class Warning:
    """A surge: a cell (district × category, or a place) far above its usual count."""

    level: str  # 区县·分类 | 地点
    cell: str
    window: str  # day | hour
    start: datetime  # local start of the window
    count: int
    expected: float
    p_value: float
    history: tuple[int, ...]  # the cell's daily counts over the 7 days before
    tickets: tuple[TicketRef, ...]

    @property
    def window_label(self) -> str:
        if self.window == "hour":
            return f"{self.start:%Y-%m-%d %H}:00–{self.start.hour + 1:02d}:00"
        return f"{self.start:%Y-%m-%d}"

    def explain(self) -> str:
        ratio = self.count / self.expected if self.expected > 0 else 0.0
        span = "该小时" if self.window == "hour" else "当日"
        past = "、".join(str(n) for n in self.history) or "无"
        return (
            f"{span}{self.count}人来电，按近28天同星期规律期望{self.expected:.2g}件（{ratio:.0f}倍，"
            f"偶然出现的概率{self.p_value:.0e}）；此前7天每日：{past}"
        )


@dataclass(frozen=True)
class RepeatCaller:
    caller: str  # masked number, or the name when no number was left
    calls: int
    first: datetime  # local time of the first and last call in the period
    last: datetime
    tickets: tuple[TicketRef, ...]  # the first ``HotspotOptions.evidence`` of them
    groups: int  # how many hot groups their tickets fall in (0: all different problems)


@dataclass(frozen=True)
class HotspotReport:
    period: Period
    tickets: int  # tickets of the period analysed
    groups: tuple[HotGroup, ...]  # the top groups, hottest first
    group_count: int  # every group found (two or more tickets)
    grouped_tickets: int
    warnings: tuple[Warning, ...]
    repeat_callers: tuple[RepeatCaller, ...]
    long_running: tuple[HotGroup, ...]
    as_of: date
    options: HotspotOptions = field(default_factory=HotspotOptions)
    timings_s: dict[str, float] = field(default_factory=dict)
