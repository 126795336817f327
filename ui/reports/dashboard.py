"""The supervisor's reports dashboard: one period's counts, charts, lists, unit ranking and brief.

Embed ``ReportsDashboard(desk)`` anywhere; it computes off the GUI thread (``run_task``,
``Desk.dashboard``), and re-ranks on the GUI thread when only weights change.
"""

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.analysis.model import HotspotReport
from app.desk import Desk
from app.reports.dashboard import rescore, with_hotspots
from app.reports.data import WEIGHT_PRESETS, Dashboard, Dimension, ReportOptions, Weights
from app.reports.period import Period, PeriodKind, local_today
from app.reports.xlsx import write_xlsx
from ui.dates import period_label, pydate, qdate
from ui.files import in_documents
from ui.reports.charts import ChartWidget, Series
from ui.reports.hotspots import HotspotsPanel, Progress
from ui.reports.models import CallsModel, CountsModel, RatingsModel, SortRole, TicketsModel
from ui.reports.pdf import write_pdf
from ui.tasks import Newest, run_task
from ui.vocabulary import display

_KINDS = (PeriodKind.DAILY, PeriodKind.WEEKLY, PeriodKind.MONTHLY, PeriodKind.CUSTOM)


def _table(model: CountsModel | TicketsModel | RatingsModel | CallsModel, *, stretch: int | None = None) -> QTableView:
    """``stretch``: the column that takes the spare width (default: the last one)."""
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    view = QTableView()
    view.setModel(proxy)
    # Keep the model's order (largest first, rank order) until the user clicks a header.
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        view.horizontalHeader().setStretchLastSection(True)
    else:
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class ReportsDashboard(QWidget):
    """Reports for a chosen period (last week by default), with XLSX and PDF export.

    Signals:
        dashboard_ready(object): a freshly computed ``Dashboard`` is on screen.
        hotspots_ready(object): the period's ``HotspotReport`` is on screen and in the brief.
        export_finished(str): an export was written to this path.
        failed(str): computing or exporting failed; the message is for the user.
    """

    dashboard_ready = Signal(object)
    hotspots_ready = Signal(object)
    export_finished = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        options: ReportOptions | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.today = today or local_today()
        self.options = options or ReportOptions()
        self.dashboard: Dashboard | None = None
        self._hotspots: HotspotReport | None = None
        self._requests = Newest()  # a newer period or option drops an older answer
        self._brief_edited = False
        self._period = Period.last_week(self.today)
        self._build()
        self._show_period()
        self.refresh()

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.kind_combo = QComboBox()
        for kind, title in zip(_KINDS, (self.tr("日报"), self.tr("周报"), self.tr("月报"), self.tr("自定义")), strict=True):
            self.kind_combo.addItem(title, kind.value)
        self.start_edit = QDateEdit()
        self.end_edit = QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.previous_button = QPushButton(self.tr("上一期"))
        self.next_button = QPushButton(self.tr("下一期"))
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.xlsx_button = QPushButton(self.tr("导出XLSX…"))
        self.pdf_button = QPushButton(self.tr("导出PDF…"))
        self.status_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("报表类型")))
        bar.addWidget(self.kind_combo)
        bar.addWidget(QLabel(self.tr("从")))
        bar.addWidget(self.start_edit)
        bar.addWidget(QLabel(self.tr("至")))
        bar.addWidget(self.end_edit)
        for button in (self.previous_button, self.next_button, self.refresh_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.status_label)
        bar.addWidget(self.xlsx_button)
        bar.addWidget(self.pdf_button)

        self.summary_label = QLabel()
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The period's strongest warnings, where a supervisor looks first (details: 热点与预警).
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet("color: #b00020;")
        self.warnings_label.hide()
        self.channel_chart = ChartWidget("bars")
        self.category_chart = ChartWidget("bars")
        self.trend_chart = ChartWidget("line")
        self.top_spin = QSpinBox(minimum=3, maximum=30, value=10)
        overview = QWidget()
        grid = QGridLayout(overview)
        grid.addWidget(self.summary_label, 0, 0, 1, 2)
        grid.addWidget(self.warnings_label, 1, 0, 1, 2)
        grid.addWidget(self.channel_chart, 2, 0)
        grid.addWidget(self.category_chart, 2, 1)
        grid.addWidget(self.trend_chart, 3, 0, 1, 2)
        top_row = QHBoxLayout()
        top_row.addWidget(QLabel(self.tr("分类图显示前")))
        top_row.addWidget(self.top_spin)
        top_row.addWidget(QLabel(self.tr("项")))
        top_row.addStretch(1)
        grid.addLayout(top_row, 4, 0, 1, 2)

        titles = {
            Dimension.CHANNEL: self.tr("受理渠道"), Dimension.REQUEST_TYPE: self.tr("诉求类型"),
            Dimension.CATEGORY: self.tr("问题分类"), Dimension.DISTRICT: self.tr("区县"),
            Dimension.UNIT: self.tr("承办单位"),
        }
        self.count_models = {d: CountsModel(titles[d], self) for d in Dimension}
        counts_tabs = QTabWidget()
        for dimension, model in self.count_models.items():
            # The name takes the width: a short 占比 column spread over the page was mostly empty.
            counts_tabs.addTab(_table(model, stretch=0), titles[dimension])

        self.overdue_model = TicketsModel(escalated=False, parent=self)
        self.escalated_model = TicketsModel(escalated=True, parent=self)
        lists = QWidget()
        lists_layout = QVBoxLayout(lists)
        self.overdue_label = QLabel()
        self.escalated_label = QLabel()
        lists_layout.addWidget(self.overdue_label)
        lists_layout.addWidget(_table(self.overdue_model), 1)
        lists_layout.addWidget(self.escalated_label)
        lists_layout.addWidget(_table(self.escalated_model), 1)

        self.ratings_model = RatingsModel(self)
        self.preset_combo = QComboBox()
        self.preset_combo.addItem(self.tr("自定义权重"), "")
        for name in WEIGHT_PRESETS:
            self.preset_combo.addItem(QCoreApplication.translate("RatingPresets", name), name)
        self.weight_spins: dict[str, QDoubleSpinBox] = {}
        weights_box = QGroupBox(self.tr("考核权重"))
        weights_form = QFormLayout(weights_box)
        weights_form.addRow(self.tr("方案"), self.preset_combo)
        weight_titles = {
            "response": self.tr("响应率（按时签收）"), "solution": self.tr("解决率"),
            "satisfaction": self.tr("满意率"), "on_time": self.tr("按时办结率"),
            "returns": self.tr("退单率（扣分）"),
        }
        for name, value in self.options.weights.as_dict().items():
            spin = QDoubleSpinBox(minimum=0, maximum=100, decimals=1, value=value)
            self.weight_spins[name] = spin
            weights_form.addRow(weight_titles[name], spin)
        self.sign_hours_spin = QDoubleSpinBox(minimum=0.5, maximum=72, decimals=1, value=self.options.sign_limit_hours)
        self.sign_hours_spin.setSuffix(self.tr(" 小时"))
        self.min_tickets_spin = QSpinBox(minimum=1, maximum=1000, value=self.options.min_ranked_tickets)
        weights_form.addRow(self.tr("签收时限"), self.sign_hours_spin)
        weights_form.addRow(self.tr("参加排名最少工单数"), self.min_tickets_spin)
        self._sync_preset()
        ratings = QWidget()
        ratings_layout = QHBoxLayout(ratings)
        ratings_layout.addWidget(weights_box)
        self.ratings_view = _table(self.ratings_model)
        ratings_layout.addWidget(self.ratings_view, 1)

        self.brief_edit = QPlainTextEdit()
        self.brief_edit.setPlaceholderText(self.tr("简报将在统计完成后生成，可在导出前修改。"))
        self.brief_state = QLabel()
        self.reset_brief_button = QPushButton(self.tr("恢复自动生成的简报"))
        brief = QWidget()
        brief_layout = QVBoxLayout(brief)
        if QLocale().language() != QLocale.Language.Chinese:
            # The brief is the hotline's published text (like the seed's 速递): wholly Chinese.
            note = QLabel(self.tr("简报按热线对外发布的格式，全文用中文撰写。"))
            note.setWordWrap(True)
            brief_layout.addWidget(note)
        brief_layout.addWidget(self.brief_edit, 1)
        brief_row = QHBoxLayout()
        brief_row.addWidget(self.brief_state, 1)
        brief_row.addWidget(self.reset_brief_button)
        brief_layout.addLayout(brief_row)

        # The calls the seat recorded in the period (offered to 话后整理), total, by seat and line.
        self.calls_model = CallsModel(self)
        self.calls_label = QLabel()
        self.calls_label.setWordWrap(True)
        calls = QWidget()
        calls_layout = QVBoxLayout(calls)
        calls_layout.addWidget(self.calls_label)
        self.calls_view = _table(self.calls_model, stretch=0)
        calls_layout.addWidget(self.calls_view, 1)

        desk, today = self.desk, self.today

        def analyse(period: Period, progress: Progress) -> HotspotReport:
            return desk.hotspots(period, as_of=today, progress=progress)

        self.hotspots_panel = HotspotsPanel(analyse, self)
        self.hotspots_panel.report_ready.connect(self._on_hotspots)
        self.tabs = QTabWidget()
        self.tabs.addTab(overview, self.tr("概览"))
        self.tabs.addTab(self.hotspots_panel, self.tr("热点与预警"))
        self.tabs.addTab(counts_tabs, self.tr("分项统计"))
        self.tabs.addTab(lists, self.tr("逾期与督办"))
        self.tabs.addTab(ratings, self.tr("单位考核"))
        self.tabs.addTab(calls, self.tr("来电统计"))
        self.tabs.addTab(brief, self.tr("简报"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)

        self.kind_combo.activated.connect(self._on_kind_chosen)
        self.start_edit.dateChanged.connect(self._on_dates_edited)
        self.end_edit.dateChanged.connect(self._on_dates_edited)
        self.previous_button.clicked.connect(lambda: self._on_step(-1))
        self.next_button.clicked.connect(lambda: self._on_step(1))
        self.refresh_button.clicked.connect(self.refresh)
        self.top_spin.valueChanged.connect(self._show_charts)
        self.preset_combo.activated.connect(self._on_preset_chosen)
        for spin in self.weight_spins.values():
            spin.valueChanged.connect(self._on_weights_changed)
        self.min_tickets_spin.valueChanged.connect(self._on_weights_changed)
        self.sign_hours_spin.editingFinished.connect(self._on_sign_hours_changed)
        self.brief_edit.textChanged.connect(self._on_brief_edited)
        self.reset_brief_button.clicked.connect(self._on_reset_brief)
        self.xlsx_button.clicked.connect(self._on_export_xlsx_clicked)
        self.pdf_button.clicked.connect(self._on_export_pdf_clicked)
        self.export_finished.connect(self._on_exported)

    # --- period -------------------------------------------------------------------------------
    @property
    def period(self) -> Period:
        return self._period

    def set_period(self, period: Period) -> None:
        """Show ``period`` and compute its reports."""
        self._period = period
        self._show_period()
        self.refresh()

    def _show_period(self) -> None:
        custom = self._period.kind is PeriodKind.CUSTOM
        for edit, day in ((self.start_edit, self._period.start), (self.end_edit, self._period.end)):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)
        self.end_edit.setEnabled(custom)
        self.kind_combo.setCurrentIndex(_KINDS.index(self._period.kind))

    def _anchored(self, kind: PeriodKind, day: date) -> Period:
        if kind is PeriodKind.DAILY:
            return Period.day(day)
        if kind is PeriodKind.WEEKLY:
            return Period.week_of(day)
        if kind is PeriodKind.MONTHLY:
            return Period.month_of(day)
        return Period(day, max(day, self._period.end), PeriodKind.CUSTOM)

    def _on_kind_chosen(self, index: int) -> None:
        self.set_period(self._anchored(_KINDS[index], self._period.start))

    def _on_dates_edited(self) -> None:
        start, end = pydate(self.start_edit.date()), pydate(self.end_edit.date())
        if self._period.kind is PeriodKind.CUSTOM:
            self.set_period(Period(min(start, end), max(start, end), PeriodKind.CUSTOM))
        else:
            self.set_period(self._anchored(self._period.kind, start))

    def _on_step(self, direction: int) -> None:
        p = self._period
        if p.kind is PeriodKind.MONTHLY:
            anchor = p.start - timedelta(days=1) if direction < 0 else p.end + timedelta(days=1)
            self.set_period(Period.month_of(anchor))
        else:
            shift = timedelta(days=p.day_count * direction)
            self.set_period(Period(p.start + shift, p.end + shift, p.kind))

    # --- computing ----------------------------------------------------------------------------
    def current_options(self) -> ReportOptions:
        weights = Weights(**{name: spin.value() for name, spin in self.weight_spins.items()})
        return replace(
            self.options, weights=weights, sign_limit_hours=self.sign_hours_spin.value(),
            min_ranked_tickets=self.min_tickets_spin.value(),
        )

    def refresh(self) -> None:
        """Recompute the current period off the GUI thread."""
        self._requests.begin()
        desk, period, options, today = self.desk, self._period, self.current_options(), self.today
        self.status_label.setText(self.tr("正在统计…"))
        self.refresh_button.setEnabled(False)
        self._hotspots = None
        self.warnings_label.hide()
        self.hotspots_panel.analyse(period)
        run_task(lambda: desk.dashboard(period, options=options, as_of=today), self._on_computed,
                 self._on_failed, owner=self, newest=self._requests)

    def _on_computed(self, dashboard: Dashboard) -> None:
        self.refresh_button.setEnabled(True)
        elapsed = sum(dashboard.timings_ms.values())
        self.status_label.setText(self.tr("统计用时 %n 毫秒", "", int(elapsed)))
        self._show(dashboard, reset_brief=True)
        self.dashboard_ready.emit(dashboard)
        self._apply_hotspots()

    def _on_hotspots(self, report: HotspotReport) -> None:
        self._hotspots = report
        self._show_warnings(report)
        self._apply_hotspots()

    def _show_warnings(self, report: HotspotReport) -> None:
        if not report.warnings:
            self.warnings_label.hide()
            return
        shown = "；".join(
            self.tr("%1 %2 来电%3人（平常约%4件）").replace("%1", w.window_label).replace("%2", w.cell)
            .replace("%3", str(w.count)).replace("%4", f"{w.expected:.2g}")
            for w in report.warnings[:3]
        )
        self.warnings_label.setText(
            self.tr("预警 %1 条：%2。详见“热点与预警”。").replace("%1", str(len(report.warnings)))
            .replace("%2", shown))
        self.warnings_label.show()

    def _apply_hotspots(self) -> None:
        """Both answers of the same period in: the brief gains its 热点/预警 paragraphs."""
        report, dashboard = self._hotspots, self.dashboard
        if report is None or dashboard is None or report.period != dashboard.period:
            return
        self._show(with_hotspots(dashboard, report, self.current_options()), reset_brief=False)
        self.hotspots_ready.emit(report)

    def _on_failed(self, error: Exception) -> None:
        self.refresh_button.setEnabled(True)
        message = self.tr("统计失败：%1").replace("%1", str(error))
        self.status_label.setText(message)
        self.failed.emit(message)

    def _show(self, dashboard: Dashboard, *, reset_brief: bool) -> None:
        self.dashboard = dashboard
        totals = dashboard.totals
        self.summary_label.setText(
            self.tr("%1，有效事件 %2 件（受理 %3 件，其中合并/作废 %4 件）；逾期未办结 %5 件，督办 %6 件。")
            .replace("%1", period_label(dashboard.period)).replace("%2", str(totals.valid))
            .replace("%3", str(totals.received)).replace("%4", str(totals.invalid))
            .replace("%5", str(dashboard.overdue_total)).replace("%6", str(dashboard.escalated_total))
        )
        for dimension, model in self.count_models.items():
            model.set_rows(dashboard.counts[dimension])
        self.overdue_model.set_rows(dashboard.overdue)
        self.escalated_model.set_rows(dashboard.escalated)
        self.overdue_label.setText(
            self.tr("逾期未办结工单（截至 %1，共 %2 件，列出 %3 件）").replace("%1", dashboard.as_of.isoformat())
            .replace("%2", str(dashboard.overdue_total)).replace("%3", str(len(dashboard.overdue))))
        self.escalated_label.setText(
            self.tr("督办工单（共 %1 件，列出 %2 件）").replace("%1", str(dashboard.escalated_total))
            .replace("%2", str(len(dashboard.escalated))))
        self.ratings_model.set_ratings(dashboard.ratings)
        self.calls_model.set_report(dashboard.calls)
        calls = dashboard.calls.total if dashboard.calls is not None else None
        self.calls_label.setText(
            self.tr("%1：呼入 %2 通，接通 %3 通，接通率 %4，15秒接通率 %5，呼损 %6 通。")
            .replace("%1", period_label(dashboard.period)).replace("%2", str(calls.offered))
            .replace("%3", str(calls.answered)).replace("%4", f"{calls.answer_rate:.2%}")
            .replace("%5", f"{calls.answer15_rate:.2%}").replace("%6", str(calls.abandoned))
            if calls is not None else self.tr("本期本座席没有来电记录（来电接入见“设置”）。"))
        self._show_charts()
        if reset_brief or not self._brief_edited:
            self._set_brief_text(dashboard.brief.text)

    def _show_charts(self) -> None:
        if self.dashboard is None:
            return
        channels = self.dashboard.counts[Dimension.CHANNEL]
        categories = self.dashboard.counts[Dimension.CATEGORY][: self.top_spin.value()]
        self.channel_chart.set_series(Series(
            self.tr("受理渠道"), [display(r.label) for r in channels], [r.count for r in channels],
            [f"{r.share}%" for r in channels]))
        self.category_chart.set_series(Series(
            self.tr("问题分类（前%1项）").replace("%1", str(self.top_spin.value())),
            [r.label for r in categories], [r.count for r in categories], [f"{r.share}%" for r in categories]))
        self.trend_chart.set_series(Series(
            self.tr("每日有效事件"), [d.day.strftime("%m-%d") for d in self.dashboard.trend],
            [d.count for d in self.dashboard.trend]))

    # --- weights ------------------------------------------------------------------------------
    def _sync_preset(self) -> None:
        current = self.current_options().weights if hasattr(self, "sign_hours_spin") else self.options.weights
        names = [name for name, w in WEIGHT_PRESETS.items() if w == current]
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(names[0]) if names else 0)

    def _on_preset_chosen(self, index: int) -> None:
        name = self.preset_combo.itemData(index)
        if not name:
            return
        weights = WEIGHT_PRESETS[name].as_dict()
        for key, spin in self.weight_spins.items():
            spin.blockSignals(True)
            spin.setValue(weights[key])
            spin.blockSignals(False)
        self._on_weights_changed()

    def _on_weights_changed(self) -> None:
        self._sync_preset()
        if self.dashboard is not None:
            self._show(rescore(self.dashboard, self.current_options()), reset_brief=False)

    def _on_sign_hours_changed(self) -> None:
        if self.sign_hours_spin.value() != getattr(self, "_last_sign_hours", self.options.sign_limit_hours):
            self._last_sign_hours = self.sign_hours_spin.value()
            self.refresh()

    # --- brief --------------------------------------------------------------------------------
    def brief_text(self) -> str:
        return self.brief_edit.toPlainText()

    def _set_brief_text(self, text: str) -> None:
        self.brief_edit.blockSignals(True)
        self.brief_edit.setPlainText(text)
        self.brief_edit.blockSignals(False)
        self._brief_edited = False
        self.brief_state.setText(self.tr("自动生成，可直接修改；导出时使用此处的文字。"))

    def _on_brief_edited(self) -> None:
        self._brief_edited = True
        self.brief_state.setText(self.tr("已修改：刷新或更换期间会重新生成。"))

    def _on_reset_brief(self) -> None:
        if self.dashboard is not None:
            self._set_brief_text(self.dashboard.brief.text)

    # --- export -------------------------------------------------------------------------------
    def export_xlsx(self, path: Path) -> None:
        """Write the workbook off the GUI thread; ``export_finished`` or ``failed`` follows."""
        if self.dashboard is None:
            return
        dashboard, text = self.dashboard, self.brief_text()
        run_task(lambda: write_xlsx(dashboard, path, brief_text=text),
                 lambda _: self.export_finished.emit(str(path)),
                 lambda error: self._export_failed(error))

    def export_pdf(self, path: Path) -> None:
        """Write the PDF (QPainter on QPdfWriter, on this thread: it takes well under a second)."""
        if self.dashboard is None:
            return
        try:
            write_pdf(self.dashboard, path, brief_text=self.brief_text(), texts=self._pdf_texts())
        except OSError as error:
            self._export_failed(error)
            return
        self.export_finished.emit(str(path))

    def _pdf_texts(self) -> dict[str, str]:
        return {
            "channels": self.tr("受理渠道"), "categories": self.tr("问题分类（前10）"),
            "trend": self.tr("每日有效事件"), "ratings": self.tr("承办单位考核排名"),
            "period": self.tr("统计期间"), "valid": self.tr("有效事件"),
            "overdue": self.tr("逾期未办结"), "escalated": self.tr("督办"),
            "headers": self.tr("排名,承办单位,工单数,得分,响应率,解决率,满意率,按时办结率,退单率"),
        }

    def _on_exported(self, path: str) -> None:
        # Said where the user looks (beside the buttons), and where the file went.
        self.status_label.setText(self.tr("已导出：%1").replace("%1", path))

    def _export_failed(self, error: Exception) -> None:
        message = self.tr("导出失败：%1").replace("%1", str(error))
        self.status_label.setText(message)
        self.failed.emit(message)

    def _default_name(self, suffix: str) -> str:
        p = self._period
        title = self.tr("12345报表")
        return in_documents(f"{title}_{p.start.isoformat()}_{p.end.isoformat()}.{suffix}")

    def _on_export_xlsx_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("导出XLSX"), self._default_name("xlsx"),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if name:
            self.export_xlsx(Path(name))

    def _on_export_pdf_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("导出PDF"), self._default_name("pdf"),
                                              self.tr("PDF 文件 (*.pdf)"))
        if name:
            self.export_pdf(Path(name))
