"""The supervisor's live view of the seats (issue 15, item 7): each seat's agent, state and how
long, and its calls today, as the center last heard them (GET /api/v1/calls/seats), asked again
every few seconds while the window is open."""

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.sync.center_calls import SeatLive, live_seats
from app.sync.client import ApiClient
from app.sync.errors import ApiError, AuthRequired
from app.telephony.agent import AgentState
from app.tickets.service import LOCAL_TZ
from ui.messages import say_error
from ui.sync_controller import SyncController

REFRESH_MS = 5000
Index = QModelIndex | QPersistentModelIndex
_STATE_COLOURS = {AgentState.AVAILABLE.value: "#1e8449", AgentState.BUSY.value: "#922b21",
                  AgentState.BREAK.value: "#9a7d0a", AgentState.AFTER_CALL.value: "#1f618d"}


def _duration(since: datetime, now: datetime) -> str:
    seconds = max(0, int((now - since).total_seconds()))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


class SeatsModel(QAbstractTableModel):
    """One row per seat; the state coloured, its duration counted from ``now``."""

    COL_SEAT, COL_AGENT, COL_STATE, COL_SINCE, COL_DURATION, COL_OFFERED, COL_ANSWERED = range(7)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seats: list[SeatLive] = []
        self.now = datetime.now(UTC).replace(tzinfo=None)

    def set_seats(self, seats: Sequence[SeatLive], now: datetime) -> None:
        self.beginResetModel()
        self.seats, self.now = list(seats), now
        self.endResetModel()

    def tick(self, now: datetime) -> None:
        """The durations only: a partial update, not a reset (the selection stays)."""
        self.now = now
        if self.seats:
            self.dataChanged.emit(self.index(0, self.COL_DURATION), self.index(len(self.seats) - 1, self.COL_DURATION),
                                  [Qt.ItemDataRole.DisplayRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.seats)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 7:
            return None
        return (self.tr("座席"), self.tr("座席员"), self.tr("状态"), self.tr("开始于"), self.tr("持续"),
                self.tr("今日呼入"), self.tr("今日接通"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.seats):
            return None
        seat, col = self.seats[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            since = seat.since.replace(tzinfo=UTC).astimezone(LOCAL_TZ).strftime("%H:%M:%S")
            return (seat.seat, seat.agent, self._state(seat.state), since, _duration(seat.since, self.now),
                    str(seat.offered_today), str(seat.answered_today))[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_STATE and seat.state in _STATE_COLOURS:
            return QBrush(QColor(_STATE_COLOURS[seat.state]))
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= self.COL_OFFERED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _state(self, state: str) -> str:
        words = {AgentState.AVAILABLE.value: self.tr("示闲"), AgentState.BUSY.value: self.tr("示忙"),
                 AgentState.BREAK.value: self.tr("小休"), AgentState.AFTER_CALL.value: self.tr("话后整理")}
        return words.get(state, state)


class LiveView(QWidget):
    """A window of its own: the seats as the center last heard them, asked every 5 seconds.

    Signals:
        refreshed(): a fresh answer from the center is on screen.
    """

    refreshed = Signal()

    def __init__(self, sync: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("座席实时状态"))
        self.resize(900, 480)
        self._sync = sync
        self._asking = False
        self.model = SeatsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The agent's name takes the spare width; the figures stay beside their headers.
        self.view.horizontalHeader().setSectionResizeMode(SeatsModel.COL_AGENT, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(lambda: self.model.tick(datetime.now(UTC).replace(tzinfo=None)))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()
        self._timer.start()
        self._clock.start()

    def hideEvent(self, event: Any) -> None:
        self._timer.stop()  # nobody looks: the center is not asked
        self._clock.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        if self._asking:
            return
        self._asking = True

        def ask(api: ApiClient) -> list[SeatLive]:
            return live_seats(api)

        self._sync.call_center(ask, self._on_seats, self._on_failed)

    def _on_seats(self, seats: list[SeatLive]) -> None:
        self._asking = False
        now = datetime.now(UTC).replace(tzinfo=None)
        self.model.set_seats(seats, now)
        counts = {state: sum(s.state == state.value for s in seats) for state in AgentState}
        self.summary.setText(
            self.tr("座席 %1 个：示闲 %2，示忙 %3，小休 %4，话后整理 %5").replace("%1", str(len(seats)))
            .replace("%2", str(counts[AgentState.AVAILABLE])).replace("%3", str(counts[AgentState.BUSY]))
            .replace("%4", str(counts[AgentState.BREAK])).replace("%5", str(counts[AgentState.AFTER_CALL])))
        self.status.setText(self.tr("更新于 %1，每 5 秒刷新").replace(
            "%1", now.replace(tzinfo=UTC).astimezone(LOCAL_TZ).strftime("%H:%M:%S")))
        self.refreshed.emit()

    def _on_failed(self, error: Exception) -> None:
        self._asking = False
        if isinstance(error, AuthRequired):
            self.status.setText(self.tr("未登录中心：请先登录（同步 → 登录中心…），再查看座席状态。"))
        elif isinstance(error, ApiError) and error.status == 403:
            self.status.setText(self.tr("只有班长和管理员能查看座席实时状态。"))
        else:
            self.status.setText(self.tr("暂时连不上中心，稍后自动重试：%1").replace("%1", say_error(error)))
