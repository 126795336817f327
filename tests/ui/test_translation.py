"""The English translation: complete, compiled, and actually what the window shows with --lang en."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.seat import Seat
from app.tickets.demo import insert_demo_tickets
from ui.application import TRANSLATIONS_DIR, install_translations
from ui.main_window import MainWindow
from ui.queue_model import QueueModel, TicketIdRole

TS = TRANSLATIONS_DIR / "hotline_desk_en.ts"
QM = TRANSLATIONS_DIR / "hotline_desk_en.qm"
UI_DIR = Path(__file__).resolve().parents[2] / "ui"

# CJK ideographs plus the full-width punctuation that comes with them (：（）“”、。).
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
# What a translation must carry over unchanged: placeholders (Qt's and app.messages' {name}),
# HTML tags, shortcut markers.
MARKERS = re.compile(r"%(?:n|s|\d)|\{\w+\}|<[^>]+>|&[A-Za-z]")
REPO = UI_DIR.parent
# As the Makefile's LUPDATE_ARGS: ui/ and the core's messages and marked words in app/.
LUPDATE_ARGS = ["-extensions", "py", "-no-obsolete",
                "-tr-function-alias", "QT_TRANSLATE_NOOP+=Text,QT_TRANSLATE_NOOP+=term", "ui", "app"]


def _tool(name: str) -> str:
    beside_python = Path(sys.executable).parent / name
    found = str(beside_python) if beside_python.exists() else shutil.which(name)
    assert found, f"{name} not found (it comes with PySide6: run `make venv`)"
    return found


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(context.findtext("name") or "", message)
            for context in root.iter("context") for message in context.iter("message")]


def _unfinished(ts: Path) -> list[str]:
    """Messages without a usable translation, as 'context: source'."""
    problems = []
    for context, message in _messages(ts):
        translation = message.find("translation")
        assert translation is not None
        if message.get("numerus") == "yes":
            texts = [form.text or "" for form in translation.iter("numerusform")]
        else:
            texts = [translation.text or ""]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
                text.strip() for text in texts):
            problems.append(f"{context}: {message.findtext('source')}")
    return problems


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The English translation installed as `--lang en` does, and removed afterwards."""
    assert isinstance(qapp, QApplication)
    before = qapp.findChildren(QTranslator)
    default_locale = QLocale()
    install_translations(qapp, "en")
    added = [t for t in qapp.findChildren(QTranslator) if t not in before]
    assert any(t.filePath().endswith(QM.name) for t in added), f"{QM} did not load"
    yield
    for translator in added:
        qapp.removeTranslator(translator)
        translator.setParent(None)
    QLocale.setDefault(default_locale)


def _assert_english(texts: dict[str, str]) -> None:
    chinese = {where: text for where, text in texts.items() if CJK.search(text)}
    assert not chinese, f"untranslated text: {chinese}"
    assert all(texts.values()), {where: text for where, text in texts.items() if not text}


def test_main_window_is_english(english: None, seat: Seat, qtbot: QtBot) -> None:
    window = MainWindow(Desk(seat))
    qtbot.addWidget(window)
    window.show()
    texts: dict[str, str] = {"window title": window.windowTitle()}
    texts |= {f"tab {i}": window.tabs.tabText(i) for i in range(window.tabs.count())}
    for menu_action in window.menuBar().actions():
        texts[f"menu {menu_action.text()}"] = menu_action.text()
        menu = menu_action.menu()
        texts |= {f"menu item {a.text()}": a.text() for a in menu.actions() if not a.isSeparator()}
    # An empty seat shows no stored data, so every label, button and hint is the UI's own text.
    for label in window.findChildren(QLabel):
        if label.text():
            texts[f"label {label.text()[:30]}"] = label.text()
    for button in window.findChildren(QAbstractButton):
        if button.text():
            texts[f"button {button.text()}"] = button.text()
    for edit in [*window.findChildren(QLineEdit), *window.findChildren(QPlainTextEdit)]:
        if edit.placeholderText():
            texts[f"placeholder {edit.placeholderText()[:30]}"] = edit.placeholderText()
    model = window.queue.model
    texts |= {f"column {c}": model.headerData(c, Qt.Orientation.Horizontal)
              for c in range(model.columnCount())}
    # Pickers of closed vocabularies (channel, type, urgency, status) show English names;
    # the reference pickers (categories, districts, units) hold data and keep only their "All …".
    form, queue = window.form, window.queue
    for combo in (form.channel, form.request_type, form.urgency,
                  queue.status, queue.channel, queue.request_type, queue.urgency,
                  queue.due, queue.period):
        texts |= {f"{combo.objectName() or id(combo)} item {i}": combo.itemText(i)
                  for i in range(combo.count()) if combo.itemText(i) or i}
    for combo in (queue.category, queue.district):
        texts[f"filter {combo.itemText(0)}"] = combo.itemText(0)
    _assert_english(texts)

    assert [window.tabs.tabText(i) for i in range(2)] == ["Ticket intake", "Ticket queue"]
    assert form.channel.currentText() == "Phone"
    assert window.count_label.text() == "0 tickets"
    window.form.save()  # empty form: the status line counts the fields to fix, in English
    assert re.fullmatch(r"\d+ fields need fixing; see the notes in red\.", form.status_line.text())
    # The notes under the fields are the core's validation messages (app.messages), in English too.
    assert form.error_text("title").startswith("Enter a subject")
    assert form.error_text("description").startswith("Write the request details")
    window.form.wait_for_writes()


def test_ticket_detail_labels_are_english(english: None, seat: Seat, qtbot: QtBot) -> None:
    insert_demo_tickets(seat.store, seat.context, 5)
    window = MainWindow(Desk(seat))
    qtbot.addWidget(window)
    detail = window.open_ticket(int(window.queue.model.index(0, 0).data(TicketIdRole)))
    qtbot.addWidget(detail)
    form = detail.findChild(QFormLayout)
    assert form is not None
    labels: dict[str, str] = {}
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if item is not None and isinstance(item.widget(), QLabel):
            labels[f"row {row}"] = item.widget().text()
    model = detail.timeline_model
    labels |= {f"timeline column {c}": model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(model.columnCount())}
    labels["title"] = detail.windowTitle()
    _assert_english(labels)
    assert "Request details" in labels.values()


def test_queue_cells_show_vocabulary_in_english(english: None, seat: Seat, qtbot: QtBot) -> None:
    insert_demo_tickets(seat.store, seat.context, 5)
    window = MainWindow(Desk(seat))
    qtbot.addWidget(window)
    model = window.queue.model
    for column in (QueueModel.COL_CHANNEL, QueueModel.COL_TYPE, QueueModel.COL_URGENCY,
                   QueueModel.COL_STATUS):
        assert not CJK.search(model.index(0, column).data())


def test_every_message_is_translated() -> None:
    messages = _messages(TS)
    assert len(messages) > 100
    assert _unfinished(TS) == []
    for context, message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if message.get("numerus") == "yes":
            forms = [form.text or "" for form in translation.iter("numerusform")]
            assert len(forms) == 2, f"{context}: {source} needs a singular and a plural form"
        else:
            forms = [translation.text or ""]
        for text in forms:
            assert sorted(MARKERS.findall(text)) == sorted(MARKERS.findall(source)), (
                f"{context}: {source!r} → {text!r} changes placeholders, tags or shortcuts")
            assert not CJK.search(text), f"{context}: {source!r} → {text!r}"


def test_every_ui_string_is_in_the_ts(tmp_path: Path) -> None:
    """A string added to ui/ (or a message or marked word to app/) without `make translations`
    and a translation fails here."""
    assert "LUPDATE_ARGS := " + " ".join(LUPDATE_ARGS) in (REPO / "Makefile").read_text(encoding="utf-8")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run([_tool("pyside6-lupdate"), "-silent", *LUPDATE_ARGS, "-ts", str(copy)],
                   check=True, capture_output=True, cwd=REPO)
    missing = _unfinished(copy)
    assert not missing, ("new or changed UI strings: run `make translations`, translate them in "
                         f"{TS.name}, run `make translations` again and commit .ts and .qm: {missing}")
    assert len(_messages(copy)) == len(_messages(TS)), "strings left the code: run `make translations`"


def test_qm_is_compiled_from_the_current_ts(tmp_path: Path) -> None:
    fresh = tmp_path / QM.name
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh)],
                   check=True, capture_output=True)
    assert QM.exists(), f"{QM.name} is missing: run `make translations`"
    assert QM.read_bytes() == fresh.read_bytes(), f"{QM.name} is stale: run `make translations`"
