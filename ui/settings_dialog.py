"""The seat's settings: its number and agent, the center's address, a private CA bundle, the sync
interval.

Titles come from the settings' own declarations (``Settings.titles()``, marked there with
``term``), translated in the ``Settings`` context.
"""

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.settings import Settings, seat_problems
from ui.files import in_documents
from ui.login_dialog import DEFAULT_SERVER
from ui.messages import say


def _title(name: str) -> str:
    return QCoreApplication.translate("Settings", Settings.titles()[name])


class SettingsDialog(QDialog):
    """Signals:
        settings_accepted(object): the edited ``Settings``.
    """

    settings_accepted = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("设置"))
        self.setMinimumWidth(520)
        self.seat_id = QLineEdit(settings.seat_id)
        self.agent_name = QLineEdit(settings.agent_name)
        self.seat_error = QLabel()
        self.seat_error.setWordWrap(True)
        self.seat_error.setStyleSheet("color: #cf222e;")
        self.seat_error.hide()
        self.server_url = QLineEdit(settings.server_url)
        self.server_url.setPlaceholderText(DEFAULT_SERVER)
        self.ca_bundle = QLineEdit(settings.ca_bundle)
        self.ca_bundle.setPlaceholderText(self.tr("留空则使用系统证书"))
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._on_browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)
        self.sync_interval = QSpinBox()
        self.sync_interval.setRange(10, 3600)
        self.sync_interval.setValue(settings.sync_interval)
        self.sync_interval.setSuffix(self.tr(" 秒"))
        self.allow_plain_http = QCheckBox(_title("allow_plain_http"))
        self.allow_plain_http.setChecked(settings.allow_plain_http)
        self.allow_plain_http.setToolTip(self.tr(
            "只在封闭的内网中使用：http 不加密，密码、令牌和市民电话会以明文经过网络。"
            "本机地址（127.0.0.1）不需要勾选。"))
        hint = QLabel(self.tr("更换服务器地址后需要重新登录。"))
        hint.setStyleSheet("color: #57606a;")

        form = QFormLayout()
        form.addRow(_title("seat_id"), self.seat_id)
        form.addRow(_title("agent_name"), self.agent_name)
        form.addRow("", self.seat_error)
        form.addRow(_title("server_url"), self.server_url)
        form.addRow(_title("ca_bundle"), ca_row)
        form.addRow(_title("sync_interval"), self.sync_interval)
        form.addRow("", self.allow_plain_http)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def _on_browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择 CA 证书文件"), in_documents(),
                                              self.tr("证书 (*.pem *.crt);;所有文件 (*)"))
        if path:
            self.ca_bundle.setText(path)

    def edited(self) -> Settings:
        return replace(self._settings, seat_id=self.seat_id.text().strip(),
                       agent_name=self.agent_name.text().strip(),
                       server_url=self.server_url.text().strip().rstrip("/"),
                       ca_bundle=self.ca_bundle.text().strip(),
                       allow_plain_http=self.allow_plain_http.isChecked(),
                       sync_interval=self.sync_interval.value())

    def _on_accept(self) -> None:
        edited = self.edited()
        problems = seat_problems(edited.seat_id, edited.agent_name)
        if problems:  # said beside the fields; nothing typed is lost
            self.seat_error.setText("\n".join(say(p) for p in problems.values()))
            self.seat_error.show()
            (self.seat_id if "seat_id" in problems else self.agent_name).setFocus()
            return
        self.settings_accepted.emit(edited)
        self.accept()
