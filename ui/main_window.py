"""The workstation window: capture form, queue, menus, status bar, draft recovery."""

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.assistant.quality import SaveGate, save_gate
from app.assistant.store_source import SidebarEngine, draft_from_input
from app.desk import DEMO_COUNT, Desk, ImportCancelled, TicketMissing
from app.domain.roles import Role, has_capture_form
from app.domain.ticket import TicketInput
from app.settings import Settings, seat_problems
from app.sync.engine import SyncReport
from app.sync.identity import Identity
from app.telephony.adapter import CallEvent
from app.telephony.agent import AgentState
from app.telephony.model import FINAL_STATES, CallState
from app.tickets.drafts import SavedDraft
from app.tickets.importer import ImportReport
from ui.admin.panel import AdminPanel
from ui.assistant_sidebar import AssistantSidebar
from ui.call_panel import AgentStateBar, CallBridge, ScreenPop
from ui.callbacks import CallbackPanel
from ui.conflict_dialog import ConflictDialog
from ui.files import in_documents
from ui.live_view import LiveView
from ui.login_dialog import LoginDialog
from ui.messages import say, say_error
from ui.password_dialog import ChangePasswordDialog
from ui.queue_view import QueueView
from ui.reports.dashboard import ReportsDashboard
from ui.role_views import role_title
from ui.settings_dialog import SettingsDialog
from ui.store_upkeep import UpkeepScheduler
from ui.sync_controller import SyncController, SyncState
from ui.sync_status import SyncStatusBar
from ui.tasks import run_task
from ui.ticket_detail import TicketDetail
from ui.ticket_form import TicketForm
from ui.work_progress import WorkProgress


class DraftBanner(QFrame):
    """Offers back the drafts an earlier run left unsaved (after a crash or a kill)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftBanner")
        self.setStyleSheet("#draftBanner { background: #fff4cc; border: 1px solid #e0c060; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("恢复草稿"))
        self.discard_button = QPushButton(self.tr("丢弃"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.discard_button)
        self.hide()


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, sync: SyncController | None = None, *,
                 engine: SidebarEngine | None = None) -> None:
        super().__init__()
        self.desk = desk
        # Qt appends the application's name itself: the title names the seat and its agent.
        self.show_seat_in_title()
        self.resize(1280, 820)

        self.form = TicketForm(desk)
        self.draft_banner = DraftBanner()
        self.draft_banner.restore_button.clicked.connect(self._on_restore_draft)
        self.draft_banner.discard_button.clicked.connect(self._on_discard_draft)
        self.engine = engine or desk.sidebar_engine()
        self.sidebar = AssistantSidebar(self.engine, desk.reference)
        self.sidebar.field_accepted.connect(self.form.set_field)
        self.sidebar.open_ticket_requested.connect(self.open_ticket)
        self.sidebar.link_requested.connect(self.form.add_link)
        self.sidebar.handoff_requested.connect(self._on_handoff_requested)
        self.form.assist_changed.connect(self.sidebar.set_draft)
        self.form.quality_gate = self._quality_gate
        capture = QWidget()
        capture_layout = QVBoxLayout(capture)
        capture_layout.setContentsMargins(0, 0, 0, 0)
        self.welcome = self._welcome_panel()
        capture_layout.addWidget(self.welcome)
        self.call_pop = ScreenPop()
        capture_layout.addWidget(self.call_pop)
        capture_layout.addWidget(self.draft_banner)
        splitter = QSplitter()
        splitter.addWidget(self.form)
        splitter.addWidget(self.sidebar)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 500])
        capture_layout.addWidget(splitter, 1)

        self.queue = QueueView(desk)

        self.tabs = QTabWidget()
        self.tabs.addTab(capture, self.tr("受理工单"))
        self.tabs.addTab(self.queue, self.tr("工单队列"))
        self.reports: ReportsDashboard | None = None
        self.tabs.addTab(QWidget(), self.tr("统计报表"))
        self.admin: AdminPanel | None = None
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.setCentralWidget(self.tabs)

        self.count_label = QLabel()
        self.identity_label = QLabel()
        self.sync_status = SyncStatusBar()
        self.statusBar().addPermanentWidget(self.identity_label)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().showMessage(self.tr("本机数据：%s") % desk.store_path)

        self.form.ticket_saved.connect(self._on_ticket_saved)
        self.queue.ticket_activated.connect(self.open_ticket)
        self.queue.count_changed.connect(self._on_count_changed)
        self.login_dialog: LoginDialog | None = None
        self.demo_question: QMessageBox | None = None
        self.new_question: QMessageBox | None = None
        self._focused_once = False
        self.import_progress: WorkProgress | None = None
        self.ticket_windows: dict[int, TicketDetail] = {}
        self.password_dialog: ChangePasswordDialog | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.live_view: LiveView | None = None
        self.sync = sync or SyncController(desk, parent=self)
        self.sync.setParent(self)
        self.sync.status_changed.connect(self.sync_status.show_status)
        self.sync.login_required.connect(self._on_login_required)
        self.sync.synced.connect(self._on_synced)
        self.sync.review_changed.connect(self._on_review_changed)
        self.sync_status.sync_clicked.connect(self._on_sync_clicked)
        self.sync_status.conflicts_clicked.connect(self.open_conflicts)
        self.sync_status.rejections_clicked.connect(self._on_rejections_clicked)
        self.sync.identity_changed.connect(self.show_identity)
        self.sync_status.show_status(self.sync.status)
        self.upkeep = UpkeepScheduler(desk, self)
        self._build_menus()
        self._drafts: list[SavedDraft] = []
        self.show_identity(self.sync.identity)
        self._on_review_changed()
        self.offer_drafts()
        self.sidebar.start()
        self.agent_state: AgentStateBar | None = None
        self.callbacks: CallbackPanel | None = None
        self._start_calls()
        self.sync.start()

    # -- pieces ----------------------------------------------------------------------------

    def _welcome_panel(self) -> QWidget:
        panel = QFrame()
        panel.setObjectName("welcome")
        panel.setStyleSheet("#welcome { background: #eef5ff; border: 1px solid #b8d0f0; }")
        text = QLabel(self.tr(
            "<h2>欢迎使用热线座席工作台</h2>"
            "<p>本机还没有工单。所有工单先保存在本机，断网也不会丢失。</p>"
            "<p>直接在下面的表单里受理第一张工单（<b>Ctrl+S</b> 保存，<b>Ctrl+N</b> 新建），"
            "或从“文件 → 导入工单”导入 Excel/CSV 表格，或先生成演示数据试一试"
            "（演示工单只留在本机，不会同步到中心）。</p>"))
        text.setWordWrap(True)
        # Two seats both called S01 / 座席员 could not be told apart in a timeline.
        self.welcome_seat = QLineEdit(self.desk.settings.seat_id)
        self.welcome_seat.setMaximumWidth(90)
        self.welcome_name = QLineEdit("" if self.desk.settings.agent_name == Settings().agent_name
                                      else self.desk.settings.agent_name)
        self.welcome_name.setPlaceholderText(self.tr("您的姓名"))
        self.welcome_name.setMaximumWidth(160)
        self.welcome_seat_error = QLabel()
        self.welcome_seat_error.setStyleSheet("color: #cf222e;")
        self.welcome_seat_error.hide()
        keep = QPushButton(self.tr("保存座席信息"))
        keep.clicked.connect(self.save_seat_identity)
        self.welcome_name.returnPressed.connect(self.save_seat_identity)
        seat_row = QHBoxLayout()
        for widget in (QLabel(self.tr("本座席编号")), self.welcome_seat, QLabel(self.tr("姓名")),
                       self.welcome_name, keep, self.welcome_seat_error):
            seat_row.addWidget(widget)
        seat_row.addStretch()
        demo = QPushButton(self.tr("生成演示数据…"))
        demo.clicked.connect(self.ask_demo)
        self.demo_button = demo
        column = QVBoxLayout()
        column.addWidget(text)
        column.addLayout(seat_row)
        layout = QHBoxLayout(panel)
        layout.addLayout(column, 1)
        layout.addWidget(demo, 0, Qt.AlignmentFlag.AlignBottom)
        panel.hide()
        return panel

    def save_seat_identity(self) -> bool:
        """The first-run screen's seat number and agent name (also in 设置…)."""
        seat_id, name = self.welcome_seat.text().strip(), self.welcome_name.text().strip()
        problems = seat_problems(seat_id, name)
        self.welcome_seat_error.setText(" ".join(say(p) for p in problems.values()))
        self.welcome_seat_error.setVisible(bool(problems))
        if problems:
            return False
        self._on_settings_accepted(replace(self.desk.settings, seat_id=seat_id, agent_name=name))
        self.statusBar().showMessage(self.tr("已保存：座席 %1，%2").replace("%1", seat_id).replace(
            "%2", name), 5000)
        return True

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        new_action = QAction(self.tr("受理新工单"), self)
        new_action.setShortcut(QKeySequence("Ctrl+N"))
        new_action.triggered.connect(self.start_new_ticket)
        import_action = QAction(self.tr("导入工单…"), self)
        import_action.triggered.connect(self._on_import)
        export_action = QAction(self.tr("导出当前队列…"), self)
        export_action.triggered.connect(self._on_export)
        demo_action = QAction(self.tr("生成演示数据…"), self)
        demo_action.triggered.connect(self.ask_demo)
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        for action in (new_action, import_action, export_action, demo_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("查看(&V)"))
        queue_action = QAction(self.tr("工单队列"), self)
        queue_action.setShortcut(QKeySequence("Ctrl+L"))
        queue_action.triggered.connect(lambda: self.tabs.setCurrentIndex(1))
        find_action = QAction(self.tr("搜索工单"), self)
        find_action.setShortcut(QKeySequence("Ctrl+F"))
        find_action.triggered.connect(self._on_find)
        view_menu.addAction(queue_action)
        view_menu.addAction(find_action)
        # The supervisor's live view of the seats (the center's; shown to whom it answers).
        self.live_action = QAction(self.tr("座席实时状态…"), self)
        self.live_action.triggered.connect(self.open_live_view)
        self.live_action.setVisible(False)
        view_menu.addAction(self.live_action)
        sync_menu = self.menuBar().addMenu(self.tr("同步(&S)"))
        self.sync_action = QAction(self.tr("立即同步"), self)
        self.sync_action.setShortcut(QKeySequence("F5"))
        self.sync_action.triggered.connect(self._on_sync_clicked)
        login_action = QAction(self.tr("登录中心…"), self)
        login_action.triggered.connect(lambda: self.show_login(expired=False))
        logout_action = QAction(self.tr("退出登录"), self)
        logout_action.triggered.connect(self.sync.logout)
        self.password_action = QAction(self.tr("修改密码…"), self)
        self.password_action.triggered.connect(self.show_change_password)
        conflicts_action = QAction(self.tr("处理同步冲突…"), self)
        conflicts_action.triggered.connect(self.open_conflicts)
        settings_action = QAction(self.tr("设置…"), self)
        settings_action.triggered.connect(self.open_settings)
        for action in (self.sync_action, login_action, logout_action, self.password_action, conflicts_action):
            sync_menu.addAction(action)
        sync_menu.addSeparator()
        sync_menu.addAction(settings_action)
        # Ctrl+N belongs to the window, so that it works from the queue too.
        self.form.new_shortcut.setEnabled(False)
        self.form.new_button.clicked.disconnect()  # the button asks too, as Ctrl+N does
        self.form.new_button.clicked.connect(self.start_new_ticket)

    def show_identity(self, identity: Identity | None) -> None:
        """The signed-in user's work: their role's queues, and only the tabs their role uses."""
        role = identity.role if identity else None
        self.password_action.setEnabled(identity is not None)
        self.live_action.setVisible(role in (Role.SUPERVISOR, Role.ADMIN))
        if identity is None:
            self.identity_label.setText(self.tr("未登录中心：登录后显示您角色的工作视图"))
            self.queue.set_role_views([])
        else:
            self.identity_label.setText(self.tr("%1（%2%3）").replace(
                "%1", identity.display_name or identity.username).replace(
                "%2", role_title(identity.role)).replace("%3", f"·{identity.unit}" if identity.unit else ""))
            self.queue.set_role_views(self.desk.role_views(identity))
        captures = has_capture_form(role)
        self.tabs.setTabVisible(0, captures)
        self.tabs.setTabVisible(2, role is not Role.UNIT)
        if role is Role.ADMIN and self.admin is None:
            self.admin = AdminPanel(self.desk, self.sync.admin_client)
            self.admin.login_requested.connect(lambda: self.show_login(expired=True))
            self.admin.sync_requested.connect(self.sync.sync_now)
            self.sync.synced.connect(lambda _report: self.admin.synced() if self.admin else None)
            self.tabs.addTab(self.admin, self.tr("管理"))
        if self.admin is not None:
            self.tabs.setTabVisible(self.tabs.indexOf(self.admin), role is Role.ADMIN)
        if identity is not None and role is Role.ADMIN and self.admin is not None:
            self.admin.set_views(self.desk.role_views(identity))
            self.tabs.setCurrentWidget(self.admin)
            self.admin.select("users")
        elif not captures or (role is not None and role is not Role.AGENT):
            self.tabs.setCurrentIndex(1)  # their work is in the queues

    def open_live_view(self) -> None:
        if self.live_view is None:
            self.live_view = LiveView(self.sync, self)
        self.live_view.show()
        self.live_view.raise_()

    def show_seat_in_title(self) -> None:
        settings = self.desk.settings
        # The default agent name (座席员) is no one's name: the title then names the seat only.
        named = settings.agent_name and settings.agent_name != Settings().agent_name
        self.setWindowTitle(self.tr("座席 %1 · %2").replace("%1", settings.seat_id).replace(
            "%2", settings.agent_name) if named else self.tr("座席 %1").replace("%1", settings.seat_id))

    def _on_tab_changed(self, index: int) -> None:
        # The dashboard queries the whole store: built only when a supervisor first opens it.
        if index == 2 and self.reports is None:
            self.reports = ReportsDashboard(self.desk)
            self.tabs.removeTab(2)
            self.tabs.insertTab(2, self.reports, self.tr("统计报表"))
            self.tabs.setCurrentIndex(2)

    # -- actions ---------------------------------------------------------------------------

    def start_new_ticket(self) -> QMessageBox | None:
        """Ctrl+N: a new ticket; half-typed work is not swept away without asking (it would
        wait as a draft until the next start)."""
        self.tabs.setCurrentIndex(0)
        if not self.form.has_unsaved_input():
            self.form.new_ticket()
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("新建工单"), self.tr(
            "表单里有还没保存的内容。\n要放下它、新建一张工单吗？放下的内容留作草稿，下次启动时可以恢复。"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("新建"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("继续填写"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(self.form.new_ticket)
        box.rejected.connect(self.form.setFocus)
        self.new_question = box
        box.open()
        return box

    def _on_find(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.queue.search.setFocus()
        self.queue.search.selectAll()

    def _quality_gate(self, values: TicketInput) -> SaveGate:
        # The categories on screen stand in for the model: no model code on the GUI thread.
        return save_gate(draft_from_input(values), self.sidebar.categories)

    def _on_ticket_saved(self, ticket_id: int, local_no: str) -> None:
        self.statusBar().showMessage(self.tr("已保存 %s") % local_no, 5000)
        self.sidebar.note_saved(ticket_id)
        self.queue.model.reload()
        self.sync.local_change()

    # -- sync ------------------------------------------------------------------------------

    def _on_sync_clicked(self) -> None:
        if self.sync.configured and self.sync.status.state != SyncState.LOGGED_OUT:
            self.sync.sync_now()
        else:
            self.show_login(expired=False)

    def _on_login_required(self, expired: bool) -> None:
        self.show_login(expired=expired)

    def show_login(self, *, expired: bool) -> LoginDialog:
        """The login dialog (one at a time); non-blocking, the window keeps working behind it."""
        if self.login_dialog is not None and self.login_dialog.isVisible():
            return self.login_dialog
        settings = self.desk.settings
        dialog = LoginDialog(settings.server_url, settings.server_user,
                             keyring_ok=self.sync.tokens.persistent, expired=expired, parent=self)
        dialog.login_requested.connect(self.sync.login)
        self.sync.login_finished.connect(dialog.on_login_finished)
        dialog.finished.connect(lambda _result: self.sync.login_finished.disconnect(dialog.on_login_finished))
        self.login_dialog = dialog
        dialog.open()
        return dialog

    def show_change_password(self) -> ChangePasswordDialog | None:
        """The user's own password change (signed in only); non-blocking like the login."""
        identity = self.sync.identity
        if identity is None:
            self.show_login(expired=False)
            return None
        if self.password_dialog is not None and self.password_dialog.isVisible():
            return self.password_dialog
        dialog = ChangePasswordDialog(identity.username, identity.display_name, parent=self)
        dialog.change_requested.connect(self.sync.change_password)
        self.sync.password_change_finished.connect(dialog.on_change_finished)
        dialog.finished.connect(
            lambda _result: self.sync.password_change_finished.disconnect(dialog.on_change_finished))
        dialog.accepted.connect(lambda: self.statusBar().showMessage(
            self.tr("密码已修改；其他电脑上的登录已失效。"), 10000))
        self.password_dialog = dialog
        dialog.open()
        return dialog

    def _on_synced(self, report: SyncReport) -> None:
        if report.pulled or report.pushed:
            self.queue.reload_keeping_place()  # new tickets, official numbers
            self.queue.refresh_view_counts()
            self.refresh_ticket_windows()  # another seat's step, an official number
        if report.reference_changes:
            # An admin changed units, categories or holidays: the seat's rules follow.
            reference = self.desk.reload_reference()
            self.form.set_reference(reference)
            self.sidebar.set_reference(reference)

    def _on_review_changed(self) -> None:
        rejected, conflicted = self.desk.sync_marks()
        self.queue.model.set_sync_marks(rejected, conflicted)

    def open_conflicts(self, client_id: str | None = None) -> ConflictDialog | None:
        """The conflict dialog for ``client_id`` (or the oldest conflict)."""
        if self.conflict_dialog is not None and self.conflict_dialog.isVisible():
            return self.conflict_dialog
        waiting = self.desk.conflicts()
        chosen = [c for c in waiting if client_id in (None, c.client_id)]
        if not chosen:
            self.statusBar().showMessage(self.tr("没有待处理的同步冲突。"), 5000)
            return None
        dialog = ConflictDialog(chosen[0], self)
        dialog.resolved.connect(self.sync.resolve_conflict)
        self.conflict_dialog = dialog
        dialog.open()
        return dialog

    def _on_rejections_clicked(self) -> None:
        """Open the first ticket the center sent back (the queue marks the others)."""
        rejected, _ = self.desk.sync_marks()
        if rejected:
            self.tabs.setCurrentIndex(1)
            self.open_ticket(min(rejected))

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.desk.settings, self)
        dialog.settings_accepted.connect(self._on_settings_accepted)
        dialog.open()
        return dialog

    def _on_settings_accepted(self, settings: Settings) -> None:
        self.sync.apply_settings(settings)
        self.show_seat_in_title()

    def _on_count_changed(self, count: int) -> None:
        self.count_label.setText(self.tr("工单 %n 条", "", count))
        self.welcome.setVisible(not self.desk.has_tickets())

    def open_ticket(self, ticket_id: int) -> TicketDetail:
        """The ticket's window: one per ticket, brought up to date and raised if already open."""
        detail = self.ticket_windows.get(ticket_id)
        if detail is not None:
            detail.reload()
            detail.show()
            detail.raise_()
            detail.activateWindow()
            return detail
        detail = TicketDetail(self.desk, ticket_id, self, sync=self.sync)
        self.ticket_windows[ticket_id] = detail
        detail.finished.connect(lambda _result: self._forget_ticket_window(ticket_id, detail))
        detail.ticket_changed.connect(self._on_ticket_changed)
        detail.edit_requested.connect(self._on_edit_ticket)
        detail.resubmit_requested.connect(self.sync.resubmit)
        detail.rejections_dismissed.connect(self.sync.dismiss_rejections)
        detail.conflict_requested.connect(self.open_conflicts)
        detail.show()
        return detail

    def _forget_ticket_window(self, ticket_id: int, detail: TicketDetail) -> None:
        # Forgotten, not deleted: as before, a closed window goes with the main window.
        if self.ticket_windows.get(ticket_id) is detail:
            del self.ticket_windows[ticket_id]

    def refresh_ticket_windows(self) -> None:
        """Every open ticket window shows its ticket as the store has it now."""
        for detail in list(self.ticket_windows.values()):
            detail.reload()

    def _on_ticket_changed(self, ticket_id: int) -> None:
        """An action was taken (or a reveal audited): send it (its window already shows it)."""
        self.sync.local_change()
        if ticket_id < 0:
            return
        self.queue.reload_keeping_place()  # it may leave this work queue
        self.queue.refresh_view_counts()
        self.statusBar().showMessage(self.tr("已保存，正在发送到中心"), 5000)

    def _on_edit_ticket(self, ticket_id: int) -> None:
        if not self.tabs.isTabVisible(0):
            return  # no capture form for this role (the ticket window offers no 修改 then)
        try:
            ticket = self.desk.editable_ticket(ticket_id)
        except TicketMissing:
            return
        self.tabs.setCurrentIndex(0)
        self.form.edit_ticket(ticket)

    def ask_demo(self) -> QMessageBox:
        """Say what demo data is and where it stays before making any (No is the default)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("生成演示数据"), self.tr(
            "将在本机生成 %n 条演示工单，用来熟悉受理、队列和报表。\n"
            "演示工单只保存在本机，不会同步到中心，登录中心后也不会发送。", "", DEMO_COUNT),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("生成"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("不生成"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(self.fill_demo)
        self.demo_question = box
        box.open()
        return box

    def fill_demo(self) -> None:
        self.statusBar().showMessage(self.tr("正在生成演示数据…"))
        run_task(self.desk.insert_demo, self._on_demo_done, self._on_task_failed, owner=self)

    def _on_demo_done(self, count: object) -> None:
        self.statusBar().showMessage(self.tr("已生成 %s 条演示工单（只在本机）") % count, 5000)
        self._after_bulk_write()

    def _on_task_failed(self, error: Exception) -> None:
        self.statusBar().clearMessage()  # not "正在…" any more
        QMessageBox.warning(self, self.tr("操作未完成"),
                            self.tr("操作未完成：%s\n已保存的工单不受影响，请稍后重试。") % say_error(error))

    def _on_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入工单"), in_documents(),
                                              self.tr("表格 (*.xlsx *.csv)"))
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> WorkProgress:
        """Import off the GUI thread with the rows done so far shown, and 取消 between batches."""
        desk = self.desk
        self.statusBar().showMessage(self.tr("正在导入 %s …") % path.name)
        progress = WorkProgress(
            self.tr("导入工单"),
            lambda done: self.tr("正在导入 %1 …\n已处理 %2 行").replace("%1", path.name).replace(
                "%2", str(done)),
            ImportCancelled, self)
        self.import_progress = progress
        run_task(lambda: desk.import_file(path, progress=progress.report),
                 lambda report: self._on_imported(report, progress),
                 lambda error: self._on_import_failed(error, progress), owner=self)
        return progress

    def _on_import_failed(self, error: Exception, progress: WorkProgress) -> None:
        progress.finish()
        self.statusBar().clearMessage()
        self._after_bulk_write()
        if isinstance(error, ImportCancelled):
            QMessageBox.information(self, self.tr("已取消导入"), self.tr(
                "已停止导入：已处理的 %n 行已保存。再次导入同一文件只会补上其余各行，不会重复。", "", error.done))
        else:
            self._on_task_failed(error)

    def _after_bulk_write(self) -> None:
        """New tickets: the queue, the role tabs' counts and 待同步 show them."""
        self.queue.model.reload()
        self.queue.refresh_view_counts()
        self.sync.local_change()

    def _on_imported(self, report: object, progress: WorkProgress) -> None:
        assert isinstance(report, ImportReport)
        progress.finish()
        self._after_bulk_write()
        self.statusBar().showMessage(report.summary(), 8000)
        lines = [report.summary()]
        if report.unknown_headers:
            lines.append(self.tr("未识别的列（已忽略）：") + "、".join(report.unknown_headers))
        lines += [self.tr("第%1行：").replace("%1", str(n)) + reason for n, reason in report.errors[:20]]
        if len(report.errors) > 20:
            lines.append(self.tr("……另有 %s 行出错") % (len(report.errors) - 20))
        QMessageBox.information(self, self.tr("导入完成"), "\n".join(lines))

    def _on_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出当前队列"), in_documents(self.tr("工单") + ".xlsx"),
                                              self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            self.export_path(Path(path))

    def export_path(self, path: Path) -> None:
        desk, flt, sort = self.desk, self.queue.model.query_filter, self.queue.model.query_sort
        # Every export is audited: the report syncs to the center like a ticket change.
        run_task(lambda: desk.export_queue(path, flt, sort), self._on_exported(path),
                 self._on_task_failed, owner=self)

    def _on_exported(self, path: Path) -> Callable[[int], None]:
        def done(rows: int) -> None:
            self.statusBar().showMessage(
                self.tr("已导出 %1 条到 %2").replace("%1", str(rows)).replace("%2", str(path)), 8000)
            self.sync.local_change()
        return done

    # -- drafts ----------------------------------------------------------------------------

    def offer_drafts(self) -> None:
        self._drafts = self.desk.pending_drafts()
        if not self._drafts:
            self.draft_banner.hide()
            return
        draft = self._drafts[0]
        title = draft.values.title or draft.values.description[:20] or self.tr("（无标题）")
        self.draft_banner.text.setText(
            self.tr("发现上次未保存的工单草稿：“%1”。要恢复吗？").replace("%1", title))
        self.draft_banner.show()

    def _on_restore_draft(self) -> None:
        draft = self._drafts.pop(0)
        self.tabs.setCurrentIndex(0)
        # The empty form that was started meanwhile has nothing worth keeping.
        self.desk.discard_draft(self.form.form_key)
        self.form.restore_draft(draft.form_key, draft.values, draft.ticket_client_id)
        self.draft_banner.hide()

    def _on_discard_draft(self) -> None:
        draft = self._drafts.pop(0)
        self.desk.discard_draft(draft.form_key)
        self.offer_drafts()

    def _start_calls(self) -> None:
        """Take calls through the adapter the settings choose (none: the agent types numbers)."""
        if not self.desk.settings.telephony:
            return
        self.call_bridge = CallBridge(self)
        self.call_bridge.call_event.connect(self._on_call_event)
        self.call_pop.answer_clicked.connect(self.desk.calls.answer)
        self.call_pop.hand_off_clicked.connect(self._hand_off)
        self.agent_state = AgentStateBar(self.desk.calls, self.desk.settings.acw_limit_s)
        self.statusBar().insertPermanentWidget(0, self.agent_state)
        self.agent_state.state_changed.connect(self._on_agent_state_changed)
        self.callbacks = CallbackPanel(self.desk.calls)
        self.callbacks.ticket_requested.connect(self._on_callback_ticket)
        self.tabs.addTab(self.callbacks, self.tr("漏接回拨"))  # after 统计报表: its index is fixed
        try:
            self.desk.calls.start(self.call_bridge.post)
        except (OSError, ValueError) as error:
            self.statusBar().showMessage(self.tr("来电接入未启动：%s") % error)

    def _on_call_event(self, event: CallEvent) -> None:
        """The screen pop: on ringing the caller and an empty form with the number filled in."""
        call = self.desk.calls.call(event.call_id)
        if call is None:
            return
        self.call_pop.show_call(call)
        if event.state is CallState.RINGING:
            self.form.call_id = call.call_id
            self.tabs.setCurrentIndex(0)
            self.form.new_ticket()
            self.form.set_values(TicketInput(caller_phone=call.caller_number))
        elif event.state in (CallState.ENDED, CallState.TRANSFERRED) and self.agent_state is not None:
            self.agent_state.set_state(AgentState.AFTER_CALL)
        elif event.state is CallState.ABANDONED and self.callbacks is not None:
            self.callbacks.refresh()
        # The banners' buttons transfer while the adapter holds the call up, else confirm.
        self.sidebar.set_can_transfer(self.desk.calls.can_transfer(self.form.call_id))

    def _hand_off(self, call_id: str, service: str) -> None:
        """Transfer the caller through the adapter (or record the agent's own hand-off) and put
        "已转119" with its time on the ticket being captured."""
        handoff = self.desk.calls.hand_off(call_id, service)
        self.form.add_handoff(handoff)
        self.sidebar.show_handoff(handoff)

    def _on_handoff_requested(self, service: str) -> None:
        self._hand_off(self.form.call_id, service)

    def _on_callback_ticket(self, call_id: str, number: str) -> None:
        """A ticket for a caller called back: the number filled in, linked to the lost call."""
        self.form.call_id = call_id
        self.tabs.setCurrentIndex(0)
        self.form.new_ticket()
        self.form.set_values(TicketInput(caller_phone=number))

    def _on_agent_state_changed(self, state: str) -> None:
        """Back from 话后整理 (or any state) after the call is over: the next ticket is not its."""
        call = self.desk.calls.call(self.form.call_id) if self.form.call_id else None
        if state != AgentState.AFTER_CALL.value and call is not None and call.state in FINAL_STATES:
            self.form.call_id = ""
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focused_once:
            # Keyboard first: typing starts in the form, and 生成演示数据 comes after it in Tab order.
            self._focused_once = True
            QWidget.setTabOrder(self.form.save_button, self.demo_button)
            if self.tabs.currentIndex() == 0:
                self.form.channel.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.desk.calls.stop()
        self.form.flush_draft()
        self.form.wait_for_writes()
        self.sidebar.wait_for_tasks()
        self.sync.shutdown()
        self.upkeep.shutdown()
        super().closeEvent(event)
