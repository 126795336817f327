"""Call figures for a period, by seat and by line: offered, answered, 接通率, 15 秒接通率, 呼损,
average wait, average talk, after-call work (app.telephony's records in the seat's store).

Definitions (each call counted in the period it was offered, local dates):
- offered: every call offered to the seat, refused ones (示忙) included;
- answered: calls the agent took; 接通率 = answered / offered;
- 15 秒接通率: calls answered within 15 s of being offered / offered (the national rule);
- abandoned (呼损): calls that ended before anyone took them;
- average wait: offered → answered, or → the caller hung up, over every call;
- talk: answered → ended or transferred; aht_s = average talk + after-call work (话后整理 spans
  that started in the period and ended) per answered call, in total and by seat (a line's
  figures have no after-call work: a span belongs to a seat, not a line).
"""

from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, Connection, case, func, literal, select

from app.reports.period import Period
from app.reports.schema import seconds_between
from app.store.models import AgentStateSpan, Call
from app.telephony.agent import AgentState
from app.telephony.model import ANSWER_TARGET_SECONDS, CallState


@dataclass(frozen=True)
class CallFigures:
    offered: int = 0
    answered: int = 0
    answered15: int = 0
    abandoned: int = 0
    wait_s: float = 0.0  # total seconds, averaged by the properties below
    talk_s: float = 0.0
    talked: int = 0
    acw_s: float = 0.0

    @property
    def answer_rate(self) -> float:
        return self.answered / self.offered if self.offered else 0.0

    @property
    def answer15_rate(self) -> float:
        return self.answered15 / self.offered if self.offered else 0.0

    @property
    def avg_wait_s(self) -> float:
        return self.wait_s / self.offered if self.offered else 0.0

    @property
    def avg_talk_s(self) -> float:
        return self.talk_s / self.talked if self.talked else 0.0

    @property
    def avg_acw_s(self) -> float:
        """After-call work per answered call."""
        return self.acw_s / self.answered if self.answered else 0.0

    @property
    def aht_s(self) -> float:
        return self.avg_talk_s + self.avg_acw_s

    def line(self) -> str:
        """The machine-readable summary (the command's last line)."""
        return (f"offered={self.offered} answered={self.answered} abandoned={self.abandoned} "
                f"answer_rate={self.answer_rate:.4f} answer15_rate={self.answer15_rate:.4f} "
                f"aht_s={self.aht_s:.1f}")

    def sentence(self) -> str:
        """The figures in words, as the center's briefs put them."""
        return (f"呼入{self.offered}通，接通{self.answered}通，接通率{self.answer_rate:.2%}，"
                f"15秒接通率{self.answer15_rate:.2%}，呼损{self.abandoned}通，"
                f"平均等待{self.avg_wait_s:.1f}秒，平均通话{self.avg_talk_s:.1f}秒")


@dataclass(frozen=True)
class CallReport:
    period: Period
    total: CallFigures
    by_seat: dict[str, CallFigures] = field(default_factory=dict)
    by_line: dict[str, CallFigures] = field(default_factory=dict)


def _figures(connection: Connection, period: Period, group: Any | None) -> dict[str, CallFigures]:
    start, stop = period.utc_bounds()
    dialect = connection.dialect.name

    def _seconds(later: Any, earlier: Any) -> ColumnElement[Any]:
        return seconds_between(dialect, earlier, later)

    answered = Call.answered_at.is_not(None)
    columns = [
        func.count(),
        func.sum(case((answered, 1), else_=0)),
        func.sum(case((answered & (_seconds(Call.answered_at, Call.offered_at) <= ANSWER_TARGET_SECONDS), 1),
                      else_=0)),
        func.sum(case((Call.state == CallState.ABANDONED.value, 1), else_=0)),
        func.sum(_seconds(func.coalesce(Call.answered_at, Call.ended_at, Call.offered_at), Call.offered_at)),
        func.sum(case((answered & Call.ended_at.is_not(None), _seconds(Call.ended_at, Call.answered_at)), else_=0)),
        func.sum(case((answered & Call.ended_at.is_not(None), 1), else_=0)),
    ]
    key = group if group is not None else literal("")
    statement = select(key, *columns).where(Call.offered_at >= start, Call.offered_at < stop).group_by(key)
    found: dict[str, CallFigures] = {}
    for row in connection.execute(statement):
        found[str(row[0])] = CallFigures(
            offered=int(row[1]), answered=int(row[2] or 0), answered15=int(row[3] or 0),
            abandoned=int(row[4] or 0), wait_s=float(row[5] or 0), talk_s=float(row[6] or 0),
            talked=int(row[7] or 0))
    return found


def _after_call_work(connection: Connection, period: Period) -> dict[str, float]:
    """Seconds of 话后整理 by seat (spans started in the period and closed)."""
    start, stop = period.utc_bounds()
    span = AgentStateSpan
    began: Any = span.started_at
    ended: Any = span.ended_at
    statement = (select(span.seat, func.sum(seconds_between(connection.dialect.name, began, ended)))
                 .where(span.state == AgentState.AFTER_CALL.value, span.ended_at.is_not(None),
                        span.started_at >= start, span.started_at < stop).group_by(span.seat))
    return {str(seat): float(total or 0) for seat, total in connection.execute(statement)}


def call_report(connection: Connection, period: Period) -> CallReport:
    """The period's call figures, in total, by seat and by line."""
    acw = _after_call_work(connection, period)
    total = replace(_figures(connection, period, None).get("", CallFigures()), acw_s=sum(acw.values()))
    by_seat = {seat: replace(f, acw_s=acw.get(seat, 0.0)) for seat, f in _figures(connection, period, Call.seat).items()}
    return CallReport(period, total, by_seat=by_seat, by_line=_figures(connection, period, Call.line))


def period_calls(connection: Connection, period: Period) -> CallFigures | None:
    """The period's totals, None when the seat recorded no call in it (the brief then says nothing)."""
    total = _figures(connection, period, None).get("")
    return total if total is not None and total.offered else None


def report_text(report: CallReport) -> str:
    """The report as printed by ``python -m app.reports calls``; its last line is ``CallFigures.line``."""
    lines = [f"来电统计 {report.period.start.isoformat()} 至 {report.period.end.isoformat()}",
             f"合计：{report.total.sentence()}"]
    lines += [f"座席 {seat or '（未设）'}：{f.sentence()}" for seat, f in sorted(report.by_seat.items())]
    lines += [f"线路 {line or '（未知）'}：{f.sentence()}" for line, f in sorted(report.by_line.items())]
    lines.append(report.total.line())
    return "\n".join(lines)
