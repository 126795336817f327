"""Issue 11 item 2: the center trusts a seat's clock only inside a window.

A 签收 dated 2020 was stored as such (unit ratings read it); tickets created "in" 1900 and 2999
got official numbers SQ1900… and SQ2999…. Now a time ahead of the center by more than the skew,
older than the offline limit, or before the ticket's last accepted event is rejected with a
reason, and the ticket's status, times and numbers stay as the center had them.
"""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.security.harden_support import Center, mutation, start_center, ticket_fields

OFFLINE_DAYS = 10  # the module's center is configured so (HOTLINE_OFFLINE_LIMIT_DAYS)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def center(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Center]:
    yield from start_center(request, tmp_path_factory.mktemp(f"clock-{request.param}"),
                            HOTLINE_OFFLINE_LIMIT_DAYS=str(OFFLINE_DAYS))


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def iso(moment: datetime) -> str:
    return moment.isoformat() + "+00:00"


def one(center: Center, token: str, m: dict[str, Any]) -> dict[str, Any]:
    response = center.push(token, m)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()["answers"][0]
    return answer


def ticket(center: Center, client_id: str) -> dict[str, Any]:
    items = center.server.get("/tickets", center.token("admin"), page_size=500).json()["items"]
    found: dict[str, Any] = next(t for t in items if t["client_id"] == client_id)
    return found


def official_numbers(center: Center) -> list[str]:
    items = center.server.get("/tickets", center.token("admin"), page_size=500).json()["items"]
    return [t["official_no"] for t in items]


def test_creation_times_outside_the_window_get_no_official_number(center: Center) -> None:
    agent = center.token("agent1")
    for label, created in [("year 1900", datetime(1900, 1, 1)), ("year 2999", datetime(2999, 1, 1)),
                           ("an hour ahead", now() + timedelta(hours=1)),
                           ("past the offline limit", now() - timedelta(days=OFFLINE_DAYS + 2))]:
        answer = one(center, agent, mutation(payload=ticket_fields(created_at=created.isoformat())))
        assert answer["status"] == "rejected", (label, answer)
        assert answer["official_no"] is None and answer["reason"], label
    numbers = official_numbers(center)
    assert not any(n.startswith(("SQ1900", "SQ2999")) for n in numbers), numbers

    # Inside the window the seat's time is kept: two minutes of skew, a week offline.
    for created in (now() + timedelta(minutes=2), now() - timedelta(days=OFFLINE_DAYS - 3)):
        m = mutation(payload=ticket_fields(created_at=iso(created)))
        answer = one(center, agent, m)
        assert answer["status"] == "applied", answer
        local_day = (created + timedelta(hours=8)).strftime("%Y%m%d")
        assert answer["official_no"].startswith(f"SQ{local_day}")
        assert ticket(center, m["ticket_client_id"])["created_at"].startswith(created.isoformat()[:16])


def _dispatched(center: Center) -> str:
    created = mutation(payload=ticket_fields(created_at=iso(now() - timedelta(minutes=30))),
                       at=iso(now() - timedelta(minutes=30)))
    assert one(center, center.token("agent1"), created)["status"] == "applied"
    client_id: str = created["ticket_client_id"]
    dispatch = mutation(kind="派单", payload={"units": ["市城管局"]}, base_version=1, at=iso(now()))
    dispatch["ticket_client_id"] = client_id
    assert one(center, center.token("dispatcher"), dispatch)["status"] == "applied"
    return client_id


def _sign(client_id: str, at: datetime) -> dict[str, Any]:
    m = mutation(kind="签收", payload={"from": "派单", "to": "签收", "note": ""}, base_version=2, at=iso(at))
    m["ticket_client_id"] = client_id
    return m


def test_a_sign_dated_2020_or_before_its_dispatch_is_rejected_and_the_ticket_unchanged(center: Center) -> None:
    client_id = _dispatched(center)
    unit = center.token("unit_a")
    for label, at in [("dated 2020", datetime(2020, 1, 1)),
                      ("past the offline limit", now() - timedelta(days=OFFLINE_DAYS + 1)),
                      ("a day before the dispatch", now() - timedelta(days=1)),
                      ("ten minutes ahead", now() + timedelta(minutes=10))]:
        answer = one(center, unit, _sign(client_id, at))
        assert answer["status"] == "rejected", (label, answer)
        assert "时" in answer["reason"], answer["reason"]  # says which time and what to do
        stored = ticket(center, client_id)
        assert stored["status"] == "派单" and stored["version"] == 2, label

    answer = one(center, unit, _sign(client_id, now() + timedelta(minutes=1)))
    assert answer["status"] == "applied", answer
    feed = center.server.get("/sync/pull", unit, limit=2000).json()["changes"]
    events = next(c["events"] for c in feed if c["ticket"] and c["ticket"]["client_id"] == client_id)
    sign_at = [e["at"] for e in events if e["kind"] == "签收"]
    assert len(sign_at) == 1 and sign_at[0][:4] == str(now().year)  # what ratings read
