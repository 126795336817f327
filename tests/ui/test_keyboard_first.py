"""Keyboard-first gaps (issue 13.7): focus at start, Enter in a picker's list moves on, a
checkbox shows its focus, an error text does not break the rows' alignment (Ctrl+N asking:
tests/ui/test_main_window.py)."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.seat import Seat
from tests.ui.typing import type_text
from ui.main_window import MainWindow


@pytest.fixture
def window(seat: Seat, qtbot: QtBot) -> Iterator[MainWindow]:
    main = MainWindow(Desk(seat))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.form.wait_for_writes()


def test_typing_starts_in_the_form_and_demo_data_comes_after_it(window: MainWindow, qtbot: QtBot) -> None:
    form = window.form
    qtbot.waitUntil(form.channel.hasFocus)
    qtbot.keyClick(form.channel, Qt.Key.Key_Tab)
    assert form.request_type.hasFocus()  # not 生成演示数据
    assert window.welcome.isVisible()
    form.save_button.setFocus()
    qtbot.keyClick(form.save_button, Qt.Key.Key_Tab)
    assert window.demo_button.hasFocus()


def test_enter_on_a_pickers_list_chooses_and_moves_on(window: MainWindow, qtbot: QtBot) -> None:
    form = window.form
    line = form.category1.lineEdit()
    assert line is not None
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    type_text(line, "城市")
    popup = form.category1.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)  # the list has the keyboard while it is open
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.category1.currentText() == "城市管理"
    category2 = form.category2.lineEdit()
    assert category2 is not None
    qtbot.waitUntil(category2.hasFocus)


def test_a_checkbox_shows_that_it_has_the_focus(window: MainWindow, qtbot: QtBot) -> None:
    box = window.form.anonymous
    window.form.caller_name.setFocus()
    qtbot.waitUntil(window.form.caller_name.hasFocus)
    unfocused = box.grab().toImage()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    assert box.grab().toImage() != unfocused


def test_an_error_text_keeps_the_row_aligned(window: MainWindow, qtbot: QtBot) -> None:
    form = window.form

    def offsets() -> tuple[int, int]:
        QApplication.processEvents()
        return form.caller_name.y(), form.caller_phone.y()

    before = offsets()
    type_text(form.caller_phone, "12")
    form.caller_phone.editingFinished.emit()
    assert form.error_text("caller_phone")
    qtbot.waitUntil(lambda: form._errors["caller_phone"].isVisible())
    assert offsets() == before  # both fields stay where they were, level with their captions
