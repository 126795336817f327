"""漏接回拨: the lost calls to call back, oldest first, worked like a queue (app.desk.calls)."""

from datetime import UTC

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.desk.calls import CallDesk
from app.telephony.callbacks import CallbackItem
from app.tickets.service import LOCAL_TZ
from ui.messages import say_error
from ui.tasks import run_task

COL_TIME, COL_NUMBER, COL_LINE, COL_WAITED, COL_REASON, COL_ATTEMPTS = range(6)
CallRole = Qt.ItemDataRole.UserRole + 1


class CallbackModel(QAbstractTableModel):
    """One row per lost call; ``CallRole`` gives its call id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[CallbackItem] = []

    def set_items(self, items: list[CallbackItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        headers = (self.tr("来电时间"), self.tr("号码"), self.tr("线路"), self.tr("等待"), self.tr("原因"),
                   self.tr("已回拨"))
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 6:
            return headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == CallRole:
            return item.call_id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == COL_TIME:
            return item.offered_at.replace(tzinfo=UTC).astimezone(LOCAL_TZ).strftime("%m-%d %H:%M:%S")
        if column == COL_NUMBER:
            return item.caller_masked
        if column == COL_LINE:
            return item.line
        if column == COL_WAITED:
            return self.tr("%1 秒").replace("%1", str(round(item.waited_s)))
        if column == COL_REASON:
            reasons = {"caller_hung_up": self.tr("振铃中挂断"), "refused_busy": self.tr("示忙未接"),
                       "no_answer": self.tr("无人接听"), "interrupted": self.tr("座席中断")}
            return reasons.get(item.end_reason, item.end_reason)
        if column == COL_ATTEMPTS:
            return str(item.attempts)
        return None


class CallbackPanel(QWidget):
    """The list and its actions: 回拨 dials through the adapter when it can (the number stays
    masked), else shows the number to dial by hand; 已接通 / 未接通 record the attempt; 受理工单
    starts a ticket for the caller, linked to the lost call.

    Signals:
        ticket_requested(str, str): the call id and the full number for a new ticket.
    """

    ticket_requested = Signal(str, str)

    def __init__(self, calls: CallDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._calls = calls
        self.model = CallbackModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.dial = QLabel()
        self.dial.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.call_button = QPushButton(self.tr("回拨"))
        self.reached_button = QPushButton(self.tr("已接通"))
        self.missed_button = QPushButton(self.tr("未接通"))
        self.ticket_button = QPushButton(self.tr("受理工单"))
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.call_button.clicked.connect(self._on_call)
        self.reached_button.clicked.connect(lambda: self._record(reached=True))
        self.missed_button.clicked.connect(lambda: self._record(reached=False))
        self.ticket_button.clicked.connect(self._on_ticket)
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        for button in (self.call_button, self.reached_button, self.missed_button, self.ticket_button):
            buttons.addWidget(button)
        buttons.addWidget(self.dial, 1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_items(self._calls.callback_list())
        if self.model.rowCount():
            self.table.selectRow(0)  # worked like a queue: the oldest first
        self.dial.clear()

    def selected_call(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        return str(self.model.data(rows[0], CallRole)) if rows else ""

    def _on_call(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        call_id = str(self.model.data(rows[0], CallRole))
        calls, masked = self._calls, self.model.items[rows[0].row()].caller_masked
        self.call_button.setEnabled(False)
        self.dial.setText(self.tr("正在回拨 %1…").replace("%1", masked))
        # A desk phone's dial URL is an HTTP request: off the GUI thread.
        run_task(lambda: calls.dial_back(call_id), lambda dialled: self._on_dialled(call_id, masked, dialled),
                 lambda error: self._on_dial_failed(call_id, error), owner=self)

    def _on_dialled(self, call_id: str, masked: str, dialled: bool) -> None:
        self.call_button.setEnabled(True)
        if dialled:
            self.dial.setText(self.tr("已通过话务系统回拨 %1，接通后请记录结果").replace("%1", masked))
        else:
            self.dial.setText(self.tr("请拨打 %1").replace("%1", self._calls.number_to_dial(call_id)))

    def _on_dial_failed(self, call_id: str, error: Exception) -> None:
        self.call_button.setEnabled(True)
        self.dial.setText(self.tr("%1 请拨打 %2").replace("%1", say_error(error))
                          .replace("%2", self._calls.number_to_dial(call_id)))

    def _record(self, *, reached: bool) -> None:
        call_id = self.selected_call()
        if call_id:
            self._calls.record_callback(call_id, reached=reached)
            self.refresh()

    def _on_ticket(self) -> None:
        call_id = self.selected_call()
        if call_id:
            self.ticket_requested.emit(call_id, self._calls.number_to_dial(call_id))
