"""The admin's window onto the center: the audit log (reveals, exports, logins, refused
accesses, admin changes) and the accounts. Read from the server; nothing of it is on a seat."""

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import ROLE_LABELS, Role
from app.sync import center_calls
from app.sync.errors import ApiError, AuthRequired, ServerUnavailable
from app.tickets.service import LOCAL_TZ
from ui.sync_controller import SyncController


def _local(moment: str) -> str:
    try:
        at = datetime.fromisoformat(moment)
    except ValueError:
        return moment
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S")


def _table(model: QStandardItemModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


class AdminView(QWidget):
    """Two tabs loaded from the center on demand (F5 or 刷新)."""

    def __init__(self, sync: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sync = sync
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("adminMessage")

        self.action = QComboBox()
        for text, key in ((self.tr("全部操作"), ""), (self.tr("查看号码"), "reveal"), (self.tr("导出"), "export"),
                          (self.tr("登录"), "login"), (self.tr("登录失败"), "login_failed"),
                          (self.tr("被拒绝的访问"), "refused"), (self.tr("管理操作"), "admin")):
            self.action.addItem(text, key)
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("用户名（可选）"))
        self.refresh_button = QPushButton(self.tr("刷新(&R)"))
        self.refresh_button.clicked.connect(self.refresh)
        self.action.currentIndexChanged.connect(self.refresh)
        self.username.returnPressed.connect(self.refresh)
        self.audit_model = QStandardItemModel(0, 6, self)
        self.audit_model.setHorizontalHeaderLabels([
            self.tr("时间"), self.tr("用户"), self.tr("角色"), self.tr("操作"), self.tr("工单"),
            self.tr("原因 / 内容")])
        self.audit_table = _table(self.audit_model)
        for column, width in enumerate((150, 100, 80, 90, 170)):
            self.audit_table.setColumnWidth(column, width)
        self.audit_total = QLabel()

        audit = QWidget()
        bar = QHBoxLayout()
        bar.addWidget(self.action)
        bar.addWidget(self.username)
        bar.addWidget(self.refresh_button)
        bar.addStretch()
        bar.addWidget(self.audit_total)
        audit_layout = QVBoxLayout(audit)
        audit_layout.addLayout(bar)
        audit_layout.addWidget(self.audit_table, 1)

        self.users_model = QStandardItemModel(0, 5, self)
        self.users_model.setHorizontalHeaderLabels([
            self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("承办单位"), self.tr("状态")])
        users = QWidget()
        users_layout = QVBoxLayout(users)
        hint = QLabel(self.tr("新建账号、改角色、停用和重置密码：用中心的管理接口 /api/v1/admin（见 README“中心服务器”）。"))
        hint.setWordWrap(True)
        users_layout.addWidget(hint)
        self.users_table = _table(self.users_model)
        users_layout.addWidget(self.users_table, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(audit, self.tr("审计日志"))
        self.tabs.addTab(users, self.tr("用户与角色"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self._actions = {self.action.itemData(i): self.action.itemText(i) for i in range(self.action.count())}

    def refresh(self) -> None:
        action, username = str(self.action.currentData() or ""), self.username.text().strip()
        self.message.setText(self.tr("正在从中心读取…"))
        self.refresh_button.setEnabled(False)
        self._sync.call_center(
            lambda api: (center_calls.audit_page(api, action=action, username=username),
                         center_calls.users(api)),
            self._on_loaded, self._on_failed)

    def _on_loaded(self, loaded: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
        page, accounts = loaded
        self.refresh_button.setEnabled(True)
        self.message.setText("")
        self.audit_model.removeRows(0, self.audit_model.rowCount())
        for entry in page.get("items", []):
            detail = entry.get("detail") or {}
            text = entry.get("reason") or ""
            if entry.get("action") == "export":
                text = self.tr("导出 %1 行（%2）").replace("%1", str(detail.get("rows", ""))).replace(
                    "%2", str(detail.get("filter", "")))
            row = [_local(str(entry.get("at", ""))), entry.get("username", ""),
                   self._role(entry.get("role", "")),
                   self._actions.get(entry.get("action", ""), entry.get("action", "")),
                   entry.get("ticket_no") or (entry.get("ticket_client_id") or "")[:8], text]
            self.audit_model.appendRow([QStandardItem(str(v)) for v in row])
        self.audit_total.setText(self.tr("共 %n 条", "", int(page.get("total", 0))))
        self.users_model.removeRows(0, self.users_model.rowCount())
        for account in accounts:
            row = [account.get("username", ""), account.get("display_name", ""),
                   self._role(account.get("role", "")), account.get("unit", ""),
                   self.tr("启用") if account.get("active", True) else self.tr("停用")]
            items = [QStandardItem(str(v)) for v in row]
            if not account.get("active", True):
                for item in items:
                    item.setForeground(Qt.GlobalColor.gray)
            self.users_model.appendRow(items)

    @staticmethod
    def _role(value: str) -> str:
        try:
            return ROLE_LABELS[Role(value)]
        except ValueError:
            return value

    def _on_failed(self, error: Exception) -> None:
        self.refresh_button.setEnabled(True)
        if isinstance(error, AuthRequired):
            text = self.tr("没有登录中心：请从“同步 → 登录中心”以管理员账号登录。")
        elif isinstance(error, ServerUnavailable):
            text = self.tr("连不上中心服务器：审计日志和账号只在中心保存。请检查网络后点“刷新”。")
        elif isinstance(error, ApiError):
            text = self.tr("中心拒绝了请求：%s") % error
        else:
            text = self.tr("读取失败：%s。请稍后点“刷新”重试。") % error
        self.message.setText(text)
