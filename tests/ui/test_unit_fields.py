"""Unit names in the windows (issue 13.5): the admin's account dialog refuses a name the directory
does not have and completes from any part of one (城市管理 finds 市城市管理局); 协办单位 completes each name of its list."""

from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.domain.lifecycle import Action
from app.domain.roles import Role
from app.domain.ticket import TicketInput
from app.seat import Seat
from app.sync.identity import Identity, remember_identity
from app.tickets.service import create_ticket
from ui.admin.dialogs import UserDialog
from ui.ticket_detail import TicketDetail

UNITS = ["市城市管理局", "永城市城市管理局", "梁园区人民政府", "市人力资源和社会保障局"]


def test_the_account_dialog_refuses_an_unknown_unit_and_names_the_closest(qtbot: QtBot) -> None:
    dialog = UserDialog(UNITS)
    qtbot.addWidget(dialog)
    dialog.username.setText("cg01")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.UNIT.value))
    dialog.password.setText("long-enough-1")
    dialog.repeat.setText("long-enough-1")
    dialog.unit.setEditText("市城管局")
    with qtbot.assertNotEmitted(dialog.submitted):
        dialog.save_button.click()
    assert "市城管局" in dialog.error.text() and "市城市管理局" in dialog.error.text()
    completer = dialog.unit.completer()
    assert completer is not None
    completer.setCompletionPrefix("城市管理")  # any part of a name finds it
    found = [completer.completionModel().index(r, 0).data() for r in range(completer.completionCount())]
    assert "市城市管理局" in found
    dialog.unit.setEditText("市城市管理局")
    with qtbot.waitSignal(dialog.submitted):
        dialog.save_button.click()


def test_co_units_complete_the_name_being_typed_and_keep_the_others(seat: Seat, qtbot: QtBot) -> None:
    with seat.store.session() as session, session.begin():
        ticket_id = create_ticket(session, data=TicketInput.from_dict({
            "request_type": "投诉", "caller_phone": "13812345678", "category1": "城市管理",
            "district": "梁园区", "address": "凯旋路88号", "title": "占道经营",
            "description": "凯旋路早市占道经营"}), context=seat.context).id
    remember_identity(seat, Identity("wangfang", "王芳", Role.DISPATCHER))
    detail = TicketDetail(Desk(seat), ticket_id)
    qtbot.addWidget(detail)
    dialog = detail.open_action(Action.DISPATCH)
    edit = dialog.co_units
    completer = edit.completer()
    assert completer is not None
    edit.setText("梁园区人民政府、人力资源")
    completer.setCompletionPrefix(completer.splitPath(edit.text())[0])
    model = completer.completionModel()
    found = {model.index(r, 0).data(): model.index(r, 0) for r in range(completer.completionCount())}
    assert "市人力资源和社会保障局" in found and "梁园区人民政府" not in found
    assert completer.pathFromIndex(found["市人力资源和社会保障局"]) == "梁园区人民政府、市人力资源和社会保障局"
