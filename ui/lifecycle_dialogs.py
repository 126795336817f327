"""The dialogs of the ticket's lifecycle actions (派单, 签收, 退单, 延期, 办结, 回访, 督办…) and of
revealing a caller's number. The caller applies the action (``Desk.take_action``) when OK is
pressed; a refusal shows what to fix beside the form and keeps what was typed."""

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.desk.views import TicketDetail
from app.domain.enums import Satisfaction
from app.domain.lifecycle import Action
from app.domain.rules import ESCALATION_LEVELS, SOLVED_VALUES
from app.tickets.service import LOCAL_TZ
from ui.dates import pydate, qdate
from ui.messages import say
from ui.unit_completion import complete_unit, complete_units


def _today() -> date:
    return datetime.now(LOCAL_TZ).date()


class ErrorLabel(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("actionErrors")
        self.setStyleSheet("#actionErrors { color: #b00020; }")
        self.setWordWrap(True)
        self.hide()

    def show_errors(self, errors: list[str]) -> None:
        self.setText("\n".join(f"· {say(e)}" for e in errors))
        self.setVisible(bool(errors))


class ActionDialog(QDialog):
    """Collects one action's parameters; ``apply(params) -> errors`` runs it when OK is pressed
    (the dialog closes only when nothing is left to fix)."""

    def __init__(self, detail: TicketDetail, unit_names: list[str], action: Action,
                 apply: Callable[[dict[str, Any]], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail, self._unit_names, self.action, self._apply = detail, unit_names, action, apply
        self.setWindowTitle(self.tr("%1 — 工单 %2").replace("%1", action.value).replace(
            "%2", detail.ticket.number))
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.errors = ErrorLabel()
        self.units = QComboBox()
        self.co_units = QLineEdit()
        self.deadline = QDateEdit()
        self.reason = QPlainTextEdit()
        self.result_text = QPlainTextEdit()
        self.choice = QComboBox()
        self.approved = QComboBox()
        self.main_no = QLineEdit()
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self._build()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("确定%1").replace("%1", action.value))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        # Ctrl+Enter submits from the multi-line fields too.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)

    def _text_box(self, box: QPlainTextEdit, placeholder: str) -> QPlainTextEdit:
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        box.setMaximumHeight(90)
        return box

    def _build(self) -> None:
        action, ticket, defaults = self.action, self._detail.ticket, self._detail.defaults
        form = self.form
        if action is Action.DISPATCH:
            complete_unit(self.units, self._unit_names)
            self.units.addItems(["", *self._unit_names])
            self.units.setCurrentText(ticket.handling_unit)
            complete_units(self.co_units, self._unit_names)  # the same names, one after another
            self.co_units.setPlaceholderText(self.tr("可选，多个单位用顿号或逗号分隔；输入单位名称的一部分可选择"))
            self._date_field(defaults.dispatch_deadline or _today())
            form.addRow(self.tr("主办单位(&U)"), self.units)
            form.addRow(self.tr("协办单位(&C)"), self.co_units)
            form.addRow(self.tr("办理期限(&D)"), self.deadline)
        elif action in (Action.RETURN, Action.REOPEN):
            form.addRow(self.tr("原因(&R)"), self._text_box(self.reason, self.tr(
                "必填：为什么退回/重办，接手的人要做什么")))
        elif action is Action.REQUEST_EXTENSION:
            self._date_field(defaults.extension_deadline)
            form.addRow(self.tr("延期到(&D)"), self.deadline)
            form.addRow(self.tr("延期理由(&R)"), self._text_box(self.reason, self.tr("必填：为什么需要更多时间")))
        elif action is Action.DECIDE_EXTENSION:
            flags = ticket.flags
            asked = QLabel(self.tr("申请延期到 %1：%2").replace(
                "%1", flags.extension_to.isoformat() if flags.extension_to else "").replace(
                "%2", flags.extension_reason))
            asked.setWordWrap(True)
            form.addRow(self.tr("申请"), asked)
            self.approved.addItem(self.tr("同意延期"), True)
            self.approved.addItem(self.tr("不同意"), False)
            form.addRow(self.tr("审批(&A)"), self.approved)
            form.addRow(self.tr("意见(&R)"), self._text_box(self.reason, self.tr("不同意时必填")))
        elif action is Action.COMPLETE:
            form.addRow(self.tr("办理结果(&R)"), self._text_box(self.result_text, self.tr(
                "必填：做了什么、结果如何，回访时会念给市民听")))
            self.choice.addItems(list(SOLVED_VALUES))
            form.addRow(self.tr("是否解决(&S)"), self.choice)
        elif action is Action.CALLBACK:
            self.choice.addItems([s.value for s in Satisfaction])
            form.addRow(self.tr("满意度(&S)"), self.choice)
            hint = QLabel(self.tr("选“不满意”会把工单退回承办单位重办。"))
            hint.setStyleSheet("color: #5d6d7e")
            form.addRow("", hint)
        elif action is Action.ESCALATE:
            self.choice.addItems(list(ESCALATION_LEVELS))
            form.addRow(self.tr("督办级别(&L)"), self.choice)
            form.addRow(self.tr("督办意见(&R)"), self._text_box(self.reason, self.tr(
                "必填：要求承办单位做什么、何时前完成")))
        elif action is Action.MERGE:
            self.main_no.setPlaceholderText(self.tr("保留的主工单编号（本地编号或正式编号）"))
            form.addRow(self.tr("合并到(&M)"), self.main_no)
        if action not in (Action.RETURN, Action.REOPEN, Action.REQUEST_EXTENSION,
                          Action.DECIDE_EXTENSION, Action.ESCALATE):
            form.addRow(self.tr("备注(&N)"), self.note)

    def _date_field(self, default: date) -> None:
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setDate(qdate(default))

    def params(self) -> dict[str, Any]:
        """The parameters as the lifecycle function takes them."""
        action, reason = self.action, self.reason.toPlainText().strip()
        note = self.note.text().strip()
        if action is Action.DISPATCH:
            co = [u.strip() for u in self.co_units.text().replace("，", "、").replace(",", "、").split("、")]
            units = [self.units.currentText().strip(), *[u for u in co if u]]
            return {"units": [u for u in units if u] or [""], "deadline": pydate(self.deadline.date()),
                    "note": note}
        if action in (Action.RETURN, Action.REOPEN):
            return {"reason": reason}
        if action is Action.REQUEST_EXTENSION:
            return {"new_deadline": pydate(self.deadline.date()), "reason": reason}
        if action is Action.DECIDE_EXTENSION:
            return {"approved": bool(self.approved.currentData()), "reason": reason}
        if action is Action.COMPLETE:
            return {"result": self.result_text.toPlainText().strip(), "solved": self.choice.currentText(), "note": note}
        if action is Action.CALLBACK:
            return {"satisfaction": self.choice.currentText(), "note": note}
        if action is Action.ESCALATE:
            return {"level": self.choice.currentText(), "note": reason}
        if action is Action.MERGE:
            return {"main_no": self.main_no.text().strip(), "note": note}
        return {"note": note}

    def submit(self) -> None:
        errors = self._apply(self.params())
        self.errors.show_errors(errors)
        if not errors:
            self.accept()


class RevealDialog(QDialog):
    """Asks why the caller's full number is needed; the answer is audited."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("查看完整号码"))
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(["", self.tr("回访需要"), self.tr("核实信息"), self.tr("转办需要"),
                              self.tr("联系来电人补充材料")])
        line = self.reason.lineEdit()
        assert line is not None  # editable
        line.setPlaceholderText(self.tr("必填：为什么要看完整号码"))
        line.setMaxLength(200)
        self.errors = ErrorLabel()
        note = QLabel(self.tr("查看号码会记录在审计日志里（谁、何时、哪张工单、原因）。"))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("原因(&R)"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def submit(self) -> None:
        if len(self.reason_text()) < 2:
            self.errors.show_errors([self.tr("请写明查看号码的原因，例如“回访需要”。")])
            return
        self.accept()
