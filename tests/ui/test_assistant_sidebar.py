"""The assistant sidebar as a new agent meets it: type, see suggestions, accept with the keyboard."""

import threading
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from app.assistant.store_source import SidebarEngine, SidebarResult
from app.desk import Desk
from app.domain.handoff import HandoffWay
from app.domain.ticket import TicketInput
from app.seat import Seat
from app.store.models import Ticket, TicketLink
from app.tickets.service import create_ticket, utc_now
from tests.ui.typing import type_text
from ui.assistant_sidebar import TicketIdRole, TicketItem, TicketListModel
from ui.main_window import MainWindow
from ui.ticket_detail import TicketDetail

PHONE = "13900001111"
LAMP = "幸福小区3号楼门口的路灯已经坏了一个星期，晚上出行很不方便，希望尽快修好"


def add_ticket(seat: Seat, *, title: str, description: str = LAMP, phone: str = PHONE,
               status: str = "受理", days_ago: float = 1) -> int:
    data = TicketInput(request_type="投诉", caller_phone=phone, category1="城市管理",
                       district="梁园区", address="幸福小区", title=title, description=description)
    with seat.store.session() as session, session.begin():
        ticket = create_ticket(session, data=data, context=seat.context,
                               created_at=utc_now() - timedelta(days=days_ago))
        session.flush()
        session.execute(update(Ticket).where(Ticket.id == ticket.id).values(status=status))
        return ticket.id


@pytest.fixture
def make_window(seat: Seat, qtbot: QtBot) -> Iterator[Callable[[], MainWindow]]:
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(Desk(seat))
        qtbot.addWidget(window)
        window.show()
        engine = window.engine
        qtbot.waitUntil(lambda: engine.assistant.model is not None and engine.history_ready,
                        timeout=10000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.form.wait_for_writes()
        window.sidebar.wait_for_tasks()


def shown(window: MainWindow, qtbot: QtBot, check: Callable[[SidebarResult], bool]) -> SidebarResult:
    """Wait until the sidebar displays a result that passes ``check``."""
    qtbot.waitUntil(lambda: window.sidebar.result is not None and check(window.sidebar.result),
                    timeout=10000)
    result = window.sidebar.result
    assert result is not None
    return result


def test_a_fire_gets_the_119_banner_and_a_leaking_hydrant_does_not(make_window: Callable[[], MainWindow],
                                                                  qtbot: QtBot) -> None:
    window = make_window()
    type_text(window.form.description, "我家厨房着火了，火很大，快来人")
    shown(window, qtbot, lambda r: r.suggestions.triage.emergency == "119")
    assert window.sidebar.emergency.isVisible()
    assert "119" in window.sidebar.emergency_title.text()
    assert "转接119" in window.sidebar.emergency_script.text()
    question = window.start_new_ticket()  # something typed: it asks first
    assert question is not None
    question.button(QMessageBox.StandardButton.Yes).click()
    type_text(window.form.description, "小区消防栓漏水好几天了")
    shown(window, qtbot, lambda r: bool(r.suggestions.categories)
          and r.suggestions.triage.emergency is None)
    assert not window.sidebar.emergency.isVisible()


def test_a_wage_complaint_offers_the_12333_line(make_window: Callable[[], MainWindow],
                                                qtbot: QtBot) -> None:
    window = make_window()
    type_text(window.form.description, "公司拖欠我三个月工资不发")
    shown(window, qtbot, lambda r: r.suggestions.triage.hotline == "12333")
    assert window.sidebar.hotline.isVisible()
    assert "12333" in window.sidebar.hotline_title.text()
    # No call adapter: the hint's button records the agent's own hand-off (issue 15, item 5).
    assert window.sidebar.hotline_button.text() == "确认已转接 12333 (Alt+Z)"
    qtbot.keyClick(window.form.description, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)
    assert [(h.service, h.way) for h in window.form.handoffs] == [("12333", HandoffWay.MANUAL)]
    assert "已转12333" in window.sidebar.hotline_done.text() and window.sidebar.hotline_done.isVisible()
    QApplication.processEvents()  # the layout takes the shown line before the screenshot
    window.sidebar.grab().save("/tmp/calls-hotline-hint.png")


def test_typing_a_number_shows_its_earlier_tickets_open_first(seat: Seat, qtbot: QtBot,
                                                              make_window: Callable[[], MainWindow]) -> None:
    done = add_ticket(seat, title="路灯修好了", status="办结", days_ago=10)
    working = add_ticket(seat, title="井盖缺失", status="办理", days_ago=20)
    add_ticket(seat, title="别人的", phone="13800002222")
    window = make_window()
    type_text(window.form.caller_phone, "139 0000 1111")
    shown(window, qtbot, lambda r: len(r.caller_history) == 2)
    model = window.sidebar.caller_model
    assert [model.index(i, 0).data(TicketIdRole) for i in range(2)] == [working, done]
    summary = window.sidebar.caller_summary.text()
    assert "139****1111" in summary and PHONE not in summary
    with qtbot.waitSignal(window.sidebar.open_ticket_requested) as opened:
        window.sidebar.caller_list.activated.emit(model.index(0, 0))
    assert opened.args == [working]


def test_alt_1_and_alt_u_accept_the_suggestions(make_window: Callable[[], MainWindow],
                                                qtbot: QtBot) -> None:
    window = make_window()
    type_text(window.form.title, "小区路灯不亮")
    type_text(window.form.description, LAMP)
    result = shown(window, qtbot, lambda r: bool(r.suggestions.categories and r.suggestions.units))
    top = result.suggestions.categories[0].label
    assert window.sidebar.category_buttons[0].text().startswith("Alt+1")
    qtbot.keyClick(window.form.description, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.form.values().category1 == top
    assert window.form.description.hasFocus()  # typing goes on where it was
    unit = window.sidebar.result.suggestions.units[0].unit  # type: ignore[union-attr]
    qtbot.keyClick(window.form.description, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert window.form.values().handling_unit == unit


def test_suggestions_are_computed_off_the_gui_thread(make_window: Callable[[], MainWindow],
                                                     qtbot: QtBot,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    threads: list[int] = []
    original = SidebarEngine.compute

    def recording(self: SidebarEngine, draft: object) -> SidebarResult:
        threads.append(threading.get_ident())
        return original(self, draft)  # type: ignore[arg-type]

    monkeypatch.setattr(SidebarEngine, "compute", recording)
    type_text(window.form.description, "我家厨房着火了，火很大，快来人")
    shown(window, qtbot, lambda r: r.suggestions.triage.emergency == "119")
    assert threads and threading.main_thread().ident not in threads


def test_results_for_older_text_are_dropped(make_window: Callable[[], MainWindow],
                                            qtbot: QtBot) -> None:
    window = make_window()
    window.form.assist_changed.disconnect(window.sidebar.set_draft)  # only these two drafts
    window.sidebar.wait_for_tasks()
    qtbot.waitUntil(lambda: not window.sidebar.computing)
    results: list[SidebarResult] = []
    window.sidebar.result_shown.connect(results.append)
    window.sidebar.set_draft(TicketInput(description="小区消防栓漏水好几天了"))
    window.sidebar.set_draft(TicketInput(description="我家厨房着火了，火很大，快来人"))
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    window.sidebar.wait_for_tasks()
    QApplication.processEvents()  # deliver any queued result
    # Only the newest text's results show (the model finishing its load recomputes the newest
    # draft, so they may show twice, but never the older text's).
    assert results and {r.suggestions.triage.emergency for r in results} == {"119"}


def test_a_duplicate_can_be_linked_and_the_link_is_saved(seat: Seat, qtbot: QtBot,
                                                         make_window: Callable[[], MainWindow]) -> None:
    earlier = add_ticket(seat, title="路灯坏了", phone="13800003333", days_ago=2)
    window = make_window()
    form = window.form
    form.set_field("request_type", "投诉")
    type_text(form.caller_phone, "13800004444")
    form.set_field("category1", "城市管理")
    form.set_field("district", "梁园区")
    form.set_field("street", "平原街道")
    type_text(form.address, "幸福小区3号楼")
    type_text(form.title, "路灯坏了")
    type_text(form.description, LAMP)
    shown(window, qtbot, lambda r: any(int(t.id) == earlier for _, t in r.similar))
    assert window.sidebar.similar_list.isVisible()
    qtbot.keyClick(form.description, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert list(form.links) == [earlier]
    with qtbot.waitSignal(form.ticket_saved, timeout=5000):
        form.save()
        assert "未保存" not in form.status_line.text(), form.status_line.text()
    form.wait_for_writes()
    with seat.store.session() as session:
        assert len(session.scalars(select(TicketLink)).all()) == 1


def test_ctrl_s_refuses_a_confidential_ticket_that_names_the_number(
        seat: Seat, qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    form = window.form
    form.set_field("request_type", "举报")
    type_text(form.caller_phone, PHONE)
    form.set_field("category1", "政法")
    form.set_field("district", "梁园区")
    type_text(form.address, "某单位")
    type_text(form.title, "举报某单位违规收费")
    type_text(form.description, f"来电人{PHONE}举报某单位违规收费，多收每人两百元")
    assert form.confidential.isChecked()
    qtbot.keyClick(form.description, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "电话号码" in form.status_line.text()
    assert "电话号码" in form.error_text("description")
    form.wait_for_writes()
    with seat.store.session() as session:
        assert session.scalars(select(Ticket)).first() is None
    form.set_field("description", "来电人举报某单位违规收费，多收每人两百元")
    with qtbot.waitSignal(form.ticket_saved, timeout=5000):
        qtbot.keyClick(form.description, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_a_praise_without_category_needs_a_second_ctrl_s(seat: Seat, qtbot: QtBot,
                                                        make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    form = window.form
    form.set_field("request_type", "表扬")
    type_text(form.caller_phone, PHONE)
    type_text(form.title, "表扬环卫工人")
    type_text(form.description, "感谢幸福路的环卫工人每天早上把路面打扫得很干净")
    qtbot.keyClick(form.description, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "再按一次" in form.status_line.text()
    with qtbot.waitSignal(form.ticket_saved, timeout=5000):
        qtbot.keyClick(form.description, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_completed_ticket_detail_shows_the_callback_script(seat: Seat, qtbot: QtBot,
                                                           make_window: Callable[[], MainWindow]) -> None:
    done = add_ticket(seat, title="路灯修好了", status="办结")
    window = make_window()
    detail = window.open_ticket(done)
    qtbot.addWidget(detail)
    assert detail.callback_box is not None
    text = detail.callback_text.text()
    assert text.index("问候") < text.index("满意度") and "记入“满意度”栏" in text
    other = window.open_ticket(add_ticket(seat, title="还在办", status="办理"))
    qtbot.addWidget(other)
    assert other.callback_box is None


def test_ticket_list_model(qtmodeltester: ModelTester) -> None:
    model = TicketListModel()
    model.set_items([TicketItem("● 10-01 办理 · 井盖缺失", "tip", 7, emphasis=True),
                     TicketItem("○ 09-01 办结 · 路灯", "tip", 3)])
    qtmodeltester.check(model)
    assert model.index(0, 0).data(TicketIdRole) == 7
    model.set_items([])
    qtmodeltester.check(model)


def test_an_emergency_sets_特急_files_its_category_and_records_the_handoff(
        seat: Seat, qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    """Issue 14 item 5: for 楼道里着火了，有人被困 紧急程度 stayed 一般, the categories offered
    were 城乡建设 and the unit 市住房和城乡建设局; the hand-off was not recorded."""
    window = make_window()
    form, sidebar = window.form, window.sidebar
    form.set_field("request_type", "求助")
    type_text(form.caller_phone, "13800005555")
    form.set_field("district", "梁园区")
    form.set_field("street", "平原街道")
    type_text(form.address, "幸福小区3号楼")
    type_text(form.title, "楼道着火")
    type_text(form.description, "楼道里着火了，有人被困")
    shown(window, qtbot, lambda r: r.suggestions.triage.emergency == "119")
    qtbot.waitUntil(lambda: form.values().urgency == "特急")
    assert "政法 › 社会治安 › 消防安全" in sidebar.category_buttons[0].text()
    qtbot.keyClick(form.description, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(form.description, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    values = form.values()
    assert (values.category1, values.category2, values.category3) == ("政法", "社会治安", "消防安全")
    assert values.handling_unit == "市消防救援支队"
    # The agent may lower it: typing on does not raise it again.
    form.set_field("urgency", "紧急")
    with qtbot.waitSignal(sidebar.result_shown, timeout=10000):
        type_text(form.description, "，在三楼")
    qtbot.waitUntil(lambda: not sidebar.computing, timeout=10000)
    assert form.values().urgency == "紧急"
    assert sidebar.handoff_button.isVisible() and "119" in sidebar.handoff_button.text()
    qtbot.keyClick(form.description, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)
    assert [h.service for h in form.handoffs] == ["119"]
    assert "已转119" in sidebar.handoff_done.text()
    with qtbot.waitSignal(form.ticket_saved, timeout=5000) as saved:
        form.save()
        form.save()  # a second Ctrl+S confirms past any quality warning
    form.wait_for_writes()
    ticket_id = saved.args[0]
    lines = [e for e in window.desk.ticket(ticket_id).timeline if e.kind == "handoff"]
    assert [e.detail["text"] for e in lines] == ["已转119"]
    detail = TicketDetail(window.desk, ticket_id)
    qtbot.addWidget(detail)
    rows = [[detail.timeline_model.item(r, c).text() for c in range(4)]
            for r in range(detail.timeline_model.rowCount())]
    assert any(row[2] == "转接" and row[3].startswith("已转119（") for row in rows), rows
    sidebar.grab().save("/tmp/triage_sidebar_fire.png")
    detail.grab().save("/tmp/triage_detail_fire.png")
