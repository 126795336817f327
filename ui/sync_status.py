"""The sync part of the status bar: online or not, what waits, when it last went well."""

from datetime import UTC

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.tickets.service import LOCAL_TZ
from ui.sync_controller import SyncState, SyncStatus

_STATE_COLOURS = {
    SyncState.ONLINE: "#1a7f37", SyncState.OFFLINE: "#9a6700", SyncState.ERROR: "#cf222e",
    SyncState.LOGGED_OUT: "#9a6700", SyncState.UNKNOWN: "#57606a", SyncState.UNCONFIGURED: "#57606a",
}


def _flat_button(text: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setFlat(True)
    button.setStyleSheet("QPushButton { padding: 0 6px; }")
    return button


class SyncStatusBar(QWidget):
    """Shows a ``SyncStatus``; its buttons ask for a sync, a login, or the review of problems.

    Signals:
        sync_clicked(): the agent wants a sync now (or to log in / set the server, if needed).
        conflicts_clicked(): open the conflict dialog.
        rejections_clicked(): show the tickets the center sent back.
    """

    sync_clicked = Signal()
    conflicts_clicked = Signal()
    rejections_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state_label = QLabel()
        self.pending_label = QLabel()
        self.last_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #cf222e;")
        self.keyring_label = QLabel(self.tr("⚠ 无系统密钥环"))
        self.keyring_label.setStyleSheet("color: #9a6700;")
        self.keyring_label.setToolTip(self.tr(
            "本机没有可用的系统密钥环，登录凭据只保存在本次运行的内存中；关闭程序后需要重新登录。"))
        self.conflicts_button = _flat_button()
        self.conflicts_button.setStyleSheet("QPushButton { color: #cf222e; font-weight: bold; padding: 0 6px; }")
        self.conflicts_button.clicked.connect(self.conflicts_clicked)
        self.rejections_button = _flat_button()
        self.rejections_button.setStyleSheet("QPushButton { color: #cf222e; padding: 0 6px; }")
        self.rejections_button.clicked.connect(self.rejections_clicked)
        self.sync_button = _flat_button(self.tr("同步"))
        self.sync_button.setToolTip(self.tr("立即与中心同步（F5）"))
        self.sync_button.clicked.connect(self.sync_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for widget in (self.error_label, self.keyring_label, self.conflicts_button,
                       self.rejections_button, self.pending_label, self.last_label,
                       self.state_label, self.sync_button):
            layout.addWidget(widget)
        self.show_status(SyncStatus(SyncState.UNCONFIGURED))

    def show_status(self, status: SyncStatus) -> None:
        names = {
            SyncState.UNCONFIGURED: self.tr("未设置中心服务器"),
            SyncState.LOGGED_OUT: self.tr("未登录中心"),
            SyncState.UNKNOWN: self.tr("正在连接中心"),
            SyncState.ONLINE: self.tr("在线"),
            SyncState.OFFLINE: self.tr("离线"),
            SyncState.ERROR: self.tr("同步出错"),
        }
        text = names[status.state]
        if status.busy:
            text = self.tr("同步中…")
        colour = _STATE_COLOURS[status.state]
        self.state_label.setText(f"<span style='color:{colour}'>●</span> {text}")
        self.state_label.setToolTip(status.error)
        self.pending_label.setText(self.tr("待同步 %n 条", "", status.pending))
        self.pending_label.setStyleSheet("font-weight: bold;" if status.pending else "")
        if status.last_sync is None:
            self.last_label.setText(self.tr("尚未同步"))
        else:
            local = status.last_sync.replace(tzinfo=UTC).astimezone(LOCAL_TZ)
            self.last_label.setText(self.tr("上次同步 %s") % local.strftime("%m-%d %H:%M"))
        if status.state == SyncState.OFFLINE:
            self.error_label.setText(self.tr("工单已保存在本机，恢复网络后自动同步"))
            self.error_label.setStyleSheet("color: #9a6700;")
        elif status.state == SyncState.ERROR or status.error:
            self.error_label.setText(self.tr("同步未完成（详情见提示）"))
            self.error_label.setStyleSheet("color: #cf222e;")
        else:
            self.error_label.setText("")
        self.error_label.setToolTip(status.error)
        self.error_label.setVisible(bool(self.error_label.text()))
        self.keyring_label.setVisible(not status.keyring_ok)
        self.conflicts_button.setText(self.tr("冲突 %n 张，点此处理", "", status.conflicts))
        self.conflicts_button.setVisible(status.conflicts > 0)
        self.rejections_button.setText(self.tr("被退回 %n 张", "", status.rejected))
        self.rejections_button.setVisible(status.rejected > 0)
        self.sync_button.setText(self.tr("登录…") if status.state in (
            SyncState.LOGGED_OUT, SyncState.UNCONFIGURED) else self.tr("同步"))
        self.sync_button.setEnabled(not status.busy)
