"""The supervisor's live view window against the real center (issue 15, item 7): an agent's
seat reports its state by syncing, the supervisor's desk shows it with today's calls; an agent
is not offered the window and the center refuses it."""

from collections.abc import Callable
from typing import Any

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_desktop_sync import Workstation, center, open_desk  # noqa: F401 (fixtures)

from app.sync.center_calls import live_seats
from app.sync.errors import ApiError
from app.telephony.agent import AgentState
from app.telephony.calls import record_step
from app.telephony.model import CallState
from app.tickets.service import utc_now


def test_the_supervisor_sees_each_seat_its_state_and_its_calls(
        open_desk: Callable[..., Workstation], qtbot: QtBot, qtmodeltester: ModelTester) -> None:  # noqa: F811
    agent = open_desk("agent1")
    assert not agent.window.live_action.isVisible()
    calls = agent.window.desk.calls
    calls.set_agent_state(AgentState.AVAILABLE)
    seat_id = agent.seat.settings.seat_id
    now = utc_now()
    with agent.seat.store.session() as session, session.begin():  # one call answered, one lost
        for call_id, last in (("a", CallState.ENDED), ("b", CallState.ABANDONED)):
            steps = [CallState.RINGING, CallState.ANSWERED, last] if last is CallState.ENDED else [CallState.RINGING, last]
            for state in steps:
                record_step(session, call_id=call_id, state=state, at=now, caller="13912345678", line="12345",
                            seat=seat_id)
    calls.set_agent_state(AgentState.AFTER_CALL)
    agent.sync_now(qtbot)
    api: Any = agent.sync._api
    try:
        live_seats(api)
        raise AssertionError("an agent read the live view")
    except ApiError as refused:
        assert refused.status == 403

    boss = open_desk("boss")
    assert boss.window.live_action.isVisible()
    boss.window.live_action.trigger()
    view = boss.window.live_view
    assert view is not None
    qtbot.waitUntil(lambda: view.model.rowCount() >= 1, timeout=20000)
    qtmodeltester.check(view.model)
    rows = {view.model.index(r, 0).data(): [view.model.index(r, c).data() for c in range(7)]
            for r in range(view.model.rowCount())}
    _seat, name, state, _since, duration, offered, answered = rows[seat_id]
    assert (name, state, offered, answered) == ("agent1", "话后整理", "2", "1")
    assert duration.count(":") == 1
    assert "话后整理 1" in view.summary.text()
    view.resize(900, 300)
    view.grab().save("/tmp/calls-live-view.png")
