"""The queue: filters, a search box and the lazy ticket table."""

from datetime import UTC, datetime, time, timedelta

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.tickets.queue import QueueFilter
from app.tickets.queues import RoleView, narrow
from app.tickets.service import LOCAL_TZ
from ui.dates import pydate
from ui.queue_model import QueueModel, TicketIdRole
from ui.role_views import translated
from ui.tasks import Newest, run_task
from ui.vocabulary import CHANNELS, REQUEST_TYPES, STATUSES, URGENCIES, display


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
        self._view_counts = Newest()
        self.model = QueueModel(desk, self)
        self.model.count_changed.connect(self._on_count_changed)
        self.model.count_pending.connect(self._on_count_pending)
        self.model.load_failed.connect(self._on_load_failed)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索标题、诉求内容、地址、来电人（任意长度的词，空格分隔多个词）"))
        self.search.setClearButtonEnabled(True)
        self.status = self._choice(self.tr("全部状态"), STATUSES)
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
        widths = {QueueModel.COL_LOCAL_NO: 150, QueueModel.COL_CREATED: 130, QueueModel.COL_PHONE: 115,
                  QueueModel.COL_TITLE: 260, QueueModel.COL_CATEGORY: 150,
                  QueueModel.COL_DISTRICT: 130, QueueModel.COL_UNIT: 170}
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, widths.get(column, 80))
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
        self.views.currentChanged.connect(lambda _index: self.apply_filters())
        layout = QVBoxLayout(self)
        layout.addWidget(self.views)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

    def _choice(self, everything: str, values: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, "")
        for value in values:
            combo.addItem(display(value), value)
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
        self.model.set_query(chosen)

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
