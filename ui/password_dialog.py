"""Changing one's own password at the center: current, new, new again."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.passwords import MIN_LENGTH, password_problem
from ui.messages import say
from ui.submit_buttons import SubmitButtons


class ChangePasswordDialog(QDialog):
    """Asks for the current and the new password; the new one is checked by the center's own
    rule (app/domain/passwords.py) before it is sent. The caller does the change.

    Signals:
        change_requested(str, str): the current password, the new one.
    """

    change_requested = Signal(str, str)

    def __init__(self, username: str, display_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.username, self.display_name = username, display_name
        self.setWindowTitle(self.tr("修改密码"))
        self.setMinimumWidth(460)
        self.current = QLineEdit()
        self.new = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.current, self.new, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new.setPlaceholderText(self.tr("至少 %1 个字符，不能是常见密码").replace("%1", str(MIN_LENGTH)))
        intro = QLabel(self.tr("修改后，您在其他电脑上的登录会失效，需要用新密码重新登录；本机保持登录。"))
        intro.setWordWrap(True)
        self.submit = SubmitButtons(self, self.tr("修改密码"), self.tr("正在修改…"), self._on_change)
        self.error, self.buttons, self.change_button = self.submit.error, self.submit.buttons, self.submit.button
        form = QFormLayout()
        form.addRow(self.tr("当前密码"), self.current)
        form.addRow(self.tr("新密码"), self.new)
        form.addRow(self.tr("再次输入新密码"), self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.submit.add_to(layout)
        self.current.setFocus()

    def problem(self) -> str | None:
        """What is wrong with the form before anything is sent, or None."""
        if not self.current.text():
            return self.tr("请输入当前密码。")
        new = self.new.text()
        if (problem := password_problem(new, username=self.username, display_name=self.display_name)) is not None:
            return problem
        if new != self.again.text():
            return self.tr("两次输入的新密码不一致。")
        if new == self.current.text():
            return self.tr("新密码不能与当前密码相同。")
        return None

    def _on_change(self) -> None:
        if (problem := self.problem()) is not None:
            self.submit.show_error(say(problem))
            return
        self.submit.set_busy(True)
        self.change_requested.emit(self.current.text(), self.new.text())

    def on_change_finished(self, ok: bool, message: str) -> None:
        if ok:
            for edit in (self.current, self.new, self.again):
                edit.clear()
            self.accept()
        else:
            self.submit.show_error(message)
