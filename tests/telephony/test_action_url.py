"""Desk-phone events over real HTTP on 127.0.0.1, with each vendor's parameter names, recorded as
steps of calls in the real store; bad requests answered with a reason and nothing recorded."""

from collections.abc import Iterator

import pytest
import requests
from sqlalchemy import select

from app.seat import Seat
from app.store.models import Call, CallStep
from app.telephony.action_url import ActionUrlAdapter
from app.telephony.adapter import CallRecorder


@pytest.fixture
def phone(seat: Seat) -> Iterator[ActionUrlAdapter]:
    adapter = ActionUrlAdapter(("127.0.0.1", 0), CallRecorder(seat.store, seat.settings))
    adapter.start()
    yield adapter
    adapter.stop()


def send(phone: ActionUrlAdapter, path: str, **params: str) -> requests.Response:
    return requests.get(f"http://127.0.0.1:{phone.address[1]}{path}", params=params, timeout=10)


def calls(seat: Seat) -> dict[str, tuple[str, str, str, str, list[str]]]:
    with seat.store.session() as session:
        return {c.call_id: (c.state, c.end_reason, c.caller_number, c.line,
                            list(session.scalars(select(CallStep.state).where(CallStep.call_pk == c.id)
                                                 .order_by(CallStep.id))))
                for c in session.scalars(select(Call))}


def test_each_vendors_events_become_a_calls_steps(phone: ActionUrlAdapter, seat: Seat) -> None:
    # Yealink: event in the path, $call_id / $remote / $local.
    for event in ("incoming", "established", "hold", "unhold", "terminated"):
        assert send(phone, f"/yealink/{event}", call_id="7", remote="13912345678", local="12345").text == "ok"
    # Fanvil: the event as a parameter, callerID / calledNumber.
    send(phone, "/", event="Incoming_Call", callid="f1", callerID="0370 3221234", calledNumber="12333")
    send(phone, "/", event="Terminated", callid="f1")  # never picked up: the caller gave up
    # Grandstream: answered, then handed on with the phone's transfer key.
    send(phone, "/gs/incoming", CallID="g1", caller="15600002222", local="12345")
    send(phone, "/gs/answered_call", CallID="g1")
    send(phone, "/gs/transfer", CallID="g1", target="119")
    send(phone, "/gs/terminated_call", CallID="g1")
    found = calls(seat)
    assert found["phone:7"] == ("ended", "", "13912345678", "12345",
                                ["offered", "ringing", "answered", "held", "answered", "ended"])
    assert found["phone:f1"][:4] == ("abandoned", "caller_hung_up", "0370-3221234", "12333")
    assert found["phone:g1"][:3] == ("transferred", "", "15600002222")
    with seat.store.session() as session:
        assert session.scalar(select(Call.transfer_to).where(Call.call_id == "phone:g1")) == "119"


def test_a_bad_request_is_answered_with_a_reason_and_nothing_is_recorded(phone: ActionUrlAdapter, seat: Seat) -> None:
    unknown = send(phone, "/yealink/reboot", call_id="1")
    assert unknown.status_code == 400 and "未知的话机事件" in unknown.text
    missing = send(phone, "/yealink/incoming", call_id="$call_id", remote="13912345678")  # variable unfilled
    assert missing.status_code == 400 and "call_id" in missing.text
    assert calls(seat) == {}


def test_a_token_is_required_when_set(seat: Seat) -> None:
    adapter = ActionUrlAdapter(("127.0.0.1", 0), CallRecorder(seat.store, seat.settings), token="s3cret")
    adapter.start()
    try:
        assert send(adapter, "/incoming", call_id="1").status_code == 403
        assert send(adapter, "/incoming", call_id="1", token="s3cret").status_code == 200
    finally:
        adapter.stop()
    assert list(calls(seat)) == ["phone:1"]


def test_settings_choose_the_adapter(seat: Seat) -> None:
    from dataclasses import replace

    from app.telephony.choose import adapter_for
    from app.telephony.sip import SipAdapter

    recorder = CallRecorder(seat.store, seat.settings)
    assert adapter_for(seat.settings, recorder) is None
    sip = adapter_for(replace(seat.settings, telephony="sip"), recorder)
    assert isinstance(sip, SipAdapter)
    sip.stop()
    phone = adapter_for(replace(seat.settings, telephony="action_url", action_url_address="127.0.0.1:0"), recorder)
    assert isinstance(phone, ActionUrlAdapter)
    phone.stop()
    with pytest.raises(ValueError, match="不认识"):
        adapter_for(replace(seat.settings, telephony="h323"), recorder)
    with pytest.raises(ValueError, match="主机:端口"):
        adapter_for(replace(seat.settings, telephony="sip", sip_address="localhost"), recorder)
