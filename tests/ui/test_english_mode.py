"""English mode is wholly English (issue 13 item 10): no CJK character in any visible widget text
of the main window, the ticket window, the reports dashboard and the assistant sidebar, once the
seat's data itself holds none (categories, districts and units are the city's Chinese data)."""

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QStandardPaths,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.domain.ticket import TicketInput
from app.reference import ReferenceData
from app.seat import Seat
from ui.application import install_translations
from ui.main_window import MainWindow
from ui.ticket_form import FIELD_MIN_WIDTH

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    before = qapp.findChildren(QTranslator)
    default_locale = QLocale()
    install_translations(qapp, "en")
    added = [t for t in qapp.findChildren(QTranslator) if t not in before]
    yield
    for translator in added:
        qapp.removeTranslator(translator)
        translator.setParent(None)
    QLocale.setDefault(default_locale)


def visible_texts(root: QWidget, *, data_views: tuple[QAbstractItemView, ...] = ()) -> dict[str, str]:
    """What the user reads in ``root``: every visible widget's own text, view headers, and the
    cells of views that hold no stored data (``data_views`` show only their headers)."""
    texts = {"window title": root.windowTitle()}
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        name = f"{type(widget).__name__} {widget.objectName()}".strip()
        if isinstance(widget, QLabel):
            texts[f"{name} {widget.text()[:40]}"] = widget.text()
        elif isinstance(widget, QAbstractButton):
            texts[f"{name} {widget.text()}"] = widget.text()
        elif isinstance(widget, QGroupBox):
            texts[f"{name} {widget.title()}"] = widget.title()
        elif isinstance(widget, QTabBar):
            texts |= {f"tab {widget.tabText(i)}": widget.tabText(i) for i in range(widget.count())}
        elif isinstance(widget, QComboBox):
            texts[f"{name} current"] = widget.currentText()
        elif isinstance(widget, QLineEdit):
            texts[f"{name} placeholder {widget.placeholderText()[:30]}"] = widget.placeholderText()
            texts[f"{name} text"] = widget.text()
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            texts[f"{name} placeholder"] = widget.placeholderText()
            texts[f"{name} text"] = widget.toPlainText()
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) \
                and widget.model() is not None:
            model = widget.model()
            columns = 1 if isinstance(model, QAbstractListModel) else _count(model.columnCount)
            for column in range(columns):
                texts[f"{name} header {column}"] = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            if widget not in data_views:
                for row in range(min(_count(model.rowCount), 50)):
                    for column in range(columns):
                        value = model.index(row, column).data()
                        texts[f"{name} cell {row},{column}"] = "" if value is None else str(value)
        tip = widget.toolTip()
        if tip:
            texts[f"{name} tooltip"] = tip
    return texts


def _count(method: Callable[..., int]) -> int:
    """Rows or columns of a model whose method takes the parent or not (list models)."""
    try:
        return method()
    except TypeError:
        return method(QModelIndex())


def data_names(reference: ReferenceData) -> list[str]:
    """The city's names a window shows as data (never translated): categories, places, units."""
    tree = reference.categories.children
    names = {*tree, *(c2 for level2 in tree.values() for c2 in level2),
             *(c3 for level2 in tree.values() for level3 in level2.values() for c3 in level3),
             *reference.districts, *(s for streets in reference.districts.values() for s in streets),
             *reference.unit_names()}
    return sorted((n for n in names if n), key=len, reverse=True)


def chinese(texts: dict[str, str], data: list[str]) -> dict[str, str]:
    """The texts that still hold a CJK character once the city's names are taken out."""
    found = {}
    for where, text in texts.items():
        rest = text
        for name in data:
            rest = rest.replace(name, "")
        if CJK.search(rest):
            found[where] = text
    return found


def add_ticket(desk: Desk, title: str) -> int:
    saved = desk.save_ticket(TicketInput(request_type="表扬", caller_phone="13800001234", title=title,
                                         description="The bus driver on route 7 helped an old man."),
                             form_key="test")
    return saved.id


def test_english_mode_shows_no_chinese(english: None, seat: Seat, qtbot: QtBot) -> None:
    desk = Desk(seat)
    data = data_names(desk.reference)
    # The agent's name is the seat's data (its default is Chinese): an English-speaking agent's.
    seat.context = replace(seat.context, actor=replace(seat.context.actor, agent="Li Na"))
    ticket_id = add_ticket(desk, "Thanks to the route 7 driver")
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    engine = window.engine
    qtbot.waitUntil(lambda: engine.assistant.model is not None and engine.history_ready, timeout=10000)
    window.form.caller_phone.setText("13800001234")
    window.form.description.setPlainText("There is a fire on the third floor, smoke everywhere")
    qtbot.waitUntil(lambda: window.sidebar.result is not None, timeout=10000)
    found = chinese(visible_texts(window, data_views=(window.queue.table,)), data)
    detail = window.open_ticket(ticket_id)
    qtbot.addWidget(detail)
    found |= {f"detail {k}": v for k, v in chinese(visible_texts(detail), data).items()}
    window.tabs.setCurrentIndex(2)
    reports = window.reports
    assert reports is not None
    qtbot.waitUntil(lambda: reports.dashboard is not None, timeout=20000)
    for index in range(reports.tabs.count()):
        reports.tabs.setCurrentIndex(index)
        texts = visible_texts(reports)
        # The brief is the hotline's published text, wholly Chinese (a note above it says so).
        texts.pop(f"QPlainTextEdit {reports.brief_edit.objectName()}".strip() + " text", "")
        found |= {f"reports {k}": v for k, v in chinese(texts, data).items()}
    assert reports.brief_text().startswith("12345热线")
    window.form.wait_for_writes()
    window.sidebar.wait_for_tasks()
    for k, v in sorted(found.items()):
        print(k, "=>", v[:200])
    assert not found


def test_the_english_capture_form_gives_every_short_field_room(english: None, seat: Seat, qtbot: QtBot) -> None:
    """English captions are wider: Phone, Category 2 and Town were squeezed to a few characters."""
    window = MainWindow(Desk(seat))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    form = window.form
    fields = {name: getattr(form, name) for name in (
        "channel", "request_type", "urgency", "caller_name", "caller_phone", "category1",
        "category2", "category3", "district", "street", "handling_unit")}
    narrow = {name: field.width() for name, field in fields.items() if field.width() < FIELD_MIN_WIDTH}
    assert not narrow
    window.form.wait_for_writes()
    window.sidebar.wait_for_tasks()


def test_chinese_mode_loads_qts_own_chinese(qapp: QApplication) -> None:
    """Qt's dialogs (the file dialog, message box buttons) in Chinese, not half English."""
    before = qapp.findChildren(QTranslator)
    install_translations(qapp, "zh_CN")
    added = [t for t in qapp.findChildren(QTranslator) if t not in before]
    try:
        assert any(t.filePath().endswith("qtbase_zh_CN.qm") for t in added)
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    finally:
        for translator in added:
            qapp.removeTranslator(translator)
            translator.setParent(None)


def test_file_dialogs_open_in_the_documents_folder(seat: Seat, qtbot: QtBot,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def dialog(parent: QWidget, caption: str, directory: str, filters: str) -> tuple[str, str]:
        asked.append(directory)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    window = MainWindow(Desk(seat))
    qtbot.addWidget(window)
    window._on_import()
    window._on_export()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert documents and len(asked) == 2
    assert all(Path(directory).is_relative_to(documents) for directory in asked), asked
    assert asked[1].endswith(".xlsx")
    window.form.wait_for_writes()
    window.sidebar.wait_for_tasks()
