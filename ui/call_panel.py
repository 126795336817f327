"""Calls at the seat in the window: the agent's state in the status bar (示闲/示忙/小休/话后整理,
with how long, and the after-call-work limit), and the screen pop above the capture form.

Events come from the adapter's thread; ``CallBridge`` re-emits them on the GUI thread.
"""

from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.desk.calls import AgentStatus, CallDesk, CallView
from app.domain.handoff import HANDOFF_SERVICES
from app.telephony.adapter import CallEvent
from app.telephony.agent import AgentState
from app.telephony.model import CallState


def _elapsed(since: datetime) -> str:
    seconds = max(0, int((datetime.now(UTC).replace(tzinfo=None) - since).total_seconds()))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class CallBridge(QObject):
    """Hands the adapter's events to the GUI thread.

    Signals:
        call_event(object): a ``CallEvent`` already recorded in the store.
    """

    call_event = Signal(object)

    def post(self, event: CallEvent) -> None:
        self.call_event.emit(event)  # queued: the receiver lives on the GUI thread


class AgentStateBar(QWidget):
    """The agent's state with how long it has lasted; 话后整理 returns to 示闲 at the limit.

    Signals:
        state_changed(str): the new state's value.
    """

    state_changed = Signal(str)

    def __init__(self, calls: CallDesk, acw_limit_s: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._calls = calls
        self.acw_limit_s = acw_limit_s
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        labels = {AgentState.AVAILABLE: self.tr("示闲"), AgentState.BUSY: self.tr("示忙"),
                  AgentState.BREAK: self.tr("小休"), AgentState.AFTER_CALL: self.tr("话后整理")}
        self.buttons: dict[AgentState, QPushButton] = {}
        for state, text in labels.items():
            button = QPushButton(text)
            button.setCheckable(True)
            button.setFlat(True)
            button.clicked.connect(lambda _checked=False, s=state: self.set_state(s))
            self.group.addButton(button)
            layout.addWidget(button)
            self.buttons[state] = button
        self.duration = QLabel()
        layout.addWidget(self.duration)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._on_tick)
        self._timer.start()
        self._show(calls.status)

    def set_state(self, state: AgentState) -> None:
        self._show(self._calls.set_agent_state(state))
        self.state_changed.emit(state.value)

    def _show(self, status: AgentStatus) -> None:
        self.buttons[status.state].setChecked(True)
        self._on_tick()

    def _on_tick(self) -> None:
        status = self._calls.status
        text = _elapsed(status.since)
        if status.state is AgentState.AFTER_CALL:
            left = self.acw_limit_s - int((datetime.now(UTC).replace(tzinfo=None) - status.since).total_seconds())
            if left <= 0:
                self.set_state(AgentState.AVAILABLE)  # the limit: ready for the next call
                return
            text += self.tr("（%1 秒后示闲）").replace("%1", str(left))
        self.duration.setText(text)


class ScreenPop(QFrame):
    """The call at the seat: who calls which line, how long they wait or talk; answer, hand off.

    Signals:
        answer_clicked(str): the call id to answer.
        hand_off_clicked(str, str): the call id and the line to transfer it to.
    """

    answer_clicked = Signal(str)
    hand_off_clicked = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screenPop")
        self.setStyleSheet("#screenPop { background: #e8f4ff; border: 1px solid #7aa7d6; border-radius: 4px; }")
        self.call: CallView | None = None
        self.caller = QLabel()
        self.caller.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.timer_label = QLabel()
        self.answer_button = QPushButton(self.tr("接听"))
        self.answer_button.clicked.connect(lambda: self.call and self.answer_clicked.emit(self.call.call_id))
        layout = QHBoxLayout(self)
        layout.addWidget(self.caller)
        layout.addWidget(self.timer_label, 1)
        layout.addWidget(self.answer_button)
        self.hand_off: dict[str, QPushButton] = {}
        for line in HANDOFF_SERVICES:
            button = QPushButton(self.tr("转%1").replace("%1", line))
            button.clicked.connect(lambda _checked=False, target=line: self.call and self.hand_off_clicked.emit(
                self.call.call_id, target))
            layout.addWidget(button)
            self.hand_off[line] = button
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._on_tick)
        self.hide()

    def show_call(self, call: CallView) -> None:
        self.call = call
        ringing = call.state in (CallState.OFFERED, CallState.RINGING)
        talking = call.state in (CallState.ANSWERED, CallState.HELD)
        self.caller.setText(self.tr("来电 %1 → %2").replace("%1", call.caller_masked or self.tr("未显示号码"))
                            .replace("%2", call.line or "—"))
        self.answer_button.setVisible(ringing)
        for button in self.hand_off.values():
            button.setVisible(talking)
        self._on_tick()
        if ringing or talking:
            self._timer.start()
            self.show()
        else:
            self._timer.stop()
            self.hide()

    def _on_tick(self) -> None:
        if self.call is None:
            return
        if self.call.answered_at is None:
            self.timer_label.setText(self.tr("已等待 %1").replace("%1", _elapsed(self.call.offered_at)))
        else:
            self.timer_label.setText(self.tr("通话 %1").replace("%1", _elapsed(self.call.answered_at)))
