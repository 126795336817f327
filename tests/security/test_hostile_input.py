"""Issue 11 item 3: hostile input gets a 4xx or a `rejected` answer for that one mutation,
never a 500; nothing it carries is stored, sent to other seats or written to the log.

Each push below carries one hostile mutation beside a good one: the good one must be applied.
The inputs are the issue's (lone surrogates, 1e400, NaN, Infinity, years 1 and 9999, 500 levels
of nesting, 5 MB of junk, extra keys with a phone number) and their neighbours.
"""

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.security.harden_support import (
    PASSWORD,
    PHONE,
    Center,
    mutation,
    start_center,
    ticket_fields,
)

SECRET = "leak-me-Pa55word"  # a password that must never reach the log
NEST = "[" * 500 + "]" * 500


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def center(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Center]:
    yield from start_center(request, tmp_path_factory.mktemp(f"hostile-{request.param}"))


def _raw(m: dict[str, Any], old: str, new: str) -> str:
    text = json.dumps(m, ensure_ascii=False)
    assert old in text, old
    return text.replace(old, new, 1)


def _pushes() -> list[tuple[str, str]]:
    """(name, the hostile mutation as JSON text, tokens a json.dumps cannot write included)."""
    m = mutation
    t = ticket_fields
    return [
        ("lone surrogate in a ticket field", _raw(m(payload=t(title="X1")), '"X1"', '"\\ud800"')),
        ("lone surrogate in a payload key", _raw(m(payload=t(title="X1")), '"title"', '"\\udfff"')),
        ("lone surrogate in the kind", _raw(m(kind="X1"), '"X1"', '"\\ud800"')),
        ("base_version 1e400", _raw(m(), '"base_version": 0', '"base_version": 1e400')),
        ("base_version NaN", _raw(m(), '"base_version": 0', '"base_version": NaN')),
        ("base_version -Infinity", _raw(m(), '"base_version": 0', '"base_version": -Infinity')),
        ("base_version 2**63", _raw(m(), '"base_version": 0', f'"base_version": {2**63}')),
        ("Infinity in the payload", _raw(m(payload=t(zz=1)), '"zz": 1', '"zz": Infinity')),
        ("NaN as a flag", _raw(m(payload=t(anonymous=False)), '"anonymous": false', '"anonymous": NaN')),
        ("created_at year 1 with a time zone", json.dumps(m(payload=t(created_at="0001-01-01T00:00:00+08:00")))),
        ("created_at 9999-12-31", json.dumps(m(payload=t(created_at="9999-12-31T23:59:59")))),
        ("created_at 1900", json.dumps(m(payload=t(created_at="1900-01-01T00:00:00")))),
        ("created_at 2999", json.dumps(m(payload=t(created_at="2999-01-01T00:00:00")))),
        ("created_at not a time", json.dumps(m(payload=t(created_at="yesterday")))),
        ("at year 1", json.dumps(m(at="0001-01-01T00:00:00"))),
        ("at 9999 west of UTC", json.dumps(m(at="9999-12-31T23:59:59-08:00"))),
        ("500 levels of nesting in the payload", _raw(m(payload=t(zz=1)), '"zz": 1', f'"zz": {NEST}')),
        ("500 levels of nesting beside the payload", _raw(m(), '"kind"', f'"zz": {NEST}, "kind"')),
        ("extra keys: junk and a phone number", json.dumps(m(payload=t(junk="x" * 1000, phone_copy=PHONE)))),
        ("5 MB of junk in one key", json.dumps(m(payload=t(junk="垃" * (5 * 1024 * 1024 // 3))))),
        ("a 6 MB title", json.dumps(m(payload=t(title="标" * (2 * 1024 * 1024))))),
        ("a list where a text belongs", json.dumps(m(payload=t(title=["路灯"])))),
        ("an object where a flag belongs", json.dumps(m(payload=t(confidential={"x": True})))),
        ("update with nested changes", json.dumps(m(kind="update", base_version=1,
                                                    payload={"changes": {"title": [[["a"]], "b"]}}))),
        ("update with a 3-item pair", json.dumps(m(kind="update", base_version=1,
                                                   payload={"changes": {"title": ["a", "b", "c"]}}))),
        ("action with an extra key", json.dumps(m(kind="签收", base_version=1, payload={"note": "", "x": PHONE}))),
        ("派单 deadline 9999-12-31", json.dumps(m(kind="派单", base_version=1,
                                                  payload={"units": ["市城管局"], "deadline": "9999-12-31"}))),
        ("延期 to year 1", json.dumps(m(kind="延期", base_version=1,
                                        payload={"reason": "需要", "requested_deadline": "0001-01-01"}))),
        ("export of 3 MB", json.dumps(m(kind="导出", payload={"rows": 1, "filter": PHONE * 300_000}))),
        ("export rows 1e400", _raw(m(kind="导出", payload={"rows": 1}), '"rows": 1', '"rows": 1e400')),
        ("reveal report with a number inside", json.dumps(m(kind="查看号码",
                                                            payload={"ticket": "x", "note": PHONE}))),
        ("unknown kind", json.dumps(m(kind="drop table"))),
        ("payload is a list", json.dumps(m(payload=[1, 2]))),  # type: ignore[arg-type]
    ]


def _requests() -> list[tuple[str, str, bytes, str | None]]:
    """(name, path, raw body, role) for requests that must get a 4xx as a whole."""
    login = "/auth/login"
    return [
        ("login: lone surrogate in the password", login,
         f'{{"username": "agent1", "password": "{SECRET}\\ud800"}}'.encode(), None),
        ("login: long password with a lone surrogate", login,
         f'{{"username": "agent1", "password": "{SECRET}{"a" * 300}\\ud800"}}'.encode(), None),
        ("login: lone surrogate in the username", login,
         f'{{"username": "\\ud800{SECRET}", "password": "{SECRET}"}}'.encode(), None),
        ("login: password 1e400", login, b'{"username": "agent1", "password": 1e400}', None),
        ("login: password NaN", login, b'{"username": "agent1", "password": NaN}', None),
        ("login: extra key with the password", login,
         f'{{"username": "agent1", "password": "x", "again": "{SECRET}\\udfff"}}'.encode(), None),
        ("login: invalid UTF-8", login, b'{"username": "agent1", "password": "\xff\xfe' + SECRET.encode() + b'"}',
         None),
        ("login: 100,000 levels of nesting", login, b'{"username": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
         None),
        ("push: mutation id with a lone surrogate", "/sync/push",
         _raw(mutation(), '"mutation_id": "', '"mutation_id": "\\ud800').join(
             ['{"mutations": [', "]}"]).encode(), "agent1"),
        ("push: 2000 mutations", "/sync/push",
         json.dumps({"mutations": [mutation() for _ in range(2000)]}).encode(), "agent1"),
        ("push: 20 MB body", "/sync/push", b'{"mutations": [], "x": "' + b"a" * (20 * 1024 * 1024) + b'"}',
         "agent1"),
        ("push: not JSON", "/sync/push", b"{'mutations': [}", "agent1"),
        ("reveal: lone surrogate in the reason", "/tickets/1/reveal", b'{"reason": "\\ud800\\udbff"}', "boss"),
        ("admin: lone surrogate in a new password", "/admin/users",
         f'{{"username": "x1", "role": "agent", "password": "{SECRET}\\ud800"}}'.encode(), "admin"),
    ]


def test_hostile_input_never_gives_a_server_error_nor_a_leak(center: Center) -> None:
    agent = center.token("agent1")
    server_errors: list[str] = []
    tried = 0
    for number, (name, hostile) in enumerate(_pushes()):
        tried += 1
        good = mutation(payload=ticket_fields(title=f"好的工单{number}"))
        body = '{"mutations": [' + hostile + ", " + json.dumps(good) + "]}"
        response = center.post_raw("/sync/push", body.encode("utf-8", "surrogatepass"), agent)
        if response.status_code >= 500:
            server_errors.append(f"{name}: {response.status_code}")
            continue
        assert response.status_code == 200, (name, response.status_code, response.text[:300])
        bad_answer, good_answer = response.json()["answers"]
        assert bad_answer["status"] == "rejected", (name, bad_answer)
        assert bad_answer["reason"], name
        assert good_answer["status"] == "applied", (name, good_answer)  # the rest of the batch
    for name, path, raw, role in _requests():
        tried += 1
        response = center.post_raw(path, raw, center.token(role) if role else None)
        if response.status_code >= 500:
            server_errors.append(f"{name}: {response.status_code}")
            continue
        assert 400 <= response.status_code < 500, (name, response.status_code, response.text[:300])
        assert SECRET not in response.text, name  # a refused value is not echoed
    for name, path, params in [
        ("audit since year 1", "/audit", {"since": "0001-01-01T00:00:00+08:00"}),
        ("audit until 9999", "/audit", {"until": "9999-12-31T23:59:59-08:00"}),
        ("tickets created_from year 1", "/tickets", {"created_from": "0001-01-01"}),
        ("tickets page 1e400", "/tickets", {"page": "1e400"}),
        ("pull cursor NaN", "/sync/pull", {"cursor": "NaN"}),
    ]:
        tried += 1
        response = center.server.get(path, center.token("admin"), **params)
        if response.status_code >= 500:
            server_errors.append(f"{name}: {response.status_code}")
    print(f"\nhostile inputs tried: {tried}; server errors: {len(server_errors)} ({center.engine})")
    assert server_errors == []

    # Nothing hostile reached the seats: the feed is standard JSON with no junk and no number.
    feed = center.server.get("/sync/pull", center.token("boss"), limit=2000)
    assert feed.status_code == 200

    def no_constant(token: str) -> None:
        raise AssertionError(f"non-standard JSON in the feed: {token}")

    json.loads(feed.text, parse_constant=no_constant)
    assert "junk" not in feed.text and "phone_copy" not in feed.text and "垃垃垃" not in feed.text
    log = center.log()
    assert SECRET not in log, "a submitted password reached the server log"
    assert "Traceback" not in log and "unhandled" not in log
    assert PASSWORD not in log
