"""Unit ratings (承办单位考核): five rates per unit from tickets and their lifecycle events.

For the tickets accepted in the period that have a handling unit (the unit is the ticket's current
``handling_unit``, except for returns, see below):

- response rate 响应率 = tickets signed for (first 签收 event) within ``sign_limit_hours`` of their
  first 派单 event / tickets with a 派单 event;
- solution rate 解决率 = (解决 + 0.5 × 部分解决) / completed tickets whose latest 办结 event states
  ``detail.solved`` (解决 / 部分解决 / 未解决);
- satisfaction rate 满意率 = (满意 + 基本满意) / (满意 + 基本满意 + 不满意) from
  ``tickets.satisfaction`` (未联系上 is not a verdict and counts in neither);
- on-time completion rate 按时办结率 = tickets whose latest 办结 event falls on or before the
  deadline (local date) / (completed tickets + open tickets overdue as of ``as_of`` by the
  deadline rule, ``app.domain.deadline``: not those whose clock an extension request pauses);
- return rate 退单率 = tickets the unit returned (退单 events; the unit is ``detail.unit`` when the
  event names it, else the ticket's handling unit) / tickets dispatched to the unit (those with a
  派单 event now at the unit, plus those it returned that now sit elsewhere).

score = Σ wᵢ·rᵢ / Σ wᵢ × 100 over the rates with a weight and a denominator, where the return
rate enters as (1 − rate). Units with fewer than ``min_ranked_tickets`` tickets, or without figures
for a rate that has a weight, get no rank (their score is shown, marked as not comparable).
"""

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, case, func, or_, select

from app.domain.deadline import DeadlineClock, DeadlineColumns, DeadlineMark, deadline_condition
from app.domain.enums import Satisfaction
from app.reports.data import Rate, ReportOptions, UnitRating, Weights
from app.reports.period import Period
from app.reports.queries import valid_in_period
from app.reports.schema import json_text, local_day, seconds_between, ticket_events, tickets

T = tickets.c
E = ticket_events.c

SOLVED = "解决"
PARTLY_SOLVED = "部分解决"
UNSOLVED = "未解决"
RATING_EVENT_KINDS = ("派单", "签收", "办结", "退单")


def _rating_rows(conn: Connection, period: Period, *, as_of: date, sign_limit_hours: float) -> list[Any]:
    dialect = conn.dialect.name
    base = (
        select(T.id, T.handling_unit, T.deadline, T.satisfaction, T.status, T.extension_to, T.extension_since)
        .where(valid_in_period(period), T.handling_unit != "")
        .cte("rated_tickets")
    )
    per_ticket = (
        select(
            E.ticket_id.label("ticket_id"),
            func.min(case((E.kind == "派单", E.at))).label("dispatched_at"),
            func.min(case((E.kind == "签收", E.at))).label("signed_at"),
            func.max(case((E.kind == "办结", E.at))).label("completed_at"),
            func.max(case((E.kind == "办结", E.id))).label("completion_id"),
        )
        .where(E.ticket_id.in_(select(base.c.id)), E.kind.in_(RATING_EVENT_KINDS[:3]))
        .group_by(E.ticket_id)
        .subquery("per_ticket")
    )
    completion = ticket_events.alias("completion")
    solved = json_text(dialect, completion.c.detail, "solved")
    satisfied = (Satisfaction.SATISFIED.value, Satisfaction.BASICALLY.value)
    rated = (*satisfied, Satisfaction.UNSATISFIED.value)
    completed_on_time = and_(
        per_ticket.c.completed_at.is_not(None),
        local_day(dialect, per_ticket.c.completed_at) <= base.c.deadline,
    )
    overdue_open = and_(
        per_ticket.c.completed_at.is_(None),
        deadline_condition(DeadlineMark.OVERDUE, DeadlineClock(as_of), DeadlineColumns(
            base.c.status, base.c.deadline, base.c.extension_to, base.c.extension_since)),
    )
    signed_in_time = and_(
        per_ticket.c.signed_at.is_not(None),
        per_ticket.c.dispatched_at.is_not(None),
        seconds_between(dialect, per_ticket.c.dispatched_at, per_ticket.c.signed_at)
        <= sign_limit_hours * 3600.0,
    )

    def count_if(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    query = (
        select(
            base.c.handling_unit.label("unit"),
            func.count().label("tickets"),
            func.count(per_ticket.c.dispatched_at).label("dispatched"),
            count_if(signed_in_time).label("signed_in_time"),
            func.coalesce(
                func.sum(case((solved == SOLVED, 1.0), (solved == PARTLY_SOLVED, 0.5), else_=0.0)), 0
            ).label("solved_points"),
            count_if(solved.in_((SOLVED, PARTLY_SOLVED, UNSOLVED))).label("solved_known"),
            count_if(base.c.satisfaction.in_(satisfied)).label("satisfied"),
            count_if(base.c.satisfaction.in_(rated)).label("rated"),
            count_if(completed_on_time).label("on_time"),
            count_if(or_(per_ticket.c.completed_at.is_not(None), overdue_open)).label("due"),
        )
        .select_from(
            base.outerjoin(per_ticket, per_ticket.c.ticket_id == base.c.id).outerjoin(
                completion, completion.c.id == per_ticket.c.completion_id
            )
        )
        .group_by(base.c.handling_unit)
    )
    return list(conn.execute(query))


def _returns(conn: Connection, period: Period) -> tuple[dict[str, int], dict[str, int]]:
    """Per unit: tickets it returned, and of those the ones now at another unit."""
    dialect = conn.dialect.name
    named = json_text(dialect, E.detail, "unit")
    unit = func.coalesce(func.nullif(named, ""), T.handling_unit).label("unit")
    query = (
        select(
            unit,
            func.count(func.distinct(E.ticket_id)),
            func.count(func.distinct(case((unit != T.handling_unit, E.ticket_id)))),
        )
        .select_from(ticket_events.join(tickets, tickets.c.id == E.ticket_id))
        .where(E.kind == "退单", valid_in_period(period))
        .group_by(unit)
    )
    returned: dict[str, int] = {}
    elsewhere: dict[str, int] = {}
    for name, count, moved in conn.execute(query):
        if name:
            returned[str(name)] = int(count)
            elsewhere[str(name)] = int(moved)
    return returned, elsewhere


def score(rating: UnitRating, weights: Weights) -> float | None:
    parts: list[tuple[float, float]] = []
    for name, weight in weights.as_dict().items():
        rate: Rate = getattr(rating, name)
        value = rate.value
        if weight <= 0 or value is None:
            continue
        parts.append((weight, 1.0 - value if name == "returns" else value))
    total_weight = sum(w for w, _ in parts)
    if total_weight <= 0:
        return None
    return round(sum(w * v for w, v in parts) / total_weight * 100.0, 2)


def rated_fully(rating: UnitRating, weights: Weights) -> bool:
    """Whether every rate that counts has figures: on thin data a unit whose one measured rate
    is 100% tied at rank 1 with 100.00 beside "—(0/0)" everywhere else."""
    return all(getattr(rating, name).value is not None for name, w in weights.as_dict().items() if w > 0)


def rank(ratings: list[UnitRating], weights: Weights, min_tickets: int) -> list[UnitRating]:
    """Score each unit and rank the ones with enough tickets and figures for every rate that
    counts (ties share a rank); best first, then the unranked."""
    scored = [replace(r, score=score(r, weights), rank=None) for r in ratings]
    eligible = sorted(
        (r for r in scored if r.score is not None and r.tickets >= min_tickets and rated_fully(r, weights)),
        key=lambda r: (-(r.score or 0.0), -r.tickets, r.unit),
    )
    ranked: list[UnitRating] = []
    previous: float | None = None
    current = 0
    for position, rating in enumerate(eligible, start=1):
        if rating.score != previous:
            current, previous = position, rating.score
        ranked.append(replace(rating, rank=current))
    names = {r.unit for r in ranked}
    rest = sorted(
        (r for r in scored if r.unit not in names),
        key=lambda r: (-(r.score if r.score is not None else -1.0), -r.tickets, r.unit),
    )
    return ranked + rest


def unit_ratings(
    conn: Connection, period: Period, *, as_of: date, options: ReportOptions | None = None
) -> list[UnitRating]:
    """Rates, score and rank of every unit with tickets in the period, ranked first."""
    options = options or ReportOptions()
    returned, elsewhere = _returns(conn, period)
    ratings = []
    for row in _rating_rows(conn, period, as_of=as_of, sign_limit_hours=options.sign_limit_hours):
        unit = str(row.unit)
        dispatched = int(row.dispatched)
        ratings.append(
            UnitRating(
                unit=unit,
                tickets=int(row.tickets),
                response=Rate(int(row.signed_in_time), dispatched),
                solution=Rate(float(row.solved_points), int(row.solved_known)),
                satisfaction=Rate(int(row.satisfied), int(row.rated)),
                on_time=Rate(int(row.on_time), int(row.due)),
                returns=Rate(
                    returned.get(unit, 0),
                    dispatched + elsewhere.get(unit, 0) if dispatched else 0,
                ),
            )
        )
    return rank(ratings, options.weights, options.min_ranked_tickets)


def best_units(ratings: list[UnitRating], options: ReportOptions) -> list[str]:
    return [
        r.unit
        for r in ratings
        if r.rank is not None and r.score is not None and r.score >= options.best_score
    ][: options.best_units_limit]

