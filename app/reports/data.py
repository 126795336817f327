"""Plain results of the report queries; what the brief, the exports and the dashboard show."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from app.messages import term
from app.reports.period import Period

if TYPE_CHECKING:
    from app.analysis.model import HotspotReport
    from app.reports.calls import CallFigures, CallReport

# Event kinds (ticket_events.kind) that make a ticket not count as a valid event (有效事件):
# 合并 = merged into another ticket as its duplicate, 作废 = voided (test call, prank, wrong entry).
INVALIDATING_KINDS: tuple[str, ...] = ("合并", "作废")

UNFILLED = "未填写"


class Dimension(StrEnum):
    """A column the dashboard counts tickets by (the value is the column name)."""

    CHANNEL = "channel"
    REQUEST_TYPE = "request_type"
    CATEGORY = "category1"
    DISTRICT = "district"
    UNIT = "handling_unit"


DIMENSION_TITLES: dict[Dimension, str] = {
    Dimension.CHANNEL: "受理渠道",
    Dimension.REQUEST_TYPE: "诉求类型",
    Dimension.CATEGORY: "问题分类",
    Dimension.DISTRICT: "区县",
    Dimension.UNIT: "承办单位",
}


class ShareBase(StrEnum):
    """What a share (占比) is a share of.

    RECEIVED: every ticket accepted in the period, valid or not. This is what the published seed
    brief does: its shares (39.69%, 12.48%, 7.72%) only come out of 5030/1582/978 over 12,672 to
    12,674 tickets, not over the 12,647 valid ones (that would give 39.77%, 12.51%, 7.73%).
    VALID: the valid tickets only.
    """

    RECEIVED = "received"
    VALID = "valid"


def share(count: int, base: int) -> Decimal:
    """Percentage rounded half-up to two decimals (0 when the base is 0)."""
    if base <= 0:
        return Decimal("0.00")
    return (Decimal(count * 100) / Decimal(base)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Totals:
    valid: int
    received: int

    @property
    def invalid(self) -> int:
        return self.received - self.valid


@dataclass(frozen=True)
class CountRow:
    label: str
    count: int
    share: Decimal


@dataclass(frozen=True)
class DayCount:
    day: date
    count: int


@dataclass(frozen=True)
class TicketLine:
    """One ticket in the overdue, escalated or example lists."""

    ticket_id: int
    number: str
    title: str
    unit: str
    status: str
    created_at: datetime
    deadline: date | None
    result: str = ""
    note: str = ""
    escalations: int = 0
    overdue_days: int = 0


@dataclass(frozen=True)
class Weights:
    """Weights of the five rates in a unit's score; any non-negative numbers (normalised)."""

    # All five count by default: a unit that answers fast and pleases but finishes late or sends
    # tickets back is not the best one (按时办结率 and 退单率 defaulted to 0).
    response: float = 20.0
    solution: float = 30.0
    satisfaction: float = 30.0
    on_time: float = 10.0
    returns: float = 10.0

    def as_dict(self) -> dict[str, float]:
        return {
            "response": self.response,
            "solution": self.solution,
            "satisfaction": self.satisfaction,
            "on_time": self.on_time,
            "returns": self.returns,
        }


WEIGHT_PRESETS: dict[str, Weights] = {
    term("RatingPresets", "五项20/30/30/10/10"): Weights(),
    term("RatingPresets", "响应30/解决35/满意35"): Weights(30, 35, 35, 0, 0),
    term("RatingPresets", "仅满意率"): Weights(0, 0, 100, 0, 0),
}


@dataclass(frozen=True)
class Rate:
    """numerator / denominator, kept together so every rank can show the figures behind it."""

    numerator: float
    denominator: int

    @property
    def value(self) -> float | None:
        return None if self.denominator == 0 else self.numerator / self.denominator

    def percent(self) -> str:
        value = self.value
        return "—" if value is None else f"{value * 100:.2f}%"


@dataclass(frozen=True)
class UnitRating:
    unit: str
    tickets: int
    response: Rate  # signed for within the limit after dispatch / dispatched
    solution: Rate  # 解决 = 1, 部分解决 = 0.5, 未解决 = 0 / completions stating it
    satisfaction: Rate  # 满意 + 基本满意 / callbacks that reached the caller
    on_time: Rate  # completed on or before the deadline / completed or overdue
    returns: Rate  # tickets returned by the unit / tickets dispatched to it
    score: float | None = None
    rank: int | None = None


@dataclass(frozen=True)
class ReportOptions:
    top_categories: int = 3
    share_base: ShareBase = ShareBase.RECEIVED
    weights: Weights = field(default_factory=Weights)
    sign_limit_hours: float = 2.0
    # Units with fewer tickets than this in the period are listed but not ranked.
    min_ranked_tickets: int = 5
    # The brief names ranked units scoring at least this much, at most best_units_limit of them.
    best_score: float = 90.0
    best_units_limit: int = 15
    examples: int = 3
    list_limit: int = 500


@dataclass(frozen=True)
class Brief:
    period: Period
    totals: Totals
    channels: list[CountRow]
    categories: list[CountRow]
    examples: list[TicketLine]
    best_units: list[str]
    text: str
    hotspots: "HotspotReport | None" = None  # the 本周热点/预警 paragraphs' source, when analysed
    calls: "CallFigures | None" = None  # the 接通率 sentence's source, when calls were recorded


@dataclass(frozen=True)
class Dashboard:
    period: Period
    as_of: date
    totals: Totals
    counts: dict[Dimension, list[CountRow]]
    trend: list[DayCount]
    overdue: list[TicketLine]
    escalated: list[TicketLine]
    ratings: list[UnitRating]
    brief: Brief
    # The lists stop at ReportOptions.list_limit; these are the full counts.
    overdue_total: int = 0
    escalated_total: int = 0
    timings_ms: dict[str, float] = field(default_factory=dict)
    calls: "CallReport | None" = None  # the period's call figures, when the seat recorded calls
