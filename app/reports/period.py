"""Report periods: local calendar days (UTC+8) turned into UTC bounds for the store's timestamps."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from app.tickets.service import LOCAL_TZ


class PeriodKind(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    CUSTOM = "custom"


def _month_end(day: date) -> date:
    first_next = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first_next - timedelta(days=1)


@dataclass(frozen=True)
class Period:
    """Local dates ``start`` to ``end``, both included."""

    start: date
    end: date
    kind: PeriodKind = PeriodKind.CUSTOM

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("结束日期不能早于开始日期")

    # --- construction -------------------------------------------------------------------------
    @classmethod
    def day(cls, day: date) -> "Period":
        return cls(day, day, PeriodKind.DAILY)

    @classmethod
    def week_of(cls, day: date) -> "Period":
        """The Monday-to-Sunday week holding ``day``."""
        monday = day - timedelta(days=day.weekday())
        return cls(monday, monday + timedelta(days=6), PeriodKind.WEEKLY)

    @classmethod
    def month_of(cls, day: date) -> "Period":
        return cls(day.replace(day=1), _month_end(day), PeriodKind.MONTHLY)

    @classmethod
    def last_week(cls, today: date) -> "Period":
        return cls.week_of(today - timedelta(days=7))

    @classmethod
    def yesterday(cls, today: date) -> "Period":
        return cls.day(today - timedelta(days=1))

    @classmethod
    def last_month(cls, today: date) -> "Period":
        return cls.month_of(today.replace(day=1) - timedelta(days=1))

    @classmethod
    def infer(cls, start: date, end: date) -> "Period":
        """A period whose kind follows from its dates (one day, Monday-Sunday, a calendar month)."""
        if start == end:
            return cls(start, end, PeriodKind.DAILY)
        if start.weekday() == 0 and (end - start).days == 6:
            return cls(start, end, PeriodKind.WEEKLY)
        if start.day == 1 and end == _month_end(start):
            return cls(start, end, PeriodKind.MONTHLY)
        return cls(start, end, PeriodKind.CUSTOM)

    # --- derived ------------------------------------------------------------------------------
    @property
    def day_count(self) -> int:
        return (self.end - self.start).days + 1

    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.day_count)]

    def utc_bounds(self) -> tuple[datetime, datetime]:
        """[start, stop) in naive UTC, the store's time format."""
        return local_midnight_utc(self.start), local_midnight_utc(self.end + timedelta(days=1))

    def label(self) -> str:
        """How the brief names the period: 1月8日至14日, 1月29日至2月4日, 2023年12月25日至2024年1月7日."""
        s, e = self.start, self.end
        if self.kind is PeriodKind.MONTHLY and s.day == 1 and e == _month_end(s):
            return f"{s.year}年{s.month}月"
        if s == e:
            return f"{s.month}月{s.day}日"
        if s.year != e.year:
            return f"{s.year}年{s.month}月{s.day}日至{e.year}年{e.month}月{e.day}日"
        if s.month != e.month:
            return f"{s.month}月{s.day}日至{e.month}月{e.day}日"
        return f"{s.month}月{s.day}日至{e.day}日"

    def previous_word(self) -> str:
        """The word the brief uses for the period it looks back on."""
        return {
            PeriodKind.DAILY: "当日",
            PeriodKind.WEEKLY: "上周",
            PeriodKind.MONTHLY: "上月",
        }.get(self.kind, "期间")


def local_midnight_utc(day: date) -> datetime:
    """Local 00:00 of ``day`` as naive UTC."""
    return datetime.combine(day, time(), tzinfo=LOCAL_TZ).astimezone(UTC).replace(tzinfo=None)


def local_today(now: datetime | None = None) -> date:
    moment = now or datetime.now(LOCAL_TZ)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LOCAL_TZ).date()
