"""Logging in to the center: server address, user name, password."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.submit_buttons import SubmitButtons

DEFAULT_SERVER = "http://127.0.0.1:8345"


class LoginDialog(QDialog):
    """Asks for the center's address and the agent's credentials; the caller does the login.

    Signals:
        login_requested(str, str, str): server address, user name, password.
    """

    login_requested = Signal(str, str, str)

    def __init__(self, server_url: str, username: str, *, keyring_ok: bool, expired: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登录中心"))
        self.setMinimumWidth(460)
        self.reason = QLabel(self.tr("登录已失效（中心不再接受本机的凭据），请重新登录；本机未同步的工单不受影响。")
                             if expired else self.tr("登录中心服务器后，本机工单会自动同步到中心。"))
        self.reason.setWordWrap(True)
        self.server = QLineEdit(server_url or DEFAULT_SERVER)
        self.server.setPlaceholderText(DEFAULT_SERVER)
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.notice = QLabel(self.tr(
            "本机没有可用的系统密钥环：登录凭据只保存在本次运行的内存中，关闭程序后需要重新登录。"))
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #9a6700;")
        self.notice.setVisible(not keyring_ok)
        self.submit = SubmitButtons(self, self.tr("登录"), self.tr("正在登录…"), self._on_login)
        self.error, self.buttons, self.login_button = self.submit.error, self.submit.buttons, self.submit.button

        form = QFormLayout()
        form.addRow(self.tr("服务器地址"), self.server)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        self.submit.add_to(layout)
        (self.password if username else self.username).setFocus()

    def _on_login(self) -> None:
        server, user = self.server.text().strip(), self.username.text().strip()
        if not server or not user or not self.password.text():
            self.show_error(self.tr("请填写服务器地址、用户名和密码。"))
            return
        self.submit.set_busy(True)
        self.login_requested.emit(server, user, self.password.text())

    def show_error(self, message: str) -> None:
        self.submit.show_error(message)
        self.password.selectAll()
        self.password.setFocus()

    def on_login_finished(self, ok: bool, message: str) -> None:
        if ok:
            self.password.clear()
            self.accept()
        else:
            self.show_error(message)
