"""漏接回拨 from the real store: lost calls oldest first with how long the caller waited, worked
like a queue (reached: done; three unreached attempts: done; the caller got through later: done)."""

from datetime import datetime, timedelta

from app.desk import Desk
from app.seat import Seat
from app.telephony.calls import link_ticket, record_step
from app.telephony.model import CallState, EndReason

T0 = datetime(2026, 12, 5, 1, 0, 0)


def call(seat: Seat, call_id: str, number: str, minute: int, steps: list[tuple[CallState, float]],
         reason: EndReason | None = None) -> None:
    for state, seconds in steps:
        with seat.store.session() as session, session.begin():
            record_step(session, call_id=call_id, state=state, caller=number, line="12345",
                        at=T0 + timedelta(minutes=minute, seconds=seconds),
                        end_reason=reason if state is CallState.ABANDONED else None)


def test_lost_calls_are_called_back_like_a_queue(seat: Seat) -> None:
    o, r, a, e, x = (CallState.OFFERED, CallState.RINGING, CallState.ANSWERED, CallState.ENDED,
                     CallState.ABANDONED)
    call(seat, "lost-a", "13911110000", 0, [(o, 0), (r, 0), (x, 30)])
    call(seat, "busy-b", "13922220000", 1, [(o, 0), (x, 0)], EndReason.REFUSED_BUSY)
    call(seat, "lost-c", "13933330000", 2, [(o, 0), (r, 0), (x, 12)])
    call(seat, "back-c", "13933330000", 5, [(o, 0), (r, 0), (a, 4), (e, 60)])  # C got through later
    call(seat, "fine-d", "13944440000", 6, [(o, 0), (r, 0), (a, 3), (e, 50)])
    desk = Desk(seat)
    queue = desk.calls.callback_list()
    assert [(i.call_id, i.caller_masked, i.waited_s, i.end_reason) for i in queue] == [
        ("lost-a", "139****0000", 30.0, "caller_hung_up"), ("busy-b", "139****0000", 0.0, "refused_busy")]
    assert desk.calls.number_to_dial("lost-a") == "13911110000"

    assert desk.calls.record_callback("lost-a", reached=False)
    assert [(i.call_id, i.attempts) for i in desk.calls.callback_list()] == [("lost-a", 1), ("busy-b", 0)]
    assert desk.calls.record_callback("lost-a", reached=True)
    for _ in range(3):
        desk.calls.record_callback("busy-b", reached=False)
    assert desk.calls.callback_list() == []
    assert not desk.calls.record_callback("unknown", reached=True)


def test_a_callback_list_item_counts_its_linked_tickets(seat: Seat) -> None:
    call(seat, "lost", "13911110000", 0, [(CallState.OFFERED, 0), (CallState.RINGING, 0), (CallState.ABANDONED, 8)])
    with seat.store.session() as session, session.begin():
        link_ticket(session, call_id="lost", ticket_client_id="t-1", at=T0)
    (item,) = Desk(seat).calls.callback_list()
    assert item.tickets == 1
