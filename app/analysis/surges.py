"""Early warnings (预警): a cell of tickets that suddenly gets many more than it usually does.

Cells: each district × category (区县 · 分类, the finest category filled in) and each named place
(地点, from the title or address). Windows: each local day of the period, and each hour.

For a cell and a window the expected count is the cell's own rate over the ``history_days``
before that day (28: four of each weekday), adjusted by the weekday pattern of all tickets in
those days (Mondays are busier than Sundays) and, for an hour, by the share of the day's calls
that come in that hour:

    期望 = 该单元近28天日均件数 × 星期系数 [× 该小时占全天比例]

with the daily rate at least ``floor_per_day`` (a cell never seen before is not expected to be
silent forever) and the weekday factor between 0.5 and 2. A day whose four weeks before hold
tickets on fewer than half of the days (a new store) has no baseline and raises nothing. A
warning is raised when all three hold:

    件数 ≥ min_day (一天) 或 min_hour (一小时)
    件数 ≥ ratio × 期望
    P(件数 ≥ 观测 | 泊松分布, 均值 = 期望) < p_value

so a quiet cell must jump well above its habit, by an amount chance would seldom give. 件数
counts callers, not tickets (one person writing five times is a repeat caller, not a surge; a
ticket without number or name counts as one caller). A warning
covers tickets; when a weaker warning's tickets are mostly (``overlap``) inside a stronger one's,
it is dropped (the place and the district × category of one burst main are one warning: the
place's is kept, it says where to go).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.analysis.corpus import NO_CALLER, Corpus, CorpusArrays
from app.analysis.grouping import split_by

DAY, HOUR = 86400, 3600
LOCAL_OFFSET = 8 * HOUR
DISTRICT_CATEGORY, PLACE = "区县·分类", "地点"


@dataclass(frozen=True)
class SurgeRule:
    history_days: int = 28
    min_day: int = 5
    min_hour: int = 3
    ratio: float = 3.0
    p_value: float = 0.001
    floor_per_day: float = 0.1
    overlap: float = 0.6


@dataclass(frozen=True)
class SurgeHit:
    level: str
    cell: str
    window: str  # "day" | "hour"
    start: int  # seconds since 1970 UTC, the window's start
    count: int
    expected: float
    p: float
    rows: npt.NDArray[np.int64]
    history: tuple[int, ...]  # the cell's daily counts over the 7 days before

    @property
    def ratio(self) -> float:
        return self.count / self.expected if self.expected > 0 else float("inf")


def local_day(seconds: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    return (seconds + LOCAL_OFFSET) // DAY


def _cells(corpus: Corpus, data: CorpusArrays, first_row: int, smallest: int) -> dict[tuple[str, str], npt.NDArray[np.int64]]:
    """Rows of each cell with at least ``smallest`` tickets in the period, in time order."""
    out: dict[tuple[str, str], npt.NDArray[np.int64]] = {}
    districts, categories, places = corpus.districts.names, corpus.categories.names, corpus.places.names
    width = len(categories) + 1
    code = (data.district.astype(np.int64) + 1) * width + data.category + 1  # -1 (unknown) → 0
    rows = np.nonzero((data.district >= 0) | (data.category >= 0))[0]
    for key, members in split_by(code[rows], rows):
        if int((members >= first_row).sum()) >= smallest:
            d, c = key // width - 1, key % width - 1
            label = f"{districts[d] if d >= 0 else '未知区县'}·{categories[c] if c >= 0 else '未分类'}"
            out[(DISTRICT_CATEGORY, label)] = members
    entry_rows = np.repeat(np.arange(len(data.ids), dtype=np.int64), np.diff(data.place_ptr))
    primary = data.place_primary
    for key, members in split_by(data.place_ids[primary].astype(np.int64), entry_rows[primary]):
        members = np.unique(members)
        if len(members) >= smallest:
            out[(PLACE, places[key])] = members
    return out


def detect(
    corpus: Corpus, data: CorpusArrays, first_row: int, period_start: int, period_stop: int,
    rule: SurgeRule,
) -> list[SurgeHit]:
    """Warnings for the windows inside [period_start, period_stop) (seconds, UTC).

    Rows before ``first_row`` are history only (read for the baselines).
    """
    created = data.created
    days = local_day(created)
    first_day = int(local_day(np.asarray([period_start]))[0])
    last_day = int(local_day(np.asarray([period_stop - 1]))[0])
    origin = first_day - rule.history_days
    width = last_day - origin + 1
    hours = ((created + LOCAL_OFFSET) % DAY) // HOUR
    # All tickets per day and hour; running sums give any day's past four weeks at once.
    by_hour = np.bincount((days - origin) * 24 + hours, minlength=width * 24).reshape(width, 24)
    running = np.vstack([np.zeros((1, 24)), np.cumsum(by_hour, axis=0)])
    volume = by_hour.sum(axis=1).astype(float)
    smallest = min(rule.min_day, rule.min_hour)
    candidates_by_cell: dict[tuple[str, str], npt.NDArray[np.int64]] = {}
    for key, rows in _cells(corpus, data, first_row, smallest).items():
        if int((rows >= first_row).sum()) < smallest:
            continue
        per_day = np.bincount(days[rows] - origin, minlength=width)
        if (per_day[rule.history_days :] >= smallest).any():
            candidates_by_cell[key] = rows
    # History rows carry no places (not looked for): those writing the place's name count.
    mentions = corpus.history_mentioning({cell for level, cell in candidates_by_cell if level == PLACE})
    hits: list[SurgeHit] = []
    for (level, cell), rows in candidates_by_cell.items():
        if level == PLACE and mentions[cell]:
            rows = np.concatenate([np.asarray(mentions[cell], dtype=np.int64), rows])
        per_day = np.bincount(days[rows] - origin, minlength=width)
        cell_days = days[rows]
        candidates = np.nonzero(per_day[rule.history_days :] >= smallest)[0] + rule.history_days
        for index in candidates.tolist():
            if (volume[index - rule.history_days : index] > 0).sum() * 2 < rule.history_days:
                continue  # the store does not reach back far enough to know what is usual
            today = rows[cell_days == index + origin]
            rate = max(per_day[index - rule.history_days : index].sum() / rule.history_days,
                       rule.floor_per_day)
            expected_day = rate * _weekday_factor(volume, index, rule.history_days)
            history = tuple(int(x) for x in per_day[index - 7 : index])
            day_start = (index + origin) * DAY - LOCAL_OFFSET
            hit = _judge(level, cell, "day", day_start, today, expected_day, rule.min_day, rule,
                         history, data.caller)
            if hit is not None:
                hits.append(hit)
            if len(today) < rule.min_hour:
                continue
            past_hours = running[index] - running[index - rule.history_days]
            shares = (past_hours + 1.0) / (past_hours.sum() + 24.0)  # a night hour may be new
            today_hours = hours[today]
            for hour in np.unique(today_hours).tolist():
                in_hour = today[today_hours == hour]
                hit = _judge(level, cell, "hour", day_start + hour * HOUR, in_hour,
                             expected_day * float(shares[hour]), rule.min_hour, rule, history,
                             data.caller)
                if hit is not None:
                    hits.append(hit)
    return _strongest(hits, rule)


def _weekday_factor(volume: npt.NDArray[np.float64], index: int, history_days: int) -> float:
    """Tickets on this weekday over the average day in the past ``history_days`` days (between
    half and double: a holiday in the history must not make a weekday look dead)."""
    past = volume[index - history_days : index]
    same = volume[[index - 7 * k for k in range(1, history_days // 7 + 1)]]
    if past.mean() <= 0 or len(same) == 0:
        return 1.0
    return min(2.0, max(0.5, float(same.mean() / past.mean())))


def _judge(
    level: str, cell: str, window: str, start: int, rows: npt.NDArray[np.int64], expected: float,
    minimum: int, rule: SurgeRule, history: tuple[int, ...], callers: npt.NDArray[np.int64],
) -> SurgeHit | None:
    # People, not tickets: one caller writing five times is a repeat caller, not a surge.
    who = callers[rows]
    count = len(np.unique(who[who != NO_CALLER])) + int((who == NO_CALLER).sum())
    if count < minimum or count < rule.ratio * expected:
        return None
    p = poisson_tail(count, expected)
    if p >= rule.p_value:
        return None
    return SurgeHit(level, cell, window, start, count, expected, p, rows, history)


def poisson_tail(count: int, mean: float) -> float:
    """P(X >= count) for X ~ Poisson(mean): one minus the first ``count`` terms, summed in logs."""
    if count <= 0:
        return 1.0
    if mean <= 0:
        return 0.0
    log_term = -mean  # log P(X = 0)
    below = 0.0
    for k in range(count):
        if k:
            log_term += math.log(mean) - math.log(k)
        below += math.exp(log_term)
    if below < 0.5:
        return 1.0 - below
    # Close to 1: sum the upper tail directly (until its terms vanish) to keep small values exact.
    log_term += math.log(mean) - math.log(count)
    tail = 0.0
    k = count
    while True:
        term = math.exp(log_term)
        tail += term
        if term < tail * 1e-16 or k > count + 10_000:
            return tail
        k += 1
        log_term += math.log(mean) - math.log(k)


def _strongest(hits: Iterable[SurgeHit], rule: SurgeRule) -> list[SurgeHit]:
    """Places first (they say where to go), then the strongest; a hit mostly covered by one
    kept before it is dropped."""
    kept: list[SurgeHit] = []
    covered: set[int] = set()
    for hit in sorted(hits, key=lambda h: (h.level != PLACE, h.p, -h.count)):
        rows = set(hit.rows.tolist())
        if len(rows & covered) >= rule.overlap * len(rows):
            continue
        kept.append(hit)
        covered |= rows
    return kept
