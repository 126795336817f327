"""A ticket with its timeline (who did what, when), the caller's number masked."""

import json
from datetime import UTC, datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.assistant.callback import callback_script
from app.domain.enums import Status
from app.domain.phone import mask_phone
from app.domain.ticket import FIELD_LABELS
from app.seat import Seat
from app.store.models import Ticket, TicketEvent
from app.tickets.service import LOCAL_TZ, get_ticket, timeline
from ui.vocabulary import display


def local_time(moment: datetime) -> str:
    return moment.replace(tzinfo=UTC).astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S")


class TicketDetail(QDialog):
    """Signals:
        edit_requested(int): the agent wants to change this ticket in the form.
    """

    edit_requested = Signal(int)

    def __init__(self, seat: Seat, ticket_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._seat = seat
        with seat.store.session() as session:
            ticket = get_ticket(session, ticket_id)
            if ticket is None:
                raise LookupError(ticket_id)
            events = timeline(session, ticket_id)
            session.expunge_all()
        self._ticket = ticket
        self.setWindowTitle(self.tr("工单 %s") % (ticket.official_no or ticket.local_no))
        self.resize(760, 640)

        form = QFormLayout()
        number = ticket.local_no + (f" / {ticket.official_no}" if ticket.official_no else "")
        form.addRow(self.tr("编号"), QLabel(number))
        form.addRow(self.tr("受理时间"), QLabel(local_time(ticket.created_at)))
        form.addRow(self.tr("状态"), QLabel(display(ticket.status)))
        form.addRow(self.tr("渠道 / 类型 / 紧急程度"), QLabel(
            " / ".join(display(v) for v in (ticket.channel, ticket.request_type, ticket.urgency))))
        self.caller_label = QLabel(self._caller_text(revealed=False))
        caller_row = QHBoxLayout()
        caller_row.addWidget(self.caller_label, 1)
        self.reveal_button = QPushButton(self.tr("显示号码"))
        self.reveal_button.setVisible(bool(ticket.caller_phone) and not ticket.confidential)
        self.reveal_button.clicked.connect(self._on_reveal)
        caller_row.addWidget(self.reveal_button)
        form.addRow(self.tr("来电人"), caller_row)
        form.addRow(self.tr("分类"), QLabel(" / ".join(
            p for p in (ticket.category1, ticket.category2, ticket.category3) if p)))
        form.addRow(self.tr("地点"), self._wrapped(" ".join(
            p for p in (ticket.district, ticket.street, ticket.address) if p)))
        form.addRow(self.tr("标题"), self._wrapped(ticket.title))
        form.addRow(self.tr("诉求内容"), self._wrapped(ticket.description))
        form.addRow(self.tr("承办单位"), QLabel(ticket.handling_unit))
        form.addRow(self.tr("办理期限"), QLabel(ticket.deadline.isoformat() if ticket.deadline else ""))
        if ticket.result:
            form.addRow(self.tr("办理结果"), self._wrapped(ticket.result))

        self.timeline_model = QStandardItemModel(0, 4, self)
        self.timeline_model.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("座席"), self.tr("操作"), self.tr("内容")])
        for event in events:
            self.timeline_model.appendRow([QStandardItem(text) for text in (
                local_time(event.at), f"{event.seat} {event.actor}", self._kind_text(event.kind),
                self._detail_text(event))])
        self.timeline = QTableView()
        self.timeline.setModel(self.timeline_model)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.timeline.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        edit = buttons.addButton(self.tr("修改"), QDialogButtonBox.ButtonRole.ActionRole)
        edit.clicked.connect(self._on_edit)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.callback_box: QGroupBox | None = None
        if ticket.status == Status.COMPLETED.value:
            self.callback_box = self._callback_box(ticket)
            layout.addWidget(self.callback_box)
        layout.addWidget(QLabel(self.tr("处理记录")))
        layout.addWidget(self.timeline, 1)
        layout.addWidget(buttons)

    def _callback_box(self, ticket: Ticket) -> QGroupBox:
        """智能回访: the questions to ask, in order, and where each answer is recorded."""
        box = QGroupBox(self.tr("回访话术（智能回访）"))
        steps = callback_script(
            title=ticket.title, request_type=ticket.request_type, unit=ticket.handling_unit,
            result=ticket.result,
            caller_name="" if ticket.confidential or ticket.anonymous else ticket.caller_name)
        targets = {
            "satisfaction": self.tr("记入“满意度”栏"),
            "callback_reached": self.tr("记入回访记录：是否联系上本人"),
            "callback_contacted": self.tr("记入回访记录：承办单位是否联系"),
            "callback_resolved": self.tr("记入回访记录：是否解决"),
            "callback_note": self.tr("记入回访记录：备注"),
        }
        lines = []
        for n, q in enumerate(steps, start=1):
            line = f"<p><b>{n}. {escape(q.step)}</b>：{escape(q.say)}"
            if q.options:
                line += "<br>" + self.tr("可选答复：") + " / ".join(escape(o) for o in q.options)
            if q.record_to:
                line += f"<br><span style='color:#5d6d7e'>{escape(targets.get(q.record_to, q.record_to))}</span>"
            lines.append(line + "</p>")
        self.callback_text = QLabel("".join(lines))
        self.callback_text.setTextFormat(Qt.TextFormat.RichText)
        self.callback_text.setWordWrap(True)
        self.callback_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.callback_text)
        scroll.setMinimumHeight(160)
        inner = QVBoxLayout(box)
        inner.addWidget(scroll)
        return box

    @staticmethod
    def _wrapped(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def _caller_text(self, *, revealed: bool) -> str:
        ticket = self._ticket
        if ticket.confidential:
            return self.tr("（保密工单，来电人信息不显示）")
        if ticket.anonymous and not ticket.caller_phone:
            return self.tr("匿名")
        phone = ticket.caller_phone if revealed else mask_phone(ticket.caller_phone)
        return f"{ticket.caller_name}  {phone}".strip()

    def _on_reveal(self) -> None:
        self.caller_label.setText(self._caller_text(revealed=True))
        self.reveal_button.setEnabled(False)

    def _kind_text(self, kind: str) -> str:
        names = {"create": self.tr("受理"), "update": self.tr("修改"), "import": self.tr("导入"),
                 "link": self.tr("关联")}
        return names.get(kind, display(kind))

    def _detail_text(self, event: TicketEvent) -> str:
        try:
            detail = json.loads(event.detail)
        except ValueError:
            return ""
        if "changes" in detail:
            return "；".join(
                f"{FIELD_LABELS.get(name, name)}：{self._short(old)} → {self._short(new)}"
                for name, (old, new) in detail["changes"].items()
                if name not in ("caller_phone", "caller_name"))  # identity stays out of the timeline
        if "links" in detail:
            return self.tr("关联已有工单：") + "；".join(
                str(link.get("reason", "")).split("\n")[0] for link in detail["links"])
        if "from" in detail:
            note = f"（{detail['note']}）" if detail.get("note") else ""
            return f"{display(detail['from'])} → {display(detail['to'])}{note}"
        return ""

    @staticmethod
    def _short(value: object) -> str:
        text = str(value)
        return text if len(text) <= 20 else text[:20] + "…"

    def _on_edit(self) -> None:
        self.edit_requested.emit(self._ticket.id)
        self.accept()

    @property
    def ticket(self) -> Ticket:
        return self._ticket
