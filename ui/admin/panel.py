"""The admin's tab: the set-up views on the left, the chosen page on the right.

Requests go to the center through ``app.admin.client`` on one private thread (in order, never
behind a sync round); each page loads when first opened.
"""

from collections.abc import Callable

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QStackedWidget, QVBoxLayout, QWidget

from app.admin.client import AdminClient
from app.desk import Desk
from app.tickets.queues import RoleView
from ui.admin.audit import AuditLogPage
from ui.admin.page import AdminPage
from ui.admin.reference_pages import CategoriesPage, HolidaysPage, ReferencePage, UnitsPage
from ui.admin.users import UsersPage
from ui.role_views import LIST_STYLE, RoleViewModel, ViewKeyRole


class AdminPanel(QWidget):
    """Signals:
        login_requested(): a page needs a (new) login to the center.
        sync_requested(): a page wants the center's current reference data.
    """

    login_requested = Signal()
    sync_requested = Signal()

    def __init__(self, desk: Desk, connect: Callable[[], AdminClient | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # a change, then the list that shows it
        self.model = RoleViewModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("管理视图"))
        self.list.setStyleSheet(LIST_STYLE)
        self.list.selectionModel().currentChanged.connect(lambda current, _: self._show(current.data(ViewKeyRole)))
        self.title = QLabel()
        self.title.setObjectName("adminTitle")
        self.title.setStyleSheet("#adminTitle { font-size: 15px; font-weight: bold; }")
        self.users = UsersPage(connect, self._pool, self._unit_names)
        self.units = UnitsPage(desk, connect, self._pool)
        self.categories = CategoriesPage(desk, connect, self._pool)
        self.holidays = HolidaysPage(desk, connect, self._pool)
        self.audit = AuditLogPage(connect, self._pool)
        self.pages: dict[str, AdminPage] = {"users": self.users, "units": self.units,
                                            "categories": self.categories, "holidays": self.holidays,
                                            "audit": self.audit}
        self.stack = QStackedWidget()
        for page in self.pages.values():
            self.stack.addWidget(page)
            page.login_requested.connect(self.login_requested)
            if isinstance(page, ReferencePage):
                page.sync_requested.connect(self.sync_requested)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("系统管理"))
        heading.setStyleSheet("font-weight: bold;")
        left.addWidget(heading)
        left.addWidget(self.list, 1)
        side = QWidget()
        side.setLayout(left)
        side.setFixedWidth(190)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.title)
        right.addWidget(self.stack, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(side)
        layout.addLayout(right, 1)

    def _unit_names(self) -> list[str]:
        return [u.name for u in self._desk.mirrored_units()] or self._desk.unit_names()

    def set_views(self, views: list[RoleView], shortcuts: dict[str, str] | None = None) -> None:
        self.model.set_views([v for v in views if v.key in self.pages], shortcuts)

    def select(self, key: str) -> None:
        row = self.model.row_of(key)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
            self._show(key)

    def current_page(self) -> AdminPage:
        page = self.stack.currentWidget()
        assert isinstance(page, AdminPage)
        return page

    def _show(self, key: object) -> None:
        page = self.pages.get(str(key))
        if page is None:
            return
        self.stack.setCurrentWidget(page)
        self.title.setText(self.model.data(self.model.index(self.model.row_of(str(key)))) or "")
        if not page.loaded:
            page.reload()

    def synced(self) -> None:
        """The center's reference data may have changed: reload the lists already open."""
        for page in (self.units, self.categories, self.holidays):
            page.synced()

    def sync_failed(self, message: str) -> None:
        for page in (self.units, self.categories, self.holidays):
            page.sync_failed(message)
