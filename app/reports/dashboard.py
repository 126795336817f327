"""Everything the supervisor dashboard shows for one period, in one call (run it off the GUI thread)."""

from dataclasses import replace
from datetime import date
from functools import partial

from sqlalchemy import Connection

from app.analysis.model import HotspotReport
from app.reports.brief import StepClock, compose_brief
from app.reports.calls import call_report
from app.reports.data import CountRow, Dashboard, Dimension, ReportOptions
from app.reports.period import Period, local_today
from app.reports.queries import (
    counts_by,
    daily_trend,
    escalated_count,
    escalated_tickets,
    overdue_count,
    overdue_tickets,
    satisfied_examples,
    share_base,
    totals,
)
from app.reports.ratings import rank, unit_ratings


def build_dashboard(
    conn: Connection,
    period: Period,
    *,
    options: ReportOptions | None = None,
    as_of: date | None = None,
) -> Dashboard:
    options = options or ReportOptions()
    as_of = as_of or local_today()
    timings: dict[str, float] = {}
    clock = StepClock(timings)
    total = clock.run("totals", lambda: totals(conn, period))
    base = share_base(total, options.share_base)
    counts: dict[Dimension, list[CountRow]] = {}
    for dimension in Dimension:
        counts[dimension] = clock.run(
            dimension.value, partial(counts_by, conn, period, dimension, base=base)
        )
    trend = clock.run("trend", lambda: daily_trend(conn, period))
    overdue = clock.run(
        "overdue", lambda: overdue_tickets(conn, period, as_of=as_of, limit=options.list_limit)
    )
    escalated = clock.run("escalated", lambda: escalated_tickets(conn, period, limit=options.list_limit))
    overdue_total = clock.run("overdue_total", lambda: overdue_count(conn, period, as_of=as_of))
    escalated_total = clock.run("escalated_total", lambda: escalated_count(conn, period))
    examples = clock.run("examples", lambda: satisfied_examples(conn, period, options.examples))
    ratings = clock.run("ratings", lambda: unit_ratings(conn, period, as_of=as_of, options=options))
    report = clock.run("calls", lambda: call_report(conn, period))
    calls = report if report.total.offered else None
    brief = compose_brief(
        period, total, counts[Dimension.CHANNEL], counts[Dimension.CATEGORY], examples, ratings, options,
        calls=calls.total if calls is not None else None,
    )
    return Dashboard(
        period=period,
        as_of=as_of,
        totals=total,
        counts=counts,
        trend=trend,
        overdue=overdue,
        escalated=escalated,
        ratings=ratings,
        brief=brief,
        overdue_total=overdue_total,
        escalated_total=escalated_total,
        timings_ms=timings,
        calls=calls,
    )


def rescore(dashboard: Dashboard, options: ReportOptions) -> Dashboard:
    """The same figures ranked with other weights (no query: weights only change the scores)."""
    ratings = rank(list(dashboard.ratings), options.weights, options.min_ranked_tickets)
    return _rewrite_brief(replace(dashboard, ratings=ratings), options, dashboard.brief.hotspots)


def with_hotspots(dashboard: Dashboard, hotspots: HotspotReport, options: ReportOptions) -> Dashboard:
    """The same figures with the brief's 本周热点/预警 paragraphs from ``hotspots`` (no query)."""
    return _rewrite_brief(dashboard, options, hotspots)


def _rewrite_brief(dashboard: Dashboard, options: ReportOptions, hotspots: HotspotReport | None) -> Dashboard:
    brief = compose_brief(
        dashboard.period,
        dashboard.totals,
        dashboard.counts[Dimension.CHANNEL],
        dashboard.counts[Dimension.CATEGORY],
        dashboard.brief.examples,
        list(dashboard.ratings),
        options,
        hotspots,
        dashboard.brief.calls,
    )
    return replace(dashboard, brief=brief)
