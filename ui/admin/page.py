"""What every admin page shares: a message line, a toolbar, a table, and requests to the center
that run off the GUI thread in order and say plainly what went wrong."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.admin.client import AdminClient, describe
from app.sync.errors import AuthRequired
from ui.admin.table_model import Column, RecordTableModel
from ui.messages import say
from ui.tasks import run_task

ERROR_STYLE = "color: #cf222e;"
INFO_STYLE = "color: #57606a;"


class AdminPage(QWidget):
    """One admin view.

    Signals:
        login_requested(): the center wants a (new) login before this page can work.
    """

    login_requested = Signal()

    def __init__(self, connect: Callable[[], AdminClient | None], pool: QThreadPool,
                 columns: list[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._connect = connect
        self._pool = pool
        self.loaded = False
        self.confirm_box: QMessageBox | None = None
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.model = RecordTableModel(columns, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(self.reload)
        self.toolbar = QHBoxLayout()
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.addLayout(self.toolbar)
        self.body.addWidget(self.message)
        self.body.addWidget(self.table, 1)

    def finish_toolbar(self) -> None:
        self.toolbar.addStretch()
        self.toolbar.addWidget(self.refresh_button)

    def reload(self) -> None:
        """Load the list again (from the center, or from what it last sent)."""
        self.loaded = True

    def selected(self) -> Any:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    # -- messages --------------------------------------------------------------------------

    def show_error(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)
        self.message.show()

    def show_info(self, text: str) -> None:
        self.message.setStyleSheet(INFO_STYLE)
        self.message.setText(text)
        self.message.show()

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    def confirm(self, text: str, then: Callable[[], object]) -> QMessageBox:
        """Ask before a removal; ``then`` runs only on 是 (non-blocking, like every dialog here)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("请确认"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: then() if result == QMessageBox.StandardButton.Yes else None)
        self.confirm_box = box
        box.open()
        return box

    # -- requests --------------------------------------------------------------------------

    def call(self, work: Callable[[AdminClient], Any], done: Callable[[Any], None], *,
             busy: str = "", failed: Callable[[str], None] | None = None) -> bool:
        """Run ``work(client)`` off the GUI thread; ``done(result)`` or the failure on this page
        (or ``failed(message)``, e.g. inside a dialog). False when no center is set up."""
        client = self._connect()
        if client is None:
            message = self.tr("本机还没有设置中心服务器：请通过“同步 → 登录中心…”用管理员账号登录。")
            (failed or self.show_error)(message)
            return False
        if busy:
            self.show_info(busy)

        def task() -> Any:
            try:
                return work(client)
            finally:
                client.close()

        def on_done(result: Any) -> None:
            if busy:
                self.clear_message()
            done(result)

        def on_error(error: Exception) -> None:
            if busy:
                self.clear_message()
            (failed or self.show_error)(say(describe(error)))
            if isinstance(error, AuthRequired):
                self.login_requested.emit()

        run_task(task, on_done, on_error, pool=self._pool, owner=self)
        return True


def toolbar_button(page: AdminPage, text: str, slot: Callable[[], object]) -> QPushButton:
    button = QPushButton(text)
    button.clicked.connect(slot)
    page.toolbar.addWidget(button)
    return button
