"""A ticket with its timeline (who did what, when), the caller's number masked."""

from collections.abc import Callable
from datetime import UTC, datetime
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.assistant.callback import callback_script
from app.desk import Desk, MergeTargetMissing, NumberAtCenter, TicketMissing
from app.desk.views import TicketView, TimelineEntry
from app.domain.enums import OPEN_STATUSES, Status
from app.domain.handoff import HandoffWay
from app.domain.lifecycle import Action
from app.domain.ticket import FIELD_LABELS
from app.sync.center_calls import Revealed
from app.sync.client import ApiClient
from app.sync.errors import AuthRequired
from app.sync.protocol import HANDOFF_KIND
from app.sync.review import RejectionView
from app.tickets.service import LOCAL_TZ
from ui.lifecycle_dialogs import ActionDialog, RevealDialog
from ui.messages import action_name, fill, say, say_error
from ui.sync_controller import SyncController
from ui.vocabulary import display, status_text

_OPEN = frozenset(s.value for s in OPEN_STATUSES)


def local_time(moment: datetime) -> str:
    return moment.replace(tzinfo=UTC).astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S")


class TicketDetail(QDialog):
    """Signals:
        edit_requested(int): the agent wants to change this ticket in the form.
        resubmit_requested(str): send this (rejected, fixed) new ticket to the center again.
        rejections_dismissed(str): the agent has read the center's rejections of this ticket.
        conflict_requested(str): open the conflict dialog for this ticket.
        ticket_changed(int): a lifecycle action was taken on this ticket (saved, to be synced).
    """

    edit_requested = Signal(int)
    ticket_changed = Signal(int)
    resubmit_requested = Signal(str)
    rejections_dismissed = Signal(str)
    conflict_requested = Signal(str)

    def __init__(self, desk: Desk, ticket_id: int, parent: QWidget | None = None, *,
                 sync: SyncController | None = None) -> None:
        """Raises TicketMissing (a LookupError) when the ticket is not in the store."""
        super().__init__(parent)
        self._desk = desk
        self._sync = sync
        self.action_dialog: ActionDialog | None = None
        self.reveal_dialog: RevealDialog | None = None
        self.action_buttons: dict[Action, QPushButton] = {}
        self._detail = desk.ticket(ticket_id)
        self.resize(760, 640)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._content = self._build()
        self._layout.addWidget(self._content)

    def reload(self) -> bool:
        """Show the ticket as the store has it now (after an action, after a sync round).

        Returns whether anything changed; a ticket no longer in the store closes the window.
        """
        try:
            fresh = self._desk.ticket(self._detail.ticket.id)
        except TicketMissing:
            self.close()
            return True
        if fresh == self._detail:
            return False  # nothing to redraw: a revealed number stays revealed
        self._detail = fresh
        old, self._content = self._content, self._build()
        self._layout.replaceWidget(old, self._content)
        old.hide()
        old.deleteLater()
        return True

    def _build(self) -> QWidget:
        """Everything the window shows of ``self._detail``; rebuilt whole by ``reload``."""
        detail = self._detail
        content = QWidget(self)
        self.action_buttons = {}
        ticket = detail.ticket
        self.setWindowTitle(self.tr("工单 %s") % ticket.number)

        form = QFormLayout()
        number = ticket.local_no + (f" / {ticket.official_no}" if ticket.official_no else "")
        form.addRow(self.tr("编号"), QLabel(number))
        form.addRow(self.tr("受理时间"), QLabel(local_time(ticket.created_at)))
        form.addRow(self.tr("状态"), QLabel(status_text(ticket.status)))
        form.addRow(self.tr("渠道 / 类型 / 紧急程度"), QLabel(
            " / ".join(display(v) for v in (ticket.channel, ticket.request_type, ticket.urgency))))
        self.caller_label = QLabel(self._caller_text())
        caller_row = QHBoxLayout()
        caller_row.addWidget(self.caller_label, 1)
        self.reveal_button = QPushButton(self.tr("查看完整号码…"))
        self.reveal_button.setVisible(ticket.has_phone and not ticket.anonymous)
        self.reveal_button.setEnabled(detail.may_reveal)
        if not self.reveal_button.isEnabled():
            self.reveal_button.setToolTip(self.tr("您的角色不能查看这张工单来电人的完整号码。"))
        self.reveal_button.clicked.connect(self._on_reveal)
        caller_row.addWidget(self.reveal_button)
        form.addRow(self.tr("来电人"), caller_row)
        form.addRow(self.tr("分类"), QLabel(" / ".join(
            p for p in (ticket.category1, ticket.category2, ticket.category3) if p)))
        form.addRow(self.tr("地点"), self._wrapped(" ".join(
            p for p in (ticket.district, ticket.street, ticket.address) if p)))
        form.addRow(self.tr("标题"), self._wrapped(ticket.title))
        form.addRow(self.tr("诉求内容"), self._wrapped(ticket.description))
        flags = ticket.flags
        units = ticket.handling_unit + (
            self.tr("（协办：%s）") % "、".join(flags.co_units) if flags.co_units else "")
        form.addRow(self.tr("承办单位"), QLabel(units))
        self.deadline_label = QLabel(self._deadline_text())
        form.addRow(self.tr("办理期限"), self.deadline_label)
        if flags.extension_to:
            form.addRow(self.tr("延期申请"), self._wrapped(self.tr("申请延期到 %1，待审批：%2").replace(
                "%1", flags.extension_to.isoformat()).replace("%2", flags.extension_reason)))
        if flags.reopen_count:
            form.addRow(self.tr("重办"), QLabel(self.tr("已重办 %n 次", "", flags.reopen_count)))
        if flags.merged_into:
            form.addRow(self.tr("合并"), QLabel(self.tr("已合并到另一张工单（%s）") % flags.merged_into[:8]))
        if ticket.result:
            solved = f"（{flags.solved}）" if flags.solved else ""
            form.addRow(self.tr("办理结果"), self._wrapped(ticket.result + solved))

        self.timeline_model = QStandardItemModel(0, 4, content)
        self.timeline_model.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("座席"), self.tr("操作"), self.tr("内容")])
        for event in detail.timeline:
            self.timeline_model.appendRow([QStandardItem(text) for text in (
                local_time(event.at), f"{event.seat} {event.actor}", self._kind_text(event.kind),
                self._detail_text(event))])
        self.timeline = QTableView()
        self.timeline.setModel(self.timeline_model)
        self.timeline.verticalHeader().setVisible(False)
        header = self.timeline.horizontalHeader()
        for column in (0, 1, 2):  # the time wrapped onto two lines in a fixed 100 px
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.timeline.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.edit_button: QPushButton | None = None
        if detail.editable:  # a unit handler has no capture form: its work is the actions
            self.edit_button = buttons.addButton(self.tr("修改"), QDialogButtonBox.ButtonRole.ActionRole)
            self.edit_button.clicked.connect(self._on_edit)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(content)
        self.demo_banner: QLabel | None = None
        if detail.demo:
            self.demo_banner = QLabel(self.tr("演示工单：只保存在本机，不会同步到中心。"))
            self.demo_banner.setObjectName("demoBanner")
            self.demo_banner.setStyleSheet(
                "#demoBanner { background: #fff4cc; border: 1px solid #e0c060; padding: 6px; }")
            layout.addWidget(self.demo_banner)
        self.sync_banner: QFrame | None = None
        if detail.rejections or detail.in_conflict:
            self.sync_banner = self._sync_banner(detail.rejections, detail.in_conflict)
            layout.addWidget(self.sync_banner)
        self.escalation_banner: QLabel | None = None
        if flags.escalation_level and ticket.status in _OPEN:
            self.escalation_banner = QLabel(self.tr("督办（%s）：请优先办理，按督办意见的时限回复。")
                                            % display(flags.escalation_level))
            self.escalation_banner.setObjectName("escalationBanner")
            self.escalation_banner.setStyleSheet(
                "#escalationBanner { background: #f3e5f5; border: 1px solid #8e24aa; color: #4a148c;"
                " font-weight: bold; padding: 6px; }")
            layout.addWidget(self.escalation_banner)
        layout.addLayout(form)
        layout.addLayout(self._action_bar())
        self.callback_box: QGroupBox | None = None
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(QLabel(self.tr("处理记录")))
        history_layout.addWidget(self.timeline, 1)
        self.timeline.setMinimumHeight(130)  # a few rows at least, however long the script
        if ticket.status == Status.COMPLETED.value:
            # The callback script and the timeline share the height; the agent drags between.
            self.callback_box = self._callback_box(ticket)
            split = QSplitter(Qt.Orientation.Vertical)
            split.setChildrenCollapsible(False)
            split.addWidget(self.callback_box)
            split.addWidget(history)
            split.setSizes([300, 220])
            layout.addWidget(split, 1)
            self.resize(self.width(), max(self.height(), 800))
        else:
            layout.addWidget(history, 1)
        layout.addWidget(buttons)
        return content

    def _callback_box(self, ticket: TicketView) -> QGroupBox:
        """智能回访: the questions to ask, in order, and where each answer is recorded."""
        box = QGroupBox(self.tr("回访话术（智能回访）"))
        steps = callback_script(
            title=ticket.title, request_type=ticket.request_type, unit=ticket.handling_unit,
            result=ticket.result,
            caller_name="" if ticket.anonymous else ticket.caller_name)  # "" when confidential
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

    def _sync_banner(self, sent_back: tuple[RejectionView, ...], in_conflict: bool) -> QFrame:
        """What the center said about this ticket, and what the agent should do now."""
        ticket = self._detail.ticket
        banner = QFrame()
        banner.setObjectName("syncBanner")
        banner.setStyleSheet("#syncBanner { background: #fde2e1; border: 1px solid #e0a0a0; }")
        lines: list[str] = []
        if in_conflict:
            lines.append(self.tr("<b>这张工单在本机和中心都被修改过（同步冲突）。</b>"
                                 "请选择保留哪一边的内容，之后才能继续同步它的修改。"))
        for rejection in sent_back:
            lines.append(self.tr("<b>中心退回了这张工单的一项修改：</b>%s") % escape(say(rejection.reason)))
            lines += [f"· {escape(say(FIELD_LABELS.get(name, name)))}：{escape(say(message))}"
                      for name, message in rejection.errors.items()]
            if rejection.changed_fields:
                lines.append(self.tr("被退回的修改涉及：%s") % "、".join(
                    say(FIELD_LABELS.get(name, name)) for name in rejection.changed_fields))
        if sent_back:
            if ticket.official_no:
                lines.append(self.tr("处理办法：工单已恢复为中心的内容。如仍需修改，点“修改”按上面的提示改正后保存，"
                                     "修改会重新提交到中心。"))
            else:
                lines.append(self.tr("处理办法：点“修改”按上面的提示改正并保存，再打开本工单点“重新提交”，"
                                     "工单会作为新工单发往中心。"))
        text = QLabel("<br>".join(lines))
        text.setWordWrap(True)
        layout = QHBoxLayout(banner)
        layout.addWidget(text, 1)
        buttons = QVBoxLayout()
        if in_conflict:
            resolve = QPushButton(self.tr("处理冲突"))
            resolve.clicked.connect(lambda: self._emit_and_close(self.conflict_requested.emit))
            buttons.addWidget(resolve)
        if sent_back and not ticket.official_no:
            resubmit = QPushButton(self.tr("重新提交"))
            resubmit.clicked.connect(lambda: self._emit_and_close(self.resubmit_requested.emit))
            buttons.addWidget(resubmit)
        if sent_back:
            dismiss = QPushButton(self.tr("知道了"))
            dismiss.clicked.connect(lambda: self._emit_and_close(self.rejections_dismissed.emit))
            buttons.addWidget(dismiss)
        buttons.addStretch()
        layout.addLayout(buttons)
        return banner

    def _emit_and_close(self, emit: Callable[[str], object]) -> None:
        emit(self._detail.ticket.client_id)
        self.accept()

    @staticmethod
    def _wrapped(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def _caller_text(self) -> str:
        ticket = self._detail.ticket
        if ticket.confidential:
            return self.tr("（保密工单，来电人信息不显示）")
        if ticket.anonymous and not ticket.has_phone:
            return self.tr("匿名")
        return f"{ticket.caller_name}  {ticket.caller_phone_masked}".strip()

    def _on_reveal(self) -> None:
        self.reveal_dialog = RevealDialog(self)
        self.reveal_dialog.accepted.connect(lambda: self._reveal(self.reveal_dialog.reason_text()
                                                                 if self.reveal_dialog else ""))
        self.reveal_dialog.open()

    def _reveal(self, reason: str) -> None:
        """From the center when the ticket is there (it audits); else, for a call this seat took,
        from the local store, with an audit report queued for the center."""
        self.reveal_button.setEnabled(False)
        desk, ticket_id = self._desk, self._detail.ticket.id
        if self._detail.ticket.official_no and self._sync is not None and self._sync.configured:
            def ask(api: ApiClient) -> Revealed:
                return desk.reveal(ticket_id, reason, center=api)

            self._sync.call_center(ask, self._on_revealed,
                                   lambda error: self._on_reveal_failed(error, reason))
            return
        self._reveal_here(reason)

    def _reveal_here(self, reason: str, unreachable: Exception | None = None) -> None:
        """From this seat's store; ``unreachable``: why the center was not asked."""
        try:
            revealed = self._desk.reveal(self._detail.ticket.id, reason)
        except NumberAtCenter as error:
            self._on_reveal_failed(NumberAtCenter(error.cause or unreachable), reason)
            return
        except TicketMissing as error:
            self._on_reveal_failed(error, reason)
            return
        self._on_revealed(revealed)
        self.ticket_changed.emit(-1)  # an audit report to send: sync soon

    def _on_revealed(self, revealed: Revealed) -> None:
        self.caller_label.setText(f"{revealed.caller_name}  {revealed.caller_phone}".strip())

    def _on_reveal_failed(self, error: Exception, reason: str) -> None:
        if isinstance(error, AuthRequired):  # signed out: this seat may have the number
            self._reveal_here(reason, error)
            return
        self.reveal_button.setEnabled(True)
        if isinstance(error, NumberAtCenter):
            why = str(error.cause) if error.cause is not None else self.tr("这张工单还没有同步到中心。")
            QMessageBox.information(self, self.tr("暂时无法查看号码"), self.tr(
                "%1\n完整号码只在中心保存；连上中心后再点“查看完整号码”。").replace("%1", why))
        elif isinstance(error, TicketMissing):
            QMessageBox.warning(self, self.tr("不能查看号码"), self._missing_text())
        else:  # the center refused: say why, show nothing
            QMessageBox.warning(self, self.tr("不能查看号码"), say_error(error))

    def _missing_text(self) -> str:
        return self.tr("这张工单已不在本机（可能已被中心删除）。")

    # -- lifecycle actions -------------------------------------------------------------------

    def _action_labels(self) -> dict[Action, str]:
        return {
            Action.DISPATCH: self.tr("派单(&P)…"), Action.SIGN: self.tr("签收(&Q)"),
            Action.START: self.tr("开始办理(&B)"), Action.RETURN: self.tr("退单(&T)…"),
            Action.REQUEST_EXTENSION: self.tr("申请延期(&Y)…"),
            Action.DECIDE_EXTENSION: self.tr("审批延期(&Y)…"), Action.COMPLETE: self.tr("办结(&J)…"),
            Action.CALLBACK: self.tr("回访(&H)…"), Action.REOPEN: self.tr("重办(&R)…"),
            Action.ESCALATE: self.tr("督办(&D)…"), Action.MERGE: self.tr("合并(&M)…"),
            Action.ARCHIVE: self.tr("归档(&G)…"),
        }

    def _action_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        labels = self._action_labels()
        if not self._detail.signed_in:
            hint = QLabel(self.tr("登录中心后，可以在这里派单、签收、办结、回访……"))
            hint.setStyleSheet("color: #5d6d7e")
            bar.addWidget(hint)
        for action in self._detail.actions:
            button = QPushButton(labels[action])
            button.clicked.connect(lambda _=False, a=action: self.open_action(a))
            self.action_buttons[action] = button
            bar.addWidget(button)
        bar.addStretch()
        return bar

    def open_action(self, action: Action) -> ActionDialog:
        dialog = ActionDialog(self._detail, self._desk.unit_names(), action,
                              lambda params: self._apply(action, params), self)
        self.action_dialog = dialog
        dialog.open()
        return dialog

    def _apply(self, action: Action, params: dict[str, Any]) -> list[str]:
        """Take ``action``; the refusals (shown in the dialog) if the rules say no."""
        try:
            errors = self._desk.take_action(self._detail.ticket.id, action, params)
        except TicketMissing:
            return [self._missing_text()]
        except MergeTargetMissing as missing:
            return [self.tr("找不到编号为“%s”的另一张工单；请核对编号（本地编号或正式编号）。") % missing.number]
        if errors:
            return errors
        # The window stays and shows the ticket as it is now: its new state, its new buttons.
        self.reload()
        self.ticket_changed.emit(self._detail.ticket.id)
        return []

    def _deadline_text(self) -> str:
        ticket, info = self._detail.ticket, self._detail.deadline
        if not ticket.deadline:
            return ""
        text = (info.effective or ticket.deadline).isoformat()
        if info.paused:
            text += self.tr("（延期审批中，计时暂停）")
        if info.mark and info.days_left is not None:
            days = (self.tr("剩 %n 个工作日", "", info.days_left) if info.days_left >= 0
                    else self.tr("超期 %n 个工作日", "", -info.days_left))
            text += f"  {days}" if info.paused else f"  {display(info.mark)} · {days}"
        return text

    def _kind_text(self, kind: str) -> str:
        names = {"create": self.tr("受理"), "update": self.tr("修改"), "import": self.tr("导入"),
                 "link": self.tr("关联"), HANDOFF_KIND: self.tr("转接"), "demo": self.tr("生成演示工单")}
        if kind in names:
            return names[kind]
        return action_name(Action(kind)) if kind in Action._value2member_map_ else display(kind)

    def _detail_text(self, event: TimelineEntry) -> str:
        detail = event.detail
        if "changes" in detail:
            return self.tr("；").join(
                fill(self.tr("%1：%2 → %3"), say(FIELD_LABELS.get(name, name)), self._short(old),
                     self._short(new))
                for name, (old, new) in detail["changes"].items()
                if name not in ("caller_phone", "caller_name"))  # identity stays out of the timeline
        if event.kind == HANDOFF_KIND:
            text = (self.tr("已转%1（%2 经话务系统转接）") if detail.get("way") == HandoffWay.TRANSFERRED
                    else self.tr("已转%1（%2 座席确认转接）"))
            return text.replace("%1", str(detail.get("service", ""))).replace("%2", local_time(event.at))
        if "links" in detail:
            return self.tr("关联已有工单：") + self.tr("；").join(
                str(link.get("reason", "")).split("\n")[0] for link in detail["links"])
        if "from" in detail:
            # What the step said, not only where it went: the level, units, dates, reasons.
            # Stored words (level, satisfaction, solved) in the UI's language; the rest is data.
            said = [display(str(detail[k])) for k in ("level", "units", "deadline", "requested_deadline",
                                                      "satisfaction", "solved", "reason", "note")
                    if detail.get(k) and not isinstance(detail[k], list)]
            said += [self.tr("、").join(map(str, detail["units"]))] if isinstance(detail.get("units"), list) else []
            note = self.tr("；").join(said)
            if detail["from"] == detail["to"]:
                return note
            moved = f"{status_text(detail['from'])} → {status_text(detail['to'])}"
            return fill(self.tr("%1（%2）"), moved, note) if note else moved
        return ""

    @staticmethod
    def _short(value: object) -> str:
        text = str(value)
        return text if len(text) <= 20 else text[:20] + "…"

    def _on_edit(self) -> None:
        self.edit_requested.emit(self._detail.ticket.id)
        self.accept()

    @property
    def ticket(self) -> TicketView:
        return self._detail.ticket
