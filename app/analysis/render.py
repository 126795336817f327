"""The hot-issue report as text (CLI, brief) and as CSV: one row per (rank, ticket)."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from app.analysis.model import HotGroup, HotspotReport, Warning
from app.reports.period import PeriodKind

CSV_HEADERS = ("热度排名", "热度指数", "时间范围", "地点/人群", "问题描述", "本地编号")
STAGES = {"read": "读取工单", "group": "归并热点", "warn": "检测预警", "done": "完成"}


def csv_rows(report: HotspotReport) -> list[tuple[str, ...]]:
    """Every ticket of each top group, hottest group first, each group's tickets oldest first."""
    return [
        (str(g.rank), f"{g.heat:.1f}", g.time_range, g.place, g.description, t.local_no)
        for g in report.groups
        for t in g.tickets
    ]


def write_csv(report: HotspotReport, path: Path) -> int:
    """Write the CSV (UTF-8 with BOM, as the queue's exports: Excel opens it); returns its rows."""
    rows = csv_rows(report)
    temporary = path.with_name(path.name + ".part")
    with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADERS)
        writer.writerows(rows)
    temporary.replace(path)
    return len(rows)


def group_line(group: HotGroup) -> str:
    return f"{group.rank}. 【热度{group.heat:.1f}】{group.description}"


def group_detail(group: HotGroup) -> str:
    place = f"；地点/人群：{group.place}" if group.place else ""
    return (f"时间：{group.time_range}{place}；工单{group.parts.tickets}件，"
            f"来电人{group.parts.callers}人。依据：{group.parts.explain()}")


def warning_line(warning: Warning) -> str:
    return f"【{warning.level}】{warning.cell}，{warning.window_label}：{warning.explain()}"


def report_text(report: HotspotReport) -> str:
    """The report for a terminal or a file: top groups with their evidence, then the warnings."""
    period = report.period
    options = report.options
    lines = [
        f"热点问题（{period.start:%Y-%m-%d}至{period.end:%Y-%m-%d}：分析工单{report.tickets}件，"
        f"归并出{report.group_count}组共{report.grouped_tickets}件）"
    ]
    if not report.groups:
        lines.append("没有两件以上反映同一问题的工单。")
    for group in report.groups:
        lines.append(group_line(group))
        lines.append(f"   {group_detail(group)}")
        for ticket in group.tickets[:3]:
            lines.append(f"   - {ticket.number} {ticket.created_at:%Y-%m-%d %H:%M} {ticket.title}")
        if len(group.tickets) > 3:
            lines.append(f"   - ……共{len(group.tickets)}件")
    lines.append(f"预警（{len(report.warnings)}条）")
    lines += [f"- {warning_line(w)}" for w in report.warnings[:10]] or ["- 无：各区县、分类和地点的来电量均在平常范围内。"]
    lines.append(f"重复来电（同一来电人{options.repeat_calls}次及以上，{len(report.repeat_callers)}人）")
    lines += [
        f"- {c.caller}：{c.calls}件，{c.first:%m-%d}至{c.last:%m-%d}，"
        + (f"涉及{c.groups}个热点" if c.groups else "各为不同问题")
        for c in report.repeat_callers[:10]
    ] or ["- 无"]
    lines.append(f"久拖未决（持续{options.long_running_days}天以上仍有未办结、不满意或重办，"
                 f"{len(report.long_running)}组）")
    lines += [
        f"- {g.description}（{g.time_range}，{g.parts.tickets}件，未办结{g.open_tickets}件，"
        f"不满意{g.parts.unsatisfied}件，重办{g.parts.reopened}次）"
        for g in report.long_running[:10]
    ] or ["- 无"]
    return "\n".join(lines)


HOT_TITLES = {PeriodKind.DAILY: "当日热点", PeriodKind.WEEKLY: "本周热点", PeriodKind.MONTHLY: "本月热点",
              PeriodKind.CUSTOM: "期间热点"}
BRIEF_GROUPS = 3
BRIEF_WARNINGS = 3


def _day(moment: datetime | date) -> str:
    return f"{moment.month}月{moment.day}日"


def _days(first: datetime, last: datetime) -> str:
    """1月8日, 1月8日至14日, 1月29日至2月4日 (as the brief names periods)."""
    if first.date() == last.date():
        return _day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{_day(first)}至{last.day}日"
    return f"{_day(first)}至{_day(last)}"


def brief_paragraphs(report: HotspotReport) -> list[str]:
    """The brief's "本周热点" and "预警" paragraphs, each claim with its figures; none when the
    period has neither a group nor a warning, a repeat caller or a long-running group."""
    paragraphs: list[str] = []
    if report.groups:
        parts = [
            f"{g.description}（{g.parts.tickets}件，来电{g.parts.callers}人，{_days(g.first, g.last)}）"
            for g in report.groups[:BRIEF_GROUPS]
        ]
        paragraphs.append(f"{HOT_TITLES[report.period.kind]}：群众集中反映的问题有{'；'.join(parts)}。")
    warnings: list[str] = []
    for w in report.warnings[:BRIEF_WARNINGS]:
        when = f"{_day(w.start)}{w.start.hour}时" if w.window == "hour" else _day(w.start)
        ratio = w.count / w.expected if w.expected > 0 else 0.0
        warnings.append(f"{when}，{w.cell}来电{w.count}人，为近28天同期水平的{ratio:.0f}倍")
    if report.repeat_callers:
        first = report.repeat_callers[0]
        warnings.append(f"同一来电人反映{report.options.repeat_calls}次以上的有{len(report.repeat_callers)}人"
                        f"（最多者{first.calls}次）")
    if report.long_running:
        oldest = report.long_running[0]
        warnings.append(f"持续{report.options.long_running_days}天以上仍未解决的问题{len(report.long_running)}个，"
                        f"如{oldest.description}（{_day(oldest.first)}起{oldest.parts.tickets}件）")
    if warnings:
        paragraphs.append(f"预警：{'；'.join(warnings)}。")
    return paragraphs
