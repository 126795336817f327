"""The capture form as an agent uses it: keyboard only, inline errors, drafts that survive."""

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from app.reference import Unit
from app.seat import Seat, open_seat
from app.store.models import Ticket
from app.tickets.drafts import pending_drafts
from tests.ui.typing import type_text
from ui.main_window import MainWindow
from ui.ticket_form import TicketForm


@pytest.fixture
def form(seat: Seat, qtbot: QtBot) -> Iterator[TicketForm]:
    widget = TicketForm(Desk(seat))
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.wait_for_writes()


def _choose(qtbot: QtBot, combo: object, text: str) -> None:
    """Pick from a combo box by typing into it, as an agent would."""
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    if combo.isEditable():
        combo.lineEdit().clear()
        type_text(combo.lineEdit(), text)
    else:
        combo.setCurrentIndex(combo.findText(text))


def _type_noise_complaint(qtbot: QtBot, form: TicketForm) -> None:
    _choose(qtbot, form.request_type, "投诉")
    type_text(form.caller_name, "王女士")
    type_text(form.caller_phone, "138 1234 5678")
    _choose(qtbot, form.category1, "城市管理")
    _choose(qtbot, form.district, "梁园区")
    _choose(qtbot, form.street, "平原街道")
    type_text(form.address, "株洲路财政局家属院")
    type_text(form.title, "餐饮店大喇叭扰民😠")
    type_text(form.description, "楼下两家小餐饮店用大喇叭播放录音揽客，影响午休。")


def test_ctrl_s_saves_and_shows_the_number_masked(form: TicketForm, qtbot: QtBot, seat: Seat) -> None:
    _type_noise_complaint(qtbot, form)
    with qtbot.waitSignal(form.ticket_saved, timeout=5000) as saved:
        qtbot.keyClick(form.description, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "138****5678" in form.status_line.text()
    assert "13812345678" not in form.status_line.text()
    assert form.title.text() == ""  # a fresh form for the next call
    with seat.store.session() as session:
        ticket = session.get(Ticket, saved.args[0])
        assert ticket is not None
        assert (ticket.title, ticket.caller_phone, ticket.street) == ("餐饮店大喇叭扰民😠", "13812345678", "平原街道")


def test_refused_save_says_what_to_fix_and_keeps_every_character(form: TicketForm, qtbot: QtBot,
                                                                 seat: Seat) -> None:
    _choose(qtbot, form.request_type, "投诉")
    type_text(form.caller_phone, "1381234")
    long_text = "噪" * 50_000
    form.description.setPlainText(long_text)
    form.save()
    assert "11位" in form.error_text("caller_phone")
    assert "最多5000字" in form.error_text("description")
    assert "区县" in form.error_text("district")
    assert form.description.toPlainText() == long_text
    assert form.caller_phone.text() == "1381234"
    with seat.store.session() as session:
        assert session.scalars(select(Ticket)).first() is None


def test_fixing_a_field_clears_its_message(form: TicketForm, qtbot: QtBot) -> None:
    type_text(form.caller_phone, "12")
    form.caller_phone.editingFinished.emit()
    assert form.error_text("caller_phone")
    form.caller_phone.clear()
    type_text(form.caller_phone, "0370-3221234")
    form.caller_phone.editingFinished.emit()
    assert not form.error_text("caller_phone")


def test_enter_moves_to_the_next_field(form: TicketForm, qtbot: QtBot) -> None:
    form.activateWindow()
    form.caller_name.setFocus()
    qtbot.waitUntil(form.caller_name.hasFocus)
    qtbot.keyClick(form.caller_name, Qt.Key.Key_Return)
    qtbot.waitUntil(form.caller_phone.hasFocus)


def test_pickers_cascade_and_filter_by_typing(form: TicketForm, qtbot: QtBot) -> None:
    _choose(qtbot, form.district, "梁园区")
    streets = [form.street.itemText(i) for i in range(form.street.count())]
    assert "平原街道" in streets and "新城街道" not in streets[1:2]
    _choose(qtbot, form.category1, "城市管理")
    assert form.category2.count() > 1
    completer = form.category2.completer()
    completer.setCompletionPrefix("噪音")
    assert completer.completionCount() >= 1  # matches anywhere in the name


def test_a_report_is_always_confidential_and_the_box_says_so(form: TicketForm, qtbot: QtBot) -> None:
    _choose(qtbot, form.request_type, "举报")
    assert form.confidential.isChecked() and not form.confidential.isEnabled()
    qtbot.mouseClick(form.confidential, Qt.MouseButton.LeftButton)
    assert form.confidential.isChecked()
    _choose(qtbot, form.request_type, "投诉")  # the agent's own choice again
    assert form.confidential.isEnabled()
    qtbot.mouseClick(form.confidential, Qt.MouseButton.LeftButton)
    assert not form.confidential.isChecked()
    # A draft of a 举报 saved unticked (before this rule showed) opens as it will be saved.
    form.set_values(replace(form.values(), request_type="举报", confidential=False))
    assert form.confidential.isChecked() and not form.confidential.isEnabled()


def test_draft_survives_a_killed_app_and_comes_back_whole(tmp_path: Path, qtbot: QtBot) -> None:
    data_dir = tmp_path / "seat"
    first = open_seat(data_dir)
    window = MainWindow(Desk(first))
    qtbot.addWidget(window)
    _type_noise_complaint(qtbot, window.form)
    typed = window.form.values()
    with qtbot.waitSignal(window.form.draft_stored, timeout=5000):
        pass
    # Killed: no close event, no flush; only what autosave already wrote remains.
    window.form.wait_for_writes()
    first.close()
    with (second := open_seat(data_dir)).store.session() as session:
        assert [d.values for d in pending_drafts(session)] == [typed]
    restarted = MainWindow(Desk(second))
    qtbot.addWidget(restarted)
    assert restarted.draft_banner.isVisibleTo(restarted)
    assert "餐饮店大喇叭扰民" in restarted.draft_banner.text.text()
    qtbot.mouseClick(restarted.draft_banner.restore_button, Qt.MouseButton.LeftButton)
    assert restarted.form.values() == typed
    with qtbot.waitSignal(restarted.form.ticket_saved, timeout=5000):
        restarted.form.save()
    restarted.form.wait_for_writes()
    with second.store.session() as session:
        assert pending_drafts(session) == []
    second.close()
    QApplication.processEvents()


def test_new_reference_from_the_center_refills_pickers_and_keeps_the_choice(
        form: TicketForm, seat: Seat) -> None:
    form.set_field("handling_unit", "市城市管理局")
    form.set_field("district", "梁园区")
    reference = seat.context.reference
    units = (*(u for u in reference.units if u.name != "市城市管理局"), Unit("市数据局", "市直", "", ()))
    form.set_reference(replace(reference, units=units))
    assert form.handling_unit.findText("市数据局") >= 0
    assert form.handling_unit.findText("市城市管理局") < 0
    assert form.handling_unit.currentText() == "市城市管理局"  # still what the agent chose
    assert form.district.currentText() == "梁园区"
