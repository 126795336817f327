"""Units, categories and holidays. The lists are what the center last sent this seat (the change
feed carries them; the center has no list endpoint): 刷新 syncs first. A change goes to the
center, and what it confirms is shown at once."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.admin.client import AdminClient, ReferenceChange
from app.admin.reference import HolidayRow, UnitRow
from app.desk import Desk
from ui.admin.dialogs import CategoryDialog, HolidayDialog, UnitDialog
from ui.admin.page import AdminPage, toolbar_button


class ReferencePage(AdminPage):
    """Signals:
        sync_requested(): 刷新 — bring the center's current lists (the page reloads on ``synced``).
    """

    sync_requested = Signal()

    def __init__(self, desk: Desk, connect: Callable[[], AdminClient | None], pool: QThreadPool,
                 columns: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(connect, pool, columns, parent)
        self._desk = desk
        self.dialog: UnitDialog | CategoryDialog | HolidayDialog | None = None
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: #57606a;")
        self.body.insertWidget(1, self.source)
        self.refresh_button.clicked.disconnect()
        self.refresh_button.clicked.connect(self._on_refresh)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("筛选（任意文字）"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._show_rows)
        self._rows: list[Any] = []

    def finish_toolbar(self) -> None:
        self.toolbar.addWidget(self.filter)
        super().finish_toolbar()

    def _on_refresh(self) -> None:
        self.show_info(self.tr("正在与中心同步…"))
        self.sync_requested.emit()

    def rows(self) -> list[Any]:
        raise NotImplementedError

    def reload(self) -> None:
        super().reload()
        self._rows = self.rows()
        self.source.setText(self.tr("共 %n 项。列表来自本机上次与中心同步的数据；点“刷新”先同步再显示。", "",
                                    len(self._rows)) if self._rows else
                            self.tr("本机还没有从中心收到这份列表：请登录中心并同步（F5）后点“刷新”。"))
        self._show_rows()

    def _show_rows(self) -> None:
        wanted = self.filter.text().strip()
        columns = range(self.model.columnCount())
        self.model.set_records(self._rows if not wanted else [
            row for row in self._rows if any(wanted in text for text in self.model.texts(row, columns))])

    def synced(self) -> None:
        if self.loaded:
            if self.message.text() == self.tr("正在与中心同步…"):
                self.clear_message()
            self.reload()

    def sync_failed(self, message: str) -> None:
        if self.message.text() == self.tr("正在与中心同步…"):
            self.show_error(self.tr("同步没有完成，列表可能不是最新：%1").replace("%1", message))

    def _apply(self, message: str) -> Callable[[Any], None]:
        """After the center accepted: keep its answer here, close the form, show the list."""
        def done(changes: Any) -> None:
            self._desk.remember_reference(changes if isinstance(changes, list) else [changes])
            if self.dialog is not None and self.dialog.isVisible():
                self.dialog.accept()
            self.reload()
            self.show_info(message)
        return done

    def _submit(self, work: Callable[[AdminClient], Any], message: str) -> None:
        assert self.dialog is not None
        self.call(work, self._apply(message), failed=self.dialog.show_error)


class UnitsPage(ReferencePage):
    def __init__(self, desk: Desk, connect: Callable[[], AdminClient | None], pool: QThreadPool,
                 parent: QWidget | None = None) -> None:
        super().__init__(desk, connect, pool, [
            (self.tr("单位名称"), lambda u: u.name), (self.tr("类型"), lambda u: u.kind),
            (self.tr("区县"), lambda u: u.district), (self.tr("职责"), lambda u: "、".join(u.duties)),
        ], parent)
        toolbar_button(self, self.tr("新增单位…"), self.new_unit)
        toolbar_button(self, self.tr("修改…"), self.edit_unit)
        toolbar_button(self, self.tr("删除…"), self.delete_unit)
        self.finish_toolbar()
        self.table.setColumnWidth(0, 200)
        self.table.activated.connect(self.edit_unit)  # double-click or Enter
        self.rename_note = QLabel(self.tr("单位不能直接改名（工单和账号按名称关联）：请新增新名称的单位，"
                                          "把账号改到新单位，再删除旧单位。"))
        self.rename_note.setWordWrap(True)
        self.rename_note.setStyleSheet("color: #57606a;")
        self.body.insertWidget(2, self.rename_note)

    def rows(self) -> list[UnitRow]:
        return self._desk.mirrored_units()

    def _districts(self) -> list[str]:
        return list(self._desk.reference.districts)

    def new_unit(self) -> UnitDialog:
        return self._open(UnitDialog(self._districts(), parent=self))

    def edit_unit(self) -> UnitDialog | None:
        unit = self.selected()
        return self._open(UnitDialog(self._districts(), unit, parent=self)) if unit else None

    def _open(self, dialog: UnitDialog) -> UnitDialog:
        dialog.submitted.connect(lambda v: self._submit(
            lambda client: client.put_unit(v["name"], kind=v["kind"], district=v["district"], duties=v["duties"]),
            self.tr("已保存承办单位 %1。").replace("%1", v["name"])))
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete_unit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        self.confirm(self.tr("删除承办单位“%1”？已派给它的工单不受影响，但以后不能再派给它。").replace("%1", unit.name),
                     lambda: self.call(lambda client: client.delete_unit(unit.name),
                                       self._apply(self.tr("已删除承办单位 %1。").replace("%1", unit.name))))


class CategoriesPage(ReferencePage):
    def __init__(self, desk: Desk, connect: Callable[[], AdminClient | None], pool: QThreadPool,
                 parent: QWidget | None = None) -> None:
        super().__init__(desk, connect, pool, [
            (self.tr("一级分类"), lambda p: p[0]),
            (self.tr("二级分类"), lambda p: p[1] if len(p) > 1 else ""),
            (self.tr("三级分类"), lambda p: p[2] if len(p) > 2 else ""),
        ], parent)
        toolbar_button(self, self.tr("新增分类…"), self.new_category)
        toolbar_button(self, self.tr("删除…"), self.delete_category)
        self.finish_toolbar()
        for column in range(2):
            self.table.setColumnWidth(column, 180)

    def rows(self) -> list[tuple[str, ...]]:
        return self._desk.mirrored_categories()

    def new_category(self) -> CategoryDialog:
        dialog = CategoryDialog(self.selected() or (), self)
        dialog.submitted.connect(lambda v: self._submit(
            lambda client: client.put_category(v["path"]),
            self.tr("已保存分类 %1。").replace("%1", "/".join(v["path"]))))
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete_category(self) -> None:
        path = self.selected()
        if path is None:
            return
        name = "/".join(path)
        removed = self._desk.removed_category(path)

        def delete(client: AdminClient) -> list[ReferenceChange]:
            client.delete_category(path)
            return removed

        self.confirm(self.tr("删除分类“%1”及其下的 %n 项？已受理的工单保留原分类。", "", len(removed)).replace("%1", name),
                     lambda: self.call(delete, self._apply(self.tr("已删除分类 %1。").replace("%1", name))))


class HolidaysPage(ReferencePage):
    def __init__(self, desk: Desk, connect: Callable[[], AdminClient | None], pool: QThreadPool,
                 parent: QWidget | None = None) -> None:
        weekdays = [self.tr("周一"), self.tr("周二"), self.tr("周三"), self.tr("周四"), self.tr("周五"),
                    self.tr("周六"), self.tr("周日")]
        super().__init__(desk, connect, pool, [
            (self.tr("日期"), lambda h: h.day.isoformat()),
            (self.tr("星期"), lambda h: weekdays[h.day.weekday()]),
            (self.tr("类型"), lambda h: self.tr("休（放假）") if h.type == "休" else self.tr("班（调休上班）")),
            (self.tr("名称"), lambda h: h.name),
        ], parent)
        toolbar_button(self, self.tr("新增…"), self.new_holiday)
        toolbar_button(self, self.tr("删除…"), self.delete_holiday)
        self.finish_toolbar()
        self.table.setColumnWidth(2, 140)

    def rows(self) -> list[HolidayRow]:
        return self._desk.mirrored_holidays()

    def new_holiday(self) -> HolidayDialog:
        dialog = HolidayDialog(self)
        dialog.submitted.connect(lambda v: self._submit(
            lambda client: client.put_holiday(v["day"], type_=v["type"], name=v["name"]),
            self.tr("已保存 %1；办理时限按新的日历计算。").replace("%1", v["day"].isoformat())))
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete_holiday(self) -> None:
        holiday = self.selected()
        if holiday is None:
            return
        day = holiday.day
        self.confirm(self.tr("删除 %1 的安排？").replace("%1", day.isoformat()),
                     lambda: self.call(lambda client: client.delete_holiday(day),
                                       self._apply(self.tr("已删除 %1 的安排。").replace("%1", day.isoformat()))))
