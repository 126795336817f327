"""The audit log, newest first: reveals of callers' numbers, exports, logins (and failed ones),
refused accesses, the admins' own changes. Filters are the center's (action, user, ticket,
period); one page of 100 entries at a time."""

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from app.admin.client import AdminClient, AuditEntry, AuditPage, AuditQuery, summarize_detail
from app.domain.roles import Role
from app.sync.protocol import AuditAction
from app.tickets.service import LOCAL_TZ
from ui.admin.page import AdminPage
from ui.messages import say
from ui.role_views import role_title


class AuditLogPage(AdminPage):
    def __init__(self, connect: Callable[[], AdminClient | None], pool: QThreadPool,
                 parent: QWidget | None = None) -> None:
        self._action_names: dict[str, str] = {
            AuditAction.REVEAL: self.tr("查看完整号码"), AuditAction.EXPORT: self.tr("导出"),
            AuditAction.LOGIN: self.tr("登录"), AuditAction.LOGIN_FAILED: self.tr("登录失败"),
            AuditAction.REFUSED: self.tr("拒绝访问"), AuditAction.ADMIN: self.tr("管理操作"),
            AuditAction.PASSWORD: self.tr("修改自己的密码"),
        }
        super().__init__(connect, pool, [
            (self.tr("时间"), lambda e: e.at.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S")),
            (self.tr("用户"), lambda e: e.username),
            (self.tr("角色"), lambda e: role_title(Role(e.role)) if e.role in Role._value2member_map_ else e.role),
            (self.tr("操作"), lambda e: self._action_names.get(e.action, e.action)),
            (self.tr("工单"), lambda e: e.ticket_no),
            (self.tr("原因 / 说明"), lambda e: e.reason),
            (self.tr("详情"), lambda e: summarize_detail(e.detail, say, (self.tr("；"), self.tr("，")))),
            (self.tr("来源地址"), lambda e: e.address),
        ], parent)
        self._page = 1
        self.action = QComboBox()
        self.action.addItem(self.tr("全部操作"), "")
        for key, name in self._action_names.items():
            self.action.addItem(name, key)
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("用户名"))
        self.ticket = QLineEdit()
        self.ticket.setPlaceholderText(self.tr("工单编号"))
        self.period = QComboBox()
        for text, days in ((self.tr("全部时间"), 0), (self.tr("今天"), 1), (self.tr("最近 7 天"), 7),
                           (self.tr("最近 30 天"), 30)):
            self.period.addItem(text, days)
        self.search_button = QPushButton(self.tr("查询"))
        filters: tuple[QWidget, ...] = (self.action, self.username, self.ticket, self.period, self.search_button)
        for widget in filters:
            self.toolbar.addWidget(widget)
        self.previous_button = QPushButton(self.tr("上一页"))
        self.next_button = QPushButton(self.tr("下一页"))
        self.page_label = QLabel()
        self.toolbar.addStretch()
        paging: tuple[QWidget, ...] = (self.previous_button, self.page_label, self.next_button)
        for widget in paging:
            self.toolbar.addWidget(widget)
        self.finish_toolbar()
        self.search_button.clicked.connect(self.reload)
        self.username.returnPressed.connect(self.reload)
        self.ticket.returnPressed.connect(self.reload)
        self.action.currentIndexChanged.connect(self.reload)
        self.period.currentIndexChanged.connect(self.reload)
        self.previous_button.clicked.connect(lambda: self._go(self._page - 1))
        self.next_button.clicked.connect(lambda: self._go(self._page + 1))
        self.previous_button.setEnabled(False)
        self.next_button.setEnabled(False)
        for column, width in enumerate((150, 90, 80, 100, 140, 260, 260)):
            self.table.setColumnWidth(column, width)

    def query(self, page: int = 1) -> AuditQuery:
        since = None
        if days := int(self.period.currentData()):
            start = datetime.combine(datetime.now(LOCAL_TZ).date() - timedelta(days=days - 1), time(), LOCAL_TZ)
            since = start.astimezone(UTC).replace(tzinfo=None)
        return AuditQuery(action=str(self.action.currentData()), username=self.username.text(),
                          ticket=self.ticket.text(), since=since, page=page)

    def reload(self) -> None:
        self._go(1)

    def _go(self, page: int) -> None:
        self.loaded = True
        query = self.query(page)
        self.call(lambda client: client.audit(query), self._on_loaded, busy=self.tr("正在从中心读取审计日志…"))

    def _on_loaded(self, page: AuditPage) -> None:
        self._page = page.page
        self.model.set_records(page.entries)
        self.page_label.setText(self.tr("第 %1/%2 页，共 %n 条", "", page.total)
                                .replace("%1", str(page.page)).replace("%2", str(page.pages)))
        self.previous_button.setEnabled(page.page > 1)
        self.next_button.setEnabled(page.page < page.pages)

    def entries(self) -> list[AuditEntry]:
        return self.model.records()
