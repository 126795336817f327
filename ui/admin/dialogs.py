"""Forms of the admin pages. Each stays open until the center accepts: ``submitted`` carries the
values, the page sends them, then calls ``accept()`` or ``show_error(message)``."""

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.admin.client import UserRecord, check_user
from app.domain.roles import Role
from ui.admin.page import ERROR_STYLE
from ui.dates import pydate
from ui.messages import say
from ui.role_views import role_title
from ui.style import FOCUS_VISIBLE
from ui.unit_completion import complete_unit


class _AdminForm(QDialog):
    """Signals:
        submitted(object): the values (a dict), checked locally; the center has the last word.
    """

    submitted = Signal(object)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.setStyleSheet(FOCUS_VISIBLE)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button: QPushButton = self.buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # Enter submits: a default set before the button is inside the dialog is lost, and Qt
        # then makes the first button (取消) the default, so Enter threw away what was typed.
        self.save_button.setDefault(True)

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def problems(self) -> Sequence[str]:
        return []

    def _on_save(self) -> None:
        problems = self.problems()
        if problems:
            self.show_error("\n".join(say(p) for p in problems))
            return
        self.error.hide()
        self.save_button.setEnabled(False)  # one request at a time
        self.save_button.setText(self.tr("正在保存…"))
        self.submitted.emit(self.values())

    def show_error(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self.save_button.setText(self.tr("保存"))
        self.error.setText(message)
        self.error.show()


def _combo(items: list[tuple[str, str]], current: str = "", *, editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(editable)
    for text, value in items:
        combo.addItem(text, value)
    index = combo.findData(current)
    if index >= 0:
        combo.setCurrentIndex(index)
    elif editable:
        combo.setEditText(current)
    return combo


class UserDialog(_AdminForm):
    """A new account (user name, name, role, unit, password) or changes to one (name, role,
    unit, active)."""

    def __init__(self, units: list[str], record: UserRecord | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("修改账号") if record else self.tr("新建账号"), parent)
        self.record = record
        self.username = QLineEdit(record.username if record else "")
        self.username.setReadOnly(record is not None)
        self.username.setPlaceholderText(self.tr("英文字母、数字和 _ . -，如 zhang3"))
        self.display_name = QLineEdit(record.display_name if record else "")
        self.display_name.setPlaceholderText(self.tr("如 张三"))
        self.role = _combo([(role_title(r), r.value) for r in Role], record.role if record else Role.AGENT.value)
        self._units = units
        self.unit = _combo([(u, u) for u in units], record.unit if record else "", editable=True)
        complete_unit(self.unit, units)  # 城市管理 finds 市城市管理局
        self.unit.setToolTip(self.tr("承办单位账号必须选择所属单位；其他角色不属于单位"))
        self.role.currentIndexChanged.connect(self._on_role_changed)
        self.form.addRow(self.tr("用户名"), self.username)
        self.form.addRow(self.tr("姓名"), self.display_name)
        self.form.addRow(self.tr("角色"), self.role)
        self.form.addRow(self.tr("所属单位"), self.unit)
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        self.active = QCheckBox(self.tr("启用（停用后立即退出登录，不能再登录）"))
        if record is None:
            for edit in (self.password, self.repeat):
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.password.setPlaceholderText(self.tr("至少 12 个字符，不能是常见密码"))
            self.form.addRow(self.tr("初始密码"), self.password)
            self.form.addRow(self.tr("再次输入"), self.repeat)
        else:
            self.active.setChecked(record.active)
            self.form.addRow("", self.active)
            note = QLabel(self.tr("修改角色、单位或停用后，该用户需要重新登录。"))
            note.setStyleSheet("color: #57606a;")
            self.form.addRow("", note)
        self._on_role_changed()

    def _on_role_changed(self) -> None:
        self.unit.setEnabled(self.role.currentData() == Role.UNIT.value)

    def values(self) -> dict[str, Any]:
        role = str(self.role.currentData())
        values: dict[str, Any] = {
            "username": self.username.text().strip(), "display_name": self.display_name.text().strip(),
            "role": role, "unit": self.unit.currentText().strip() if role == Role.UNIT.value else "",
        }
        if self.record is None:
            values["password"] = self.password.text()
        else:
            values["active"] = self.active.isChecked()
        return values

    def problems(self) -> Sequence[str]:
        values = self.values()
        new = self.record is None
        # A unit name not in the directory binds an account that never receives a ticket; an
        # unchanged old one is left to the center (the directory may be mid-sync).
        changed_unit = self.record is None or values["unit"] != self.record.unit
        return check_user(username=values["username"], role=values["role"], unit=values["unit"],
                          password=values["password"] if new else None,
                          repeated=self.repeat.text() if new else None,
                          known_units=self._units if self._units and changed_unit else None)


class PasswordDialog(_AdminForm):
    def __init__(self, username: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("重置密码：%1").replace("%1", username), parent)
        self.username = username
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("至少 12 个字符，不能是常见密码"))
        self.form.addRow(self.tr("新密码"), self.password)
        self.form.addRow(self.tr("再次输入"), self.repeat)
        note = QLabel(self.tr("重置后该用户的登录全部失效，需用新密码重新登录。"))
        note.setStyleSheet("color: #57606a;")
        self.form.addRow("", note)

    def values(self) -> dict[str, Any]:
        return {"password": self.password.text()}

    def problems(self) -> Sequence[str]:
        return check_user(username=self.username, role=Role.AGENT.value, unit="",
                          password=self.password.text(), repeated=self.repeat.text())


def split_list(text: str) -> tuple[str, ...]:
    """Duties typed as 路灯、井盖; or 路灯,井盖 (full- or half-width separators)."""
    return tuple(part.strip() for part in re.split(r"[、,，;；\s]+", text) if part.strip())


class UnitDialog(_AdminForm):
    def __init__(self, districts: list[str], unit: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("修改承办单位") if unit else self.tr("新增承办单位"), parent)
        self.name = QLineEdit(unit.name if unit else "")
        self.name.setReadOnly(unit is not None)
        self.kind = _combo([(k, k) for k in ("市直", "区县", "公共服务企业")], unit.kind if unit else "",
                           editable=True)
        self.district = _combo([("", ""), *((d, d) for d in districts)], unit.district if unit else "",
                               editable=True)
        self.duties = QLineEdit("、".join(unit.duties) if unit else "")
        self.duties.setPlaceholderText(self.tr("职责关键词，用顿号分隔，如 路灯、井盖"))
        self.form.addRow(self.tr("单位名称"), self.name)
        self.form.addRow(self.tr("类型"), self.kind)
        self.form.addRow(self.tr("区县"), self.district)
        self.form.addRow(self.tr("职责"), self.duties)

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "kind": self.kind.currentText().strip(),
                "district": self.district.currentText().strip(), "duties": split_list(self.duties.text())}

    def problems(self) -> Sequence[str]:
        return [] if self.values()["name"] else [self.tr("请填写单位名称。")]


class CategoryDialog(_AdminForm):
    def __init__(self, parent_path: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(self.tr("新增分类"), parent)
        self.levels = [QLineEdit(parent_path[i] if i < len(parent_path) else "") for i in range(3)]
        for label, edit in zip((self.tr("一级分类"), self.tr("二级分类"), self.tr("三级分类")),
                               self.levels, strict=True):
            self.form.addRow(label, edit)
        note = QLabel(self.tr("只填一级即新增一级分类；上级不存在时一并新增。"))
        note.setStyleSheet("color: #57606a;")
        self.form.addRow("", note)

    def values(self) -> dict[str, Any]:
        parts = [edit.text().strip() for edit in self.levels]
        while parts and not parts[-1]:
            parts.pop()
        return {"path": tuple(parts)}

    def problems(self) -> Sequence[str]:
        path = self.values()["path"]
        if not path or not all(path):
            return [self.tr("请从一级分类起依次填写，中间不能空。")]
        return []


class HolidayDialog(_AdminForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("新增节假日或调休上班日"), parent)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.type = _combo([(self.tr("休（放假，不计入办理时限）"), "休"),
                            (self.tr("班（调休上班，计入办理时限）"), "班")])
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("如 国庆节、国庆调休"))
        self.form.addRow(self.tr("日期"), self.day)
        self.form.addRow(self.tr("类型"), self.type)
        self.form.addRow(self.tr("名称"), self.name)

    def values(self) -> dict[str, Any]:
        return {"day": pydate(self.day.date()), "type": str(self.type.currentData()), "name": self.name.text().strip()}
