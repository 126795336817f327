"""The dashboard's 热点与预警 tab: a period's hot groups, warnings, repeat callers and long-running
groups, each with its evidence beside it.

The analysis runs off the GUI thread (``run_task``) and reports its progress through a queued
signal; a newer period drops an older one's answer.

Signals:
    report_ready(object): a ``HotspotReport`` is on screen.
    failed(str): the analysis failed; the message is for the user.
"""

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.analysis.model import HotGroup, HotspotReport, RepeatCaller, TicketRef, Warning
from app.reports.period import Period
from ui.dates import period_label
from ui.tasks import Newest, run_task

Index = QModelIndex | QPersistentModelIndex
Progress = Callable[[str, int, int], None]
Analyse = Callable[[Period, Progress], HotspotReport]
PayloadRole = Qt.ItemDataRole.UserRole + 10
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowsModel(QAbstractTableModel):
    """Read-only rows of texts, each with the object it shows (``PayloadRole``)."""

    def __init__(self, headers: Sequence[str], numeric: Sequence[int] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._numeric = set(numeric)
        self._rows: list[tuple[list[str], object]] = []

    def set_rows(self, rows: Sequence[tuple[list[str], object]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def payload(self, row: int) -> object:
        return self._rows[row][1]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        texts, payload = self._rows[index.row()]
        if not 0 <= index.column() < len(texts):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return texts[index.column()]
        if role == PayloadRole:
            return payload
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._numeric:
            return _RIGHT
        return None


class _ProgressRelay(QObject):
    """Emitted from the worker, delivered on the GUI thread (a queued connection)."""

    progressed = Signal(str, int, int)


def _table(model: RowsModel, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)  # the text that says what
    return view


class HotspotsPanel(QWidget):
    """Hot issues and warnings of a period; ``analyse(period, progress)`` computes them."""

    report_ready = Signal(object)
    failed = Signal(str)

    def __init__(self, analyse: Analyse, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._analyse = analyse
        self._requests = Newest()  # a newer period drops an older one's answer and progress
        self.report: HotspotReport | None = None
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._on_progress)
        self._build()

    def _build(self) -> None:
        self.status_label = QLabel(self.tr("选择期间后自动分析。"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(True)
        self.progress_bar.hide()
        top = QHBoxLayout()
        top.addWidget(self.status_label, 1)
        top.addWidget(self.progress_bar)

        self.groups_model = RowsModel(
            [self.tr("排名"), self.tr("热度"), self.tr("问题描述"), self.tr("地点/人群"),
             self.tr("时间范围"), self.tr("件数"), self.tr("来电人")], numeric=(0, 1, 5, 6), parent=self)
        self.warnings_model = RowsModel(
            [self.tr("时间"), self.tr("级别"), self.tr("单元"), self.tr("来电人数"), self.tr("期望"),
             self.tr("倍数")], numeric=(3, 4, 5), parent=self)
        self.callers_model = RowsModel(
            [self.tr("来电人"), self.tr("件数"), self.tr("首次"), self.tr("最近"), self.tr("涉及热点")],
            numeric=(1, 4), parent=self)
        self.long_model = RowsModel(
            [self.tr("问题描述"), self.tr("时间范围"), self.tr("件数"), self.tr("未办结"),
             self.tr("不满意"), self.tr("重办")], numeric=(2, 3, 4, 5), parent=self)
        self.groups_view = _table(self.groups_model, stretch=2)
        self.warnings_view = _table(self.warnings_model, stretch=2)
        self.callers_view = _table(self.callers_model, stretch=0)
        self.long_view = _table(self.long_model, stretch=0)
        self.lists = QTabWidget()
        self.lists.addTab(self.groups_view, self.tr("热点问题"))
        self.lists.addTab(self.warnings_view, self.tr("预警"))
        self.lists.addTab(self.callers_view, self.tr("重复来电"))
        self.lists.addTab(self.long_view, self.tr("久拖未决"))
        self.evidence = QTextBrowser()
        self.evidence.setPlaceholderText(self.tr("选中一行，这里显示它的依据和工单。"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.lists)
        splitter.addWidget(self.evidence)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        for view in (self.groups_view, self.warnings_view, self.callers_view, self.long_view):
            view.selectionModel().currentRowChanged.connect(
                lambda current, _previous, v=view: self._on_row_chosen(v, current))
        self.lists.currentChanged.connect(self._on_list_chosen)

    # --- computing ----------------------------------------------------------------------------
    def analyse(self, period: Period) -> None:
        """Analyse ``period`` off the GUI thread; progress shows until ``report_ready``."""
        request, analyse, relay = self._requests.begin(), self._analyse, self._relay

        def progress(stage: str, done: int, total: int) -> None:
            relay.progressed.emit(f"{request}|{stage}", done, total)

        self.status_label.setText(self.tr("正在分析 %1 的热点与预警…").replace("%1", period_label(period)))
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        run_task(lambda: analyse(period, progress), self._on_done, self._on_failed, owner=self,
                 newest=self._requests)

    def _on_progress(self, tagged: str, done: int, total: int) -> None:
        request, _, stage = tagged.partition("|")
        if not self._requests.is_current(int(request)):
            return
        if stage == "read" and total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
            self.progress_bar.setFormat(self.tr("读取工单 %v/%m"))
        else:
            self.progress_bar.setRange(0, 0)  # busy: grouping and warnings have no count
            stages = {"group": self.tr("归并热点"), "warn": self.tr("检测预警"), "done": self.tr("完成")}
            self.progress_bar.setFormat(stages.get(stage, stage))

    def _on_done(self, report: HotspotReport) -> None:
        self.progress_bar.hide()
        self.show_report(report)
        self.report_ready.emit(report)

    def _on_failed(self, error: Exception) -> None:
        self.progress_bar.hide()
        message = self.tr("热点分析失败：%1").replace("%1", str(error))
        self.status_label.setText(message)
        self.failed.emit(message)

    # --- showing ------------------------------------------------------------------------------
    def show_report(self, report: HotspotReport) -> None:
        self.report = report
        self.status_label.setText(
            self.tr("%1：分析工单 %2 件，归并出 %3 组（%4 件）；预警 %5 条，重复来电 %6 人，久拖未决 %7 组。")
            .replace("%1", period_label(report.period)).replace("%2", str(report.tickets))
            .replace("%3", str(report.group_count)).replace("%4", str(report.grouped_tickets))
            .replace("%5", str(len(report.warnings))).replace("%6", str(len(report.repeat_callers)))
            .replace("%7", str(len(report.long_running))))
        self.groups_model.set_rows([
            ([str(g.rank), f"{g.heat:.1f}", g.description, g.place, g.time_range,
              str(g.parts.tickets), str(g.parts.callers)], g)
            for g in report.groups
        ])
        self.warnings_model.set_rows([
            ([w.window_label, w.level, w.cell, str(w.count), f"{w.expected:.2g}",
              f"{w.count / w.expected:.0f}" if w.expected else "—"], w)
            for w in report.warnings
        ])
        self.callers_model.set_rows([
            ([c.caller, str(c.calls), f"{c.first:%Y-%m-%d}", f"{c.last:%Y-%m-%d}", str(c.groups)], c)
            for c in report.repeat_callers
        ])
        self.long_model.set_rows([
            ([g.description, g.time_range, str(g.parts.tickets), str(g.open_tickets),
              str(g.parts.unsatisfied), str(g.parts.reopened)], g)
            for g in report.long_running
        ])
        self.lists.setTabText(1, self.tr("预警（%1）").replace("%1", str(len(report.warnings))))
        self.evidence.clear()
        if report.groups:
            self.groups_view.selectRow(0)

    def _on_list_chosen(self, index: int) -> None:
        view = (self.groups_view, self.warnings_view, self.callers_view, self.long_view)[index]
        current = view.currentIndex()
        if current.isValid():
            self._on_row_chosen(view, current)
        elif view.model().rowCount() > 0:
            view.selectRow(0)

    def _on_row_chosen(self, view: QTableView, current: QModelIndex) -> None:
        if not current.isValid():
            return
        payload = view.model().data(current, PayloadRole)
        if isinstance(payload, HotGroup):
            self.evidence.setHtml(self._group_html(payload))
        elif isinstance(payload, Warning):
            self.evidence.setHtml(self._warning_html(payload))
        elif isinstance(payload, RepeatCaller):
            self.evidence.setHtml(self._caller_html(payload))

    def _tickets_html(self, tickets: Sequence[TicketRef]) -> str:
        rows = "".join(
            f"<tr><td>{escape(t.number)}</td><td>{t.created_at:%Y-%m-%d %H:%M}</td>"
            f"<td>{escape(t.status)}</td><td>{escape(t.title)}</td></tr>"
            for t in tickets
        )
        return f"<table cellspacing='0' cellpadding='3'>{rows}</table>"

    def _group_html(self, group: HotGroup) -> str:
        heat = self.tr("热度 %1：%2").replace("%1", f"{group.heat:.1f}").replace("%2", group.parts.explain())
        facts = (self.tr("时间范围：%1；地点/人群：%2；未办结：%3").replace("%1", group.time_range)
                 .replace("%2", group.place or "—").replace("%3", str(group.open_tickets)))
        tickets = self.tr("工单（%1件）").replace("%1", str(group.parts.tickets))
        return (f"<h3>{escape(group.description)}</h3><p>{escape(heat)}</p><p>{escape(facts)}</p>"
                f"<p>{escape(tickets)}</p>" + self._tickets_html(group.tickets))

    def _warning_html(self, warning: Warning) -> str:
        return (f"<h3>{escape(warning.cell)}　{escape(warning.window_label)}</h3>"
                f"<p>{escape(warning.level)}：{escape(warning.explain())}</p>"
                + self._tickets_html(warning.tickets))

    def _caller_html(self, caller: RepeatCaller) -> str:
        calls = (self.tr("期间来电 %1 次，涉及热点 %2 个").replace("%1", str(caller.calls))
                 .replace("%2", str(caller.groups)))
        return f"<h3>{escape(caller.caller)}</h3><p>{escape(calls)}</p>" + self._tickets_html(caller.tickets)
