"""A seat's calls reach the real center exactly once, numbers masked on the way out, with the
tickets taken during them (SQLite and PostgreSQL servers, each a subprocess)."""

import json
import uuid
from datetime import datetime, timedelta
from typing import Any

from e2e_support import PASSWORD
from sqlalchemy import select

from app.domain.handoff import Handoff, HandoffWay
from app.store.models import OutboxEntry, Ticket, TicketEvent
from app.sync.protocol import CALL_KIND, HANDOFF_KIND
from app.telephony.agent import AgentState, set_state
from app.telephony.calls import link_ticket, record_step
from app.telephony.model import CallState
from app.tickets.handoff import record_handoffs
from server.testing import ServerProcess

T0 = datetime(2026, 12, 5, 1, 0, 0)


def take_call(seat: Any, call_id: str, number: str, *, answered: bool, tickets: tuple[str, ...] = ()) -> None:
    steps = [(CallState.OFFERED, 0), (CallState.RINGING, 0.2)]
    steps += [(CallState.ANSWERED, 5), (CallState.ENDED, 90)] if answered else [(CallState.ABANDONED, 12)]
    for state, seconds in steps:
        with seat.store.session() as session, session.begin():
            record_step(session, call_id=call_id, state=state, at=T0 + timedelta(seconds=seconds),
                        caller=number, line="12345", seat=seat.seat_id, extension="8001", agent="李娜")
            if state is CallState.ANSWERED:
                for ticket in tickets:
                    link_ticket(session, call_id=call_id, ticket_client_id=ticket, at=T0)


def center_calls(server: ServerProcess, token: str, **params: Any) -> dict[str, dict[str, Any]]:
    body = server.get("/calls", token, page_size=500, **params).json()
    found: dict[str, dict[str, Any]] = {}
    for item in body["items"]:
        assert item["client_id"] not in found, "a call is at the center twice"
        found[item["client_id"]] = item
    return found


def test_calls_reach_the_center_once_masked_with_their_tickets(make_seat: Any, server: ServerProcess) -> None:
    seat = make_seat("agent1")
    ticket = seat.create(title="来电中受理的工单")
    take_call(seat, "sip-1", "13912345678", answered=True, tickets=(ticket,))
    take_call(seat, "sip-2", "0370-3221234", answered=False)
    with seat.store.session() as session:
        mutations = seat.engine._mutations(session, list(session.query(OutboxEntry).filter(
            OutboxEntry.kind == CALL_KIND).order_by(OutboxEntry.id)))
    report = seat.sync()
    assert report.pending == 0 and report.rejected == 0
    # The answer was lost and the seat sends the same records again: replayed, not doubled.
    again = seat.api.push(mutations)
    assert {a["status"] for a in again} == {"replayed"}
    assert seat.sync().pushed == 0

    boss = server.login("boss", PASSWORD)
    mine = {c["call_id"]: c for c in center_calls(server, boss, seat=seat.seat_id).values()}
    assert set(mine) == {"sip-1", "sip-2"}
    answered, lost = mine["sip-1"], mine["sip-2"]
    assert answered["caller_number"] == "139****5678" and answered["phone_masked"]
    assert lost["caller_number"] == "0370-***1234"
    assert (answered["state"], answered["tickets"], answered["line"]) == ("ended", [ticket], "12345")
    assert answered["answered_at"].startswith("2026-12-05T01:00:05")
    assert (lost["state"], lost["end_reason"], lost["answered_at"]) == ("abandoned", "caller_hung_up", None)
    # An agent reads the calls its own account took, a unit handler none.
    assert set(center_calls(server, server.login("agent2", PASSWORD), seat=seat.seat_id)) == set()
    assert server.get("/calls", server.login("unit_a", PASSWORD)).status_code == 403


def test_a_ticket_linked_after_the_call_was_sent_follows_it(make_seat: Any, server: ServerProcess) -> None:
    seat = make_seat("agent1")
    take_call(seat, "sip-late", "13812345678", answered=True)
    seat.sync()
    ticket = seat.create(title="话后整理时补录的工单")
    with seat.store.session() as session, session.begin():
        link_ticket(session, call_id="sip-late", ticket_client_id=ticket, at=T0)
    assert seat.sync().rejected == 0
    token = server.login("agent1", PASSWORD)
    (call,) = [c for c in center_calls(server, token, seat=seat.seat_id).values() if c["call_id"] == "sip-late"]
    assert call["tickets"] == [ticket]


def test_the_supervisor_sees_each_seats_latest_state(make_seat: Any, server: ServerProcess) -> None:
    seat = make_seat("agent1")
    for minute, state in ((0, AgentState.AVAILABLE), (5, AgentState.AFTER_CALL), (6, AgentState.AVAILABLE)):
        with seat.store.session() as session, session.begin():
            set_state(session, seat=seat.seat_id, agent="李娜", state=state, at=T0 + timedelta(minutes=minute))
    assert seat.sync().rejected == 0
    boss = server.login("boss", PASSWORD)
    seats = {s["seat"]: s for s in server.get("/calls/seats", boss).json()}
    assert (seats[seat.seat_id]["state"], seats[seat.seat_id]["agent"]) == ("示闲", "李娜")
    assert seats[seat.seat_id]["since"].startswith("2026-12-05T01:06")
    assert server.get("/calls/seats", server.login("agent1", PASSWORD)).status_code == 403


def handoffs(seat: Any, client_id: str) -> list[tuple[str, str, str, datetime]]:
    with seat.store.session() as session:
        return [(e.kind, json.loads(e.detail)["text"], json.loads(e.detail)["way"], e.at)
                for e in session.scalars(select(TicketEvent).join(Ticket).where(
                    Ticket.client_id == client_id, TicketEvent.kind == HANDOFF_KIND).order_by(TicketEvent.id))]


def test_已转119_reaches_the_center_and_the_dispatchers_seat(make_seat: Any, server: ServerProcess) -> None:
    """Issue 15, item 5: the hand-off is a line of the ticket's timeline at the center too, once,
    with its time and how it was done; a line the center does not take is refused alone."""
    seat = make_seat("agent1")
    ticket = seat.create(title="楼道着火", description="楼道里着火了，有人被困")
    with seat.store.session() as session, session.begin():
        saved = session.scalars(select(Ticket).where(Ticket.client_id == ticket)).one()
        assert record_handoffs(session, ticket=saved, actor=seat.context.actor, handoffs=[
            Handoff("119", T0, HandoffWay.TRANSFERRED), Handoff("12333", T0 + timedelta(seconds=40))]) == 2
    report = seat.sync()
    assert (report.pending, report.rejected) == (0, 0)
    assert seat.sync().pushed == 0  # each line went once
    expected = [(HANDOFF_KIND, "已转119", "transferred", T0),
                (HANDOFF_KIND, "已转12333", "manual", T0 + timedelta(seconds=40))]
    assert handoffs(seat, ticket) == expected  # the center's copies are recognised, not doubled

    dispatcher = make_seat("dispatcher")
    dispatcher.sync()
    assert handoffs(dispatcher, ticket) == expected

    bad = {"mutation_id": str(uuid.uuid4()), "ticket_client_id": ticket, "kind": HANDOFF_KIND, "base_version": 1,
           "payload": {"service": "999", "text": "已转999", "way": "manual"}, "at": "2026-12-05T01:00:00Z",
           "seat": seat.seat_id, "actor": "agent1"}
    (answer,) = seat.api.push([bad])
    assert answer["status"] == "rejected" and "12333" in answer["reason"]
