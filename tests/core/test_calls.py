"""Calls in the seat's store (app.telephony.calls): every step kept with its time, a call's record
queued for the center exactly once when it is over, tickets linked, a stopped seat's calls closed."""

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.seat import Seat, open_seat
from app.store.models import Call, OutboxEntry
from app.sync.protocol import CALL_KIND, CALL_LINK_KIND
from app.telephony.calls import caller_number, close_interrupted, link_ticket, record_step
from app.telephony.model import CallState, CallStateError, EndReason

T0 = datetime(2026, 12, 5, 1, 0, 0)


def step(desk_seat: Seat, call_id: str, state: CallState, seconds: float, **extra: object) -> None:
    with desk_seat.store.session() as session, session.begin():
        record_step(session, call_id=call_id, state=state, at=T0 + timedelta(seconds=seconds), **extra)  # type: ignore[arg-type]


def outbox(seat: Seat) -> list[tuple[str, str, dict[str, object]]]:
    with seat.store.session() as session:
        return [(row.kind, row.ticket_client_id, json.loads(row.payload))
                for row in session.scalars(select(OutboxEntry).order_by(OutboxEntry.id))]


def calls(seat: Seat) -> dict[str, Call]:
    with seat.store.session() as session:
        return {c.call_id: c for c in session.scalars(select(Call))}


def test_an_answered_call_keeps_each_steps_time_and_is_queued_once_when_over(seat: Seat) -> None:
    step(seat, "c1", CallState.OFFERED, 0, caller="13912345678", line="12345", seat="S01", extension="8001",
         agent="李娜")
    step(seat, "c1", CallState.RINGING, 0.2)
    step(seat, "c1", CallState.RINGING, 0.3)  # a retransmitted signal
    assert outbox(seat) == []  # nothing leaves while the call goes on
    step(seat, "c1", CallState.ANSWERED, 6)
    step(seat, "c1", CallState.HELD, 30)
    step(seat, "c1", CallState.ANSWERED, 40)  # resumed: still answered at 6 s
    step(seat, "c1", CallState.ENDED, 95)
    step(seat, "c1", CallState.ENDED, 96)  # the BYE's retransmission
    call = calls(seat)["c1"]
    assert (call.state, call.caller_number, call.line, call.extension) == ("ended", "13912345678", "12345", "8001")
    assert (call.ringing_at, call.answered_at, call.ended_at) == (
        T0 + timedelta(seconds=0.2), T0 + timedelta(seconds=6), T0 + timedelta(seconds=95))
    ((kind, client_id, payload),) = outbox(seat)
    assert (kind, client_id) == (CALL_KIND, call.client_id)
    assert [s["state"] for s in payload["steps"]] == [  # type: ignore[union-attr]
        "offered", "ringing", "answered", "held", "answered", "ended"]
    assert payload["answered_at"] == "2026-12-05T01:00:06+00:00"


def test_a_call_abandoned_while_ringing_and_a_step_out_of_order(seat: Seat) -> None:
    step(seat, "c2", CallState.OFFERED, 0, caller="0370 3221234", line="12345")
    step(seat, "c2", CallState.RINGING, 0.1)
    with pytest.raises(CallStateError, match="振铃"):
        step(seat, "c2", CallState.HELD, 2)
    step(seat, "c2", CallState.ABANDONED, 9)
    call = calls(seat)["c2"]
    assert (call.state, call.end_reason, call.answered_at) == ("abandoned", "caller_hung_up", None)
    assert call.caller_number == "0370-3221234"  # as tickets keep it: the caller's history matches
    assert [k for k, _, _ in outbox(seat)] == [CALL_KIND]


def test_a_transferred_call_ignores_the_hang_up_that_follows(seat: Seat) -> None:
    for state, at in ((CallState.OFFERED, 0), (CallState.RINGING, 0), (CallState.ANSWERED, 3)):
        step(seat, "c3", state, at)
    step(seat, "c3", CallState.TRANSFERRED, 20, transfer_to="119")
    step(seat, "c3", CallState.ENDED, 21)
    call = calls(seat)["c3"]
    assert (call.state, call.transfer_to, call.ended_at) == ("transferred", "119", T0 + timedelta(seconds=20))
    assert len(outbox(seat)) == 1


def test_tickets_taken_during_a_call_travel_with_it_and_later_ones_follow(seat: Seat) -> None:
    step(seat, "c4", CallState.OFFERED, 0)
    step(seat, "c4", CallState.RINGING, 1)
    step(seat, "c4", CallState.ANSWERED, 2)
    with seat.store.session() as session, session.begin():
        assert link_ticket(session, call_id="c4", ticket_client_id="t-1", at=T0)
        assert link_ticket(session, call_id="c4", ticket_client_id="t-1", at=T0)  # once
        assert not link_ticket(session, call_id="unknown", ticket_client_id="t-9", at=T0)
    step(seat, "c4", CallState.ENDED, 60)
    with seat.store.session() as session, session.begin():
        link_ticket(session, call_id="c4", ticket_client_id="t-2", at=T0)  # written in 话后整理
    (first, later) = outbox(seat)
    assert first[0] == CALL_KIND and first[2]["tickets"] == ["t-1"]
    assert later == (CALL_LINK_KIND, first[1], {"call": first[1], "ticket": "t-2"})


def test_a_seat_stopped_mid_call_keeps_the_answered_call_and_closes_it_at_start(seat: Seat, tmp_path: Path) -> None:
    step(seat, "c5", CallState.OFFERED, 0, caller="13812345678")
    step(seat, "c5", CallState.RINGING, 0)
    step(seat, "c5", CallState.ANSWERED, 4)
    step(seat, "c6", CallState.OFFERED, 5)
    step(seat, "c6", CallState.RINGING, 5)
    seat.close()
    again = open_seat(tmp_path / "seat")
    try:
        with again.store.session() as session, session.begin():
            assert close_interrupted(session, at=T0 + timedelta(minutes=5)) == 2
        found = calls(again)
        assert (found["c5"].state, found["c5"].end_reason, found["c5"].answered_at) == (
            "ended", EndReason.INTERRUPTED.value, T0 + timedelta(seconds=4))
        assert (found["c6"].state, found["c6"].end_reason) == ("abandoned", "interrupted")
        assert sorted(k for k, _, _ in outbox(again)) == [CALL_KIND, CALL_KIND]
    finally:
        again.close()


def test_caller_numbers_as_tickets_keep_them() -> None:
    assert caller_number("+86 139-1234-5678") == "13912345678"
    assert caller_number("3221234") == "0370-3221234"
    assert caller_number("anonymous") == ""
    assert caller_number("8001") == "8001"  # an internal extension stays as sent


def test_steps_heard_together_are_recorded_together_and_a_late_one_alone_is_skipped(seat: Seat) -> None:
    """The SIP recorder writes a burst in one transaction: a step that cannot follow (a hold for a
    call never heard of) is skipped without losing the steps beside it, and only the recorded
    ones reach the screen pop."""
    from app.telephony.adapter import CallEvent, CallRecorder

    recorder = CallRecorder(seat.store, seat.settings)
    told: list[str] = []
    recorder.listeners.append(lambda event: told.append(event.call_id))
    at = datetime(2026, 12, 5, 1, 0, 0)
    recorder.record_all([CallEvent("a", CallState.RINGING, at, caller="13912345678", line="12345"),
                         CallEvent("b", CallState.HELD, at, caller="13800001111"),
                         CallEvent("c", CallState.RINGING, at, caller="13800002222", line="12345"),
                         CallEvent("a", CallState.ANSWERED, at + timedelta(seconds=3))])
    with seat.store.session() as session:
        states = {c.call_id: c.state for c in session.scalars(select(Call))}
    assert states == {"a": "answered", "c": "ringing"}
    assert told == ["a", "c", "a"]
