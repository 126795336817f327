"""The queue: filters, a search box and the lazy ticket table."""

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from typing import ClassVar

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTabBar,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.tickets.queue import QueueFilter, UnitCount
from app.tickets.queues import RoleView, narrow
from app.tickets.service import LOCAL_TZ
from ui.dates import pydate
from ui.queue_model import QueueModel, TicketIdRole
from ui.role_views import translated
from ui.tasks import Newest, run_task
from ui.vocabulary import CHANNELS, REQUEST_TYPES, STATUSES, URGENCIES, display, status_text


def _local_midnight_utc(day: datetime) -> datetime:
    return day.astimezone(UTC).replace(tzinfo=None)



class QueueView(QWidget):
    """Find tickets fast and open them.

    Signals:
        ticket_activated(int): a ticket was double-clicked or opened with Enter.
        count_changed(int): how many tickets the filters match.
    """

    ticket_activated = Signal(int)
    count_changed = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        # The signed-in role's work queues (app.tickets.queues); the filters below narrow them.
        self.views = QTabBar()
        self.views.setObjectName("roleViews")
        self.views.setExpanding(False)
        self.views.setDrawBase(False)
        self.views.hide()
        self._role_views: list[RoleView] = []
        self._unit_scope = QueueFilter()
        self._view_counts = Newest()
        self.model = QueueModel(desk, self)
        self.model.count_changed.connect(self._on_count_changed)
        self.model.count_pending.connect(self._on_count_pending)
        self.model.load_failed.connect(self._on_load_failed)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索标题、诉求内容、地址、来电人（任意长度的词，空格分隔多个词）"))
        self.search.setClearButtonEnabled(True)
        self.status = self._choice(self.tr("全部状态"), STATUSES, status_text)
        self.channel = self._choice(self.tr("全部渠道"), CHANNELS)
        self.request_type = self._choice(self.tr("全部类型"), REQUEST_TYPES)
        self.category = self._choice(self.tr("全部分类"), desk.reference.categories.level1())
        self.district = self._choice(self.tr("全部区县"), list(desk.reference.districts))
        self.urgency = self._choice(self.tr("全部紧急程度"), URGENCIES)
        self.due = QComboBox()
        self.due.addItem(self.tr("全部期限"), "")
        self.due.addItem(self.tr("已超期"), "overdue")
        self.due.addItem(self.tr("即将到期"), "due_soon")
        self.period = QComboBox()
        for text, key in ((self.tr("全部时间"), ""), (self.tr("今天"), "today"),
                          (self.tr("本周"), "week"), (self.tr("日期范围"), "range")):
            self.period.addItem(text, key)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-7))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setVisible(False)
            edit.dateChanged.connect(self.apply_filters)
        self.count_label = QLabel()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(QueueModel.COL_CREATED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights and column widths: nothing is measured over a million rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # The title takes what the other columns leave: at 1280 px 状态, 承办单位 and 办理期限
        # fit without a horizontal scrollbar (they hid behind one).
        header.setSectionResizeMode(QueueModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        header.moveSection(QueueModel.COL_OFFICIAL_NO, QueueModel.COL_LOCAL_NO + 1)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda point: self.column_menu().popup(header.mapToGlobal(point)))
        self.apply_columns(desk.settings.queue_columns)
        self._save_columns = QTimer(self)  # widths are kept once the dragging stops
        self._save_columns.setSingleShot(True)
        self._save_columns.setInterval(500)
        self._save_columns.timeout.connect(self.save_columns)
        header.sectionResized.connect(lambda *_: self._save_columns.start())
        self.columns_button = QToolButton()
        self.columns_button.setText(self.tr("列…"))
        self.columns_button.setToolTip(self.tr("选择显示哪些列（也可在表头上点右键）"))
        self.columns_button.clicked.connect(
            lambda: self.column_menu().popup(self.columns_button.mapToGlobal(
                self.columns_button.rect().bottomLeft())))
        # `activated` alone: it is emitted for a double-click (on most styles) and for Enter;
        # connecting doubleClicked too opened every ticket twice.
        self.table.activated.connect(self._on_activated)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.apply_filters)
        for combo in (self.status, self.channel, self.request_type, self.category, self.district,
                      self.urgency, self.due, self.period):
            combo.currentIndexChanged.connect(self.apply_filters)

        filters = QHBoxLayout()
        for widget in (self.status, self.channel, self.request_type, self.category, self.district,
                       self.urgency, self.due, self.period, self.date_from, self.date_to):
            filters.addWidget(widget)
        filters.addStretch()
        filters.addWidget(self.count_label)
        filters.addWidget(self.columns_button)
        self.views.currentChanged.connect(lambda _index: self.apply_filters())
        layout = QVBoxLayout(self)
        layout.addWidget(self.views)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        # 按承办单位: the units with their counts beside the table; a click narrows to one unit.
        self.units_list = QListWidget()
        self.units_list.setObjectName("unitCounts")
        self.units_list.setMaximumWidth(280)
        self.units_list.hide()
        self.units_list.currentRowChanged.connect(self._on_unit_chosen)
        self._unit_counts = Newest()
        self._units: list[str | None] = []
        self._chosen_unit: str | None = None
        body = QHBoxLayout()
        body.addWidget(self.units_list)
        body.addWidget(self.table, 1)
        layout.addLayout(body, 1)

    # Widths that fit 1280 px (the title stretches); 0: hidden until chosen in 列….
    DEFAULT_COLUMNS: ClassVar[dict[int, int]] = {
        QueueModel.COL_LOCAL_NO: 140, QueueModel.COL_OFFICIAL_NO: 0, QueueModel.COL_CREATED: 118,
        QueueModel.COL_CHANNEL: 0, QueueModel.COL_TYPE: 50, QueueModel.COL_CALLER: 70,
        QueueModel.COL_PHONE: 98, QueueModel.COL_CATEGORY: 120, QueueModel.COL_DISTRICT: 100,
        QueueModel.COL_URGENCY: 0, QueueModel.COL_STATUS: 130, QueueModel.COL_UNIT: 150,
        QueueModel.COL_DEADLINE: 88,
    }

    def apply_columns(self, stored: dict[str, int]) -> None:
        """Widths and hidden columns as the seat keeps them (by column key), else the defaults."""
        keys = QueueModel.COLUMN_KEYS
        for column, key in enumerate(keys):
            if column == QueueModel.COL_TITLE:
                continue  # it stretches
            width = stored.get(key, self.DEFAULT_COLUMNS.get(column, 80))
            self.table.setColumnHidden(column, width <= 0)
            if width > 0:
                self.table.setColumnWidth(column, width)

    def columns(self) -> dict[str, int]:
        return {key: 0 if self.table.isColumnHidden(column) else self.table.columnWidth(column)
                for column, key in enumerate(QueueModel.COLUMN_KEYS) if column != QueueModel.COL_TITLE}

    def save_columns(self) -> None:
        chosen = self.columns()
        if chosen != self._desk.settings.queue_columns:
            self._desk.save_settings(replace(self._desk.settings, queue_columns=chosen))

    def column_menu(self) -> QMenu:
        """Which columns show (the title always does)."""
        menu = QMenu(self)
        for column in range(self.model.columnCount()):
            if column == QueueModel.COL_TITLE:
                continue
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self._show_column(c, shown))
        menu.addSeparator()
        menu.addAction(self.tr("恢复默认列")).triggered.connect(self._default_columns)
        self.column_chooser = menu
        return menu

    def _default_columns(self) -> None:
        self.apply_columns({})
        self.save_columns()

    def _show_column(self, column: int, shown: bool) -> None:
        self.table.setColumnHidden(column, not shown)
        if shown and self.table.columnWidth(column) < 40:
            self.table.setColumnWidth(column, self.DEFAULT_COLUMNS.get(column) or 90)
        self.save_columns()

    def _choice(self, everything: str, values: list[str],
                shown: Callable[[str], str] = display) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, "")
        for value in values:
            combo.addItem(shown(value), value)
        return combo

    def current_filter(self) -> QueueFilter:
        def one(combo: QComboBox) -> tuple[str, ...]:
            return (combo.currentData(),) if combo.currentData() else ()

        created_from = created_to = None
        period = self.period.currentData()
        now = datetime.now(LOCAL_TZ)
        midnight = datetime.combine(now.date(), time(), LOCAL_TZ)
        if period == "today":
            created_from = _local_midnight_utc(midnight)
        elif period == "week":
            created_from = _local_midnight_utc(midnight - timedelta(days=now.weekday()))
        elif period == "range":
            start = datetime.combine(pydate(self.date_from.date()), time(), LOCAL_TZ)
            end = datetime.combine(pydate(self.date_to.date()), time(), LOCAL_TZ) + timedelta(days=1)
            created_from, created_to = _local_midnight_utc(start), _local_midnight_utc(end)
        return QueueFilter(
            statuses=one(self.status), channels=one(self.channel), request_types=one(self.request_type),
            category1=self.category.currentData() or "", district=self.district.currentData() or "",
            urgencies=one(self.urgency), due=self.due.currentData() or "",
            created_from=created_from, created_to=created_to, search=self.search.text(),
            clock=self._desk.deadline_clock(),
        )

    def set_role_views(self, views: list[RoleView]) -> None:
        """Show these work queues as tabs (none: the plain queue) and open the first one."""
        self._role_views = [v for v in views if v.filter is not None]
        self.views.blockSignals(True)
        while self.views.count():
            self.views.removeTab(0)
        for view in self._role_views:
            self.views.addTab(translated(view.title))
        if self._role_views:
            self.views.addTab(self.tr("全部工单"))
        self.views.setCurrentIndex(0)
        self.views.blockSignals(False)
        self.views.setVisible(bool(self._role_views))
        self.apply_filters()
        self.refresh_view_counts()

    def role_view(self) -> RoleView | None:
        index = self.views.currentIndex()
        return self._role_views[index] if 0 <= index < len(self._role_views) else None

    def select_view(self, key: str) -> None:
        """Open the work queue ``key`` (``"all"``: every ticket on this seat)."""
        keys = [view.key for view in self._role_views] + (["all"] if self._role_views else [])
        if key in keys:
            self.views.setCurrentIndex(keys.index(key))

    def refresh_view_counts(self) -> None:
        """Count each work queue in the background and show it on its tab."""
        if not self._role_views:
            return
        self._view_counts.begin()
        desk, filters = self._desk, [v.filter for v in self._role_views if v.filter is not None]
        run_task(lambda: desk.count_queues(filters), self._show_view_counts, owner=self,
                 newest=self._view_counts)

    def _show_view_counts(self, counts: list[int]) -> None:
        if len(counts) != len(self._role_views):
            return
        for index, (view, count) in enumerate(zip(self._role_views, counts, strict=True)):
            self.views.setTabText(index, f"{translated(view.title)} ({count})")

    def apply_filters(self) -> None:
        is_range = self.period.currentData() == "range"
        self.date_from.setVisible(is_range)
        self.date_to.setVisible(is_range)
        chosen = self.current_filter()
        view = self.role_view()
        if view is not None and view.filter is not None:
            chosen = narrow(view.filter, chosen)  # the user's pickers refine the work queue
        by_unit = view is not None and view.key == "by_unit"
        self.units_list.setVisible(by_unit)
        if by_unit:
            self._count_units(chosen)
        else:
            self._chosen_unit = None
        self._query_unit(chosen)

    def _query_unit(self, chosen: QueueFilter) -> None:
        self._unit_scope = chosen
        if self._chosen_unit:
            chosen = replace(chosen, handling_unit=self._chosen_unit)
        self.model.set_query(chosen)

    def _count_units(self, flt: QueueFilter) -> None:
        self._unit_counts.begin()
        desk = self._desk
        run_task(lambda: desk.count_by_unit(flt), self._show_units, owner=self, newest=self._unit_counts)

    def _show_units(self, counts: list[UnitCount]) -> None:
        self.units_list.blockSignals(True)
        self.units_list.clear()
        self._units = [None]
        total = sum(c.tickets for c in counts)
        self.units_list.addItem(self.tr("全部单位（%n）", "", total))
        for count in counts:
            if not count.unit:
                continue  # not dispatched yet: no unit to drill into
            text = f"{count.unit}（{count.tickets}）"
            if count.overdue:
                text += self.tr(" · 超期 %n", "", count.overdue)
            self.units_list.addItem(text)
            self._units.append(count.unit)
        row = self._units.index(self._chosen_unit) if self._chosen_unit in self._units else 0
        self.units_list.setCurrentRow(row)
        self.units_list.blockSignals(False)

    def _on_unit_chosen(self, row: int) -> None:
        if 0 <= row < len(self._units):
            self._chosen_unit = self._units[row]
            self._query_unit(self._unit_scope)

    def choose_unit(self, unit: str | None) -> None:
        """Narrow 按承办单位 to ``unit`` (None: every unit), as a click in the list does."""
        if unit in self._units:
            self.units_list.setCurrentRow(self._units.index(unit))

    def reload_keeping_place(self) -> None:
        """Re-run the query (new tickets arrived) keeping the scroll position and selection."""
        selected = self.table.currentIndex().data(TicketIdRole) if self.table.currentIndex().isValid() else None
        scroll = self.table.verticalScrollBar().value()
        self.model.reload()
        self.table.verticalScrollBar().setValue(scroll)
        if selected is not None and (row := self.model.row_of(int(selected))) >= 0:
            self.table.selectRow(row)

    def _on_count_changed(self, count: int) -> None:
        self.count_label.setText(self.tr("共 %n 条", "", count))
        self.count_changed.emit(count)

    def _on_count_pending(self, shown: int) -> None:
        self.count_label.setText(self.tr("正在统计…（已显示前 %n 条）", "", shown))

    def _on_load_failed(self, message: str) -> None:
        self.count_label.setText(message)

    def _on_activated(self, index: QModelIndex) -> None:
        ticket_id = index.data(TicketIdRole)
        if ticket_id is not None and ticket_id >= 0:
            self.ticket_activated.emit(int(ticket_id))
