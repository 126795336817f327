"""Users and roles: the center's accounts; new account, changes, password reset, disable."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QWidget

from app.admin.client import AdminClient, UserRecord
from app.domain.roles import Role
from app.tickets.service import LOCAL_TZ
from ui.admin.dialogs import PasswordDialog, UserDialog
from ui.admin.page import AdminPage, toolbar_button
from ui.role_views import role_title


class UsersPage(AdminPage):
    def __init__(self, connect: Callable[[], AdminClient | None], pool: QThreadPool,
                 units: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(connect, pool, [
            (self.tr("用户名"), lambda u: u.username),
            (self.tr("姓名"), lambda u: u.display_name),
            (self.tr("角色"), self._role),
            (self.tr("所属单位"), lambda u: u.unit),
            (self.tr("状态"), lambda u: self.tr("启用中") if u.active else self.tr("已停用")),
            (self.tr("创建时间"), lambda u: u.created_at.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
             if u.created_at else ""),
        ], parent)
        self._units = units
        self.dialog: UserDialog | PasswordDialog | None = None
        self.new_button = toolbar_button(self, self.tr("新建账号…"), self.new_user)
        self.edit_button = toolbar_button(self, self.tr("修改…"), self.edit_user)
        self.password_button = toolbar_button(self, self.tr("重置密码…"), self.reset_password)
        self.active_button = toolbar_button(self, self.tr("停用"), self.toggle_active)
        self.finish_toolbar()
        for column, width in enumerate((120, 110, 100, 170, 70)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_selection)
        self.table.activated.connect(self.edit_user)  # double-click or Enter
        self._on_selection()

    def _role(self, user: UserRecord) -> str:
        return role_title(Role(user.role)) if user.role in Role._value2member_map_ else user.role

    def _on_selection(self, *_: Any) -> None:
        user = self.selected()
        for button in (self.edit_button, self.password_button, self.active_button):
            button.setEnabled(user is not None)
        self.active_button.setText(self.tr("启用") if user is not None and not user.active else self.tr("停用"))

    def reload(self) -> None:
        super().reload()
        self.call(lambda client: client.users(), self._on_loaded, busy=self.tr("正在从中心读取账号…"))

    def _on_loaded(self, users: list[UserRecord], select: str = "") -> None:
        current = select or (self.selected().username if self.selected() else "")
        self.model.set_records(users)
        for row, user in enumerate(users):
            if user.username == current:
                self.table.selectRow(row)
        self._on_selection()

    def _after_change(self, message: str, username: str) -> Callable[[Any], None]:
        def done(_: Any) -> None:
            if self.dialog is not None:
                self.dialog.accept()
            self.call(lambda client: client.users(), lambda users: self._on_loaded(users, username))
            self.show_info(message)
        return done

    def new_user(self) -> UserDialog:
        dialog = UserDialog(self._units(), parent=self)
        dialog.submitted.connect(self._on_new_submitted)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_new_submitted(self, values: dict[str, Any]) -> None:
        assert self.dialog is not None
        self.call(lambda client: client.create_user(**values),
                  self._after_change(self.tr("已新建账号 %1。").replace("%1", values["username"]),
                                     values["username"]),
                  failed=self.dialog.show_error)

    def edit_user(self) -> UserDialog | None:
        user = self.selected()
        if user is None:
            return None
        dialog = UserDialog(self._units(), user, parent=self)
        dialog.submitted.connect(self._on_edit_submitted)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_edit_submitted(self, values: dict[str, Any]) -> None:
        assert self.dialog is not None
        username = values.pop("username")
        self.call(lambda client: client.update_user(username, **values),
                  self._after_change(self.tr("已保存账号 %1 的修改。").replace("%1", username), username),
                  failed=self.dialog.show_error)

    def reset_password(self) -> PasswordDialog | None:
        user = self.selected()
        if user is None:
            return None
        dialog = PasswordDialog(user.username, self)
        dialog.submitted.connect(lambda values: self._on_password_submitted(user.username, values))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_password_submitted(self, username: str, values: dict[str, Any]) -> None:
        assert self.dialog is not None
        self.call(lambda client: client.reset_password(username, values["password"]),
                  self._after_change(self.tr("已重置 %1 的密码；请把新密码当面或电话告诉本人。")
                                     .replace("%1", username), username),
                  failed=self.dialog.show_error)

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        message = (self.tr("已启用 %1。") if not user.active
                   else self.tr("已停用 %1，其登录已全部结束。")).replace("%1", user.username)
        self.dialog = None
        self.call(lambda client: client.update_user(user.username, active=not user.active),
                  self._after_change(message, user.username))
