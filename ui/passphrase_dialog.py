"""Asking for the store's passphrase at start, where no system keyring keeps its key."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.desk import MIN_PASSPHRASE_CHARS, PassphraseRequest
from ui.messages import say, say_error


class PassphraseDialog(QDialog):
    """A new passphrase (typed twice) or the store's passphrase; says why it is asked."""

    def __init__(self, request: PassphraseRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.request = request
        self.setWindowTitle(self.tr("设置工单库口令") if request.new else self.tr("打开工单库"))
        self.setMinimumWidth(480)
        self.reason = QLabel(say(request.reason))  # app.store.keys says it: one text for every front end
        self.reason.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self.tr("口令不正确，请重新输入。") if request.retry else "")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #cf222e;")
        self.error.setVisible(request.retry)
        form = QFormLayout()
        form.addRow(self.tr("口令"), self.passphrase)
        if request.new:
            form.addRow(self.tr("再输入一次"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.passphrase.setFocus()

    def _on_ok(self) -> None:
        text = self.passphrase.text()
        if self.request.new and len(text) < MIN_PASSPHRASE_CHARS:
            self._show_error(self.tr("口令至少要 %n 个字符。", "", MIN_PASSPHRASE_CHARS))
        elif self.request.new and self.again.text() != text:
            self._show_error(self.tr("两次输入的口令不一致。"))
        elif text:
            self.accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def show_unlock_failed(error: Exception) -> None:
    """The store did not open: why, and what to do (app.store.keys words it)."""
    QMessageBox.critical(None, QCoreApplication.translate("PassphraseDialog", "无法打开本机工单库"),
                         say_error(error))


def ask_passphrase(request: PassphraseRequest) -> str | None:
    """The prompt the window passes to app.desk.open_desk (a modal dialog before any window)."""
    dialog = PassphraseDialog(request)
    return dialog.passphrase.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
