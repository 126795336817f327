"""The reports' 来电统计 tab (issue 15, item 7): the period's calls in total, by seat and by line,
from the calls recorded in a real store; the brief's 接通率 sentence beside it."""

from datetime import date, timedelta
from pathlib import Path

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.reports.period import Period
from app.seat import Seat
from app.telephony.agent import AgentState, set_state
from tests.core.reports.test_call_report import T0, fill
from ui.reports.dashboard import ReportsDashboard
from ui.reports.models import CallsModel

SHOTS = Path("/tmp")


def test_the_calls_tab_shows_the_days_figures_by_seat_and_line(seat: Seat, qtbot: QtBot,
                                                               qtmodeltester: ModelTester) -> None:
    fill(seat)  # four calls on 5 December: S01 answers two (5 s, 20 s) and loses one, S02 hands one to 12333
    for minute, state in ((2, AgentState.AFTER_CALL), (3, AgentState.AVAILABLE)):
        with seat.store.session() as session, session.begin():
            set_state(session, seat="S01", agent="李娜", state=state, at=T0 + timedelta(minutes=minute))
    widget = ReportsDashboard(Desk(seat), today=date(2026, 12, 6))
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.set_period(Period.day(date(2026, 12, 5)))
    qtbot.waitUntil(lambda: widget.dashboard is not None and widget.dashboard.period.start == date(2026, 12, 5),
                    timeout=20000)
    model = widget.calls_model
    qtmodeltester.check(model)
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert rows == [
        ["合计", "4", "3", "75.00%", "50.00%", "1", "16.2", "70.0", "20.0"],
        ["座席 S01", "3", "2", "66.67%", "33.33%", "1", "18.3", "90.0", "30.0"],
        ["座席 S02", "1", "1", "100.00%", "100.00%", "0", "10.0", "30.0", "0.0"],
        ["线路 12333", "1", "1", "100.00%", "100.00%", "0", "10.0", "30.0", "—"],
        ["线路 12345", "3", "2", "66.67%", "33.33%", "1", "18.3", "90.0", "—"],
    ]
    assert "接通率 75.00%" in widget.calls_label.text()
    assert "接通率75.00%" in widget.brief_text()  # the brief's sentence, as the center's briefs say it
    widget.tabs.setCurrentIndex(widget.tabs.indexOf(widget.calls_view.parentWidget()))
    widget.show()
    view = widget.calls_view
    qtbot.waitUntil(view.isVisible)
    # No clipped column: each header fits its section at 1280 px.
    header = view.horizontalHeader()
    for column in range(model.columnCount()):
        text = str(model.headerData(column, header.orientation()))
        assert header.fontMetrics().horizontalAdvance(text) <= header.sectionSize(column), text
    widget.grab().save(str(SHOTS / "calls-report-tab.png"))


def test_a_period_without_calls_says_so() -> None:
    model = CallsModel()
    model.set_report(None)
    assert model.rowCount() == 0
