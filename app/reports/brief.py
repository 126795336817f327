"""The brief (简报): daily, weekly and monthly text in the style of the seed's "12345 热线一周速递".

    1月8日至14日，全市共受理有效事件12647件，其中电话受理11471件，微信受理1038件，……
    上周群众反映的问题主要集中在以下几类：公共服务5030件，占比39.69%；……
    经现场办理群众较满意的工单有：……，已由梁园区市政建设局疏通清理；……
    上周办理质量较高的单位有：市城市管理局、市公安局、……
    本周热点：群众集中反映的问题有……（42件，来电40人，11月2日至12月27日）；……
    预警：12月17日，民权县瑞义路来电25人，为近28天同期水平的228倍；……
"""

import re
import time
from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from sqlalchemy import Connection

from app.analysis.model import HotspotReport
from app.analysis.render import brief_paragraphs
from app.domain.enums import Channel
from app.reports.calls import CallFigures, period_calls
from app.reports.data import (
    UNFILLED,
    Brief,
    CountRow,
    Dimension,
    ReportOptions,
    TicketLine,
    Totals,
    UnitRating,
)
from app.reports.period import Period, PeriodKind, local_today
from app.reports.queries import counts_by, satisfied_examples, share_base, totals
from app.reports.ratings import best_units, unit_ratings

# The order the seed lists channels in; channels without tickets are left out.
CHANNEL_ORDER: tuple[str, ...] = (
    Channel.PHONE, Channel.WECHAT, Channel.WEIBO, Channel.EMAIL, Channel.APP, Channel.WEBSITE,
    Channel.WALK_IN, Channel.PROVINCIAL, Channel.PEOPLE_BOARD,
)

TITLES: dict[PeriodKind, str] = {
    PeriodKind.DAILY: "12345热线每日一报",
    PeriodKind.WEEKLY: "12345热线一周速递",
    PeriodKind.MONTHLY: "12345热线月度通报",
    PeriodKind.CUSTOM: "12345热线工作简报",
}

_TRAILING = "，,。.；;：:！!？? \n\t"


def _channel_phrase(row: CountRow) -> str:
    # "有诉即办" already says "handled"; the others "受理" (accepted) through the channel.
    if row.label == Channel.WALK_IN:
        return f"{row.label}{row.count}件"
    return f"{row.label}受理{row.count}件"


def ordered_channels(rows: list[CountRow]) -> list[CountRow]:
    rank = {name: i for i, name in enumerate(CHANNEL_ORDER)}
    return sorted((r for r in rows if r.count), key=lambda r: (rank.get(r.label, len(rank)), r.label))


def result_summary(result: str, limit: int = 60) -> str:
    """The first sentence of a result, without the inspector's preamble, short enough for a brief."""
    text = result.strip()
    first = re.split(r"[。！!？?\n]", text, maxsplit=1)[0]
    first = re.sub(r"^(经(现场)?(核实|核查|查实|调查)[，,]?)", "", first).strip(_TRAILING)
    if len(first) > limit:
        first = first[: limit - 1] + "…"
    return first


def example_phrase(line: TicketLine) -> str:
    """梁园区…返水问题，已由梁园区市政建设局疏通清理."""
    title = line.title.strip(_TRAILING)
    result = result_summary(line.result)
    if result.startswith("已由") or line.unit in result:
        return f"{title}，{result}"
    result = re.sub(r"^已(经)?", "", result)
    return f"{title}，已由{line.unit}{result}"


def render_brief(
    period: Period,
    total: Totals,
    channels: list[CountRow],
    categories: list[CountRow],
    examples: list[TicketLine],
    units: list[str],
    hot: Sequence[str] = (),
    calls: CallFigures | None = None,
) -> str:
    """The brief's text: a title line, then one paragraph per line."""
    word = period.previous_word()
    lines = [TITLES[period.kind]]
    # As the center's own briefs give it: calls taken, 接通率 (said even when no ticket was valid).
    call_line = (f"{word}热线呼入{calls.offered}通，接通{calls.answered}通，接通率{calls.answer_rate:.2%}，"
                 f"15秒接通率{calls.answer15_rate:.2%}。") if calls is not None else ""
    if total.valid == 0:
        lines += [f"{period.label()}，全市未受理有效事件。", *filter(None, [call_line])]
        return "\n".join(lines)
    head = f"{period.label()}，全市共受理有效事件{total.valid}件"
    channel_text = "，".join(_channel_phrase(r) for r in ordered_channels(channels))
    lines.append(f"{head}，其中{channel_text}。" if channel_text else f"{head}。")
    if call_line:
        lines.append(call_line)
    named = [c for c in categories if c.count and c.label]
    if named:
        parts = "；".join(f"{c.label}{c.count}件，占比{c.share}%" for c in named)
        lines.append(f"{word}群众反映的问题主要集中在以下几类：{parts}。")
    if examples:
        lines.append(f"经现场办理群众较满意的工单有：{'；'.join(example_phrase(e) for e in examples)}。")
    if units:
        lines.append(f"{word}办理质量较高的单位有：{'、'.join(units)}。")
    lines.extend(hot)
    return "\n".join(lines)


def compose_brief(
    period: Period,
    total: Totals,
    channels: list[CountRow],
    categories: list[CountRow],
    examples: list[TicketLine],
    ratings: list[UnitRating],
    options: ReportOptions,
    hotspots: HotspotReport | None = None,
    calls: CallFigures | None = None,
) -> Brief:
    """The brief from the period's figures; with ``hotspots`` (``app.analysis.analyze`` of the
    same period) it ends with the "本周热点" and "预警" paragraphs."""
    units = best_units(ratings, options)
    top = [c for c in categories if c.label != UNFILLED][: options.top_categories]
    hot = brief_paragraphs(hotspots) if hotspots is not None else []
    return Brief(
        period=period,
        totals=total,
        channels=ordered_channels(channels),
        categories=top,
        examples=examples,
        best_units=units,
        text=render_brief(period, total, channels, top, examples, units, hot, calls),
        hotspots=hotspots,
        calls=calls,
    )


def build_brief(
    conn: Connection,
    period: Period,
    *,
    options: ReportOptions | None = None,
    as_of: date | None = None,
    timings_ms: dict[str, float] | None = None,
    hotspots: HotspotReport | None = None,
) -> Brief:
    """Query the store and write the brief for ``period`` (with ``hotspots``: see
    ``compose_brief``)."""
    options = options or ReportOptions()
    as_of = as_of or local_today()
    clock = StepClock(timings_ms)
    total = clock.run("totals", lambda: totals(conn, period))
    base = share_base(total, options.share_base)
    channels = clock.run("channels", lambda: counts_by(conn, period, Dimension.CHANNEL, base=base))
    categories = clock.run(
        "categories",
        lambda: counts_by(conn, period, Dimension.CATEGORY, base=base, limit=options.top_categories + 1),
    )
    examples = clock.run("examples", lambda: satisfied_examples(conn, period, options.examples))
    ratings = clock.run("ratings", lambda: unit_ratings(conn, period, as_of=as_of, options=options))
    calls = clock.run("calls", lambda: period_calls(conn, period))
    return compose_brief(period, total, channels, categories, examples, ratings, options, hotspots, calls)


R = TypeVar("R")


class StepClock:
    """Times each step into ``sink`` (milliseconds) when one is given."""

    def __init__(self, sink: dict[str, float] | None) -> None:
        self.sink = sink

    def run(self, name: str, work: Callable[[], R]) -> R:
        started = time.perf_counter()
        value = work()
        if self.sink is not None:
            self.sink[name] = (time.perf_counter() - started) * 1000.0
        return value
