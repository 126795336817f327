"""Issue 11 item 6: login under flood.

64 connections posting random unknown usernames were never throttled, each ran argon2 inside
the write lock (a real login took 24.6 s, pushes 22 → 252 ms, some 500 "database is locked"),
and throttle rows piled up, one per random name. Now unknown names are throttled per address
and overall, a known user still signs in, and the throttle table holds a few rows, purged.
(The timings are bench/login_flood.py's, never asserted here.)
"""

import http.client
import json
import secrets
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, insert, select

from server.auth.models import LoginThrottle
from server.db import open_database
from tests.security.harden_support import PASSWORD, Center, start_center

PER_ADDRESS = 5
OVERALL = 12


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def center(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Center]:
    yield from start_center(request, tmp_path_factory.mktemp(f"flood-{request.param}"),
                            HOTLINE_LOGIN_UNKNOWN_PER_ADDRESS=str(PER_ADDRESS),
                            HOTLINE_LOGIN_UNKNOWN_OVERALL=str(OVERALL))


def login(center: Center, username: str, password: str, source: str = "127.0.0.1") -> int:
    """POST /auth/login from a chosen loopback address (Linux answers all of 127.0.0.0/8)."""
    connection = http.client.HTTPConnection("127.0.0.1", center.server.port, timeout=30,
                                            source_address=(source, 0))
    try:
        connection.request("POST", "/api/v1/auth/login", headers={"Content-Type": "application/json"},
                           body=json.dumps({"username": username, "password": password}))
        return connection.getresponse().status
    finally:
        connection.close()


def throttle_rows(center: Center) -> list[str]:
    database = open_database(center.database_url)
    try:
        with database.read_session() as session, session.begin():
            return list(session.scalars(select(LoginThrottle.key)))
    finally:
        database.dispose()


def random_name() -> str:
    return f"nobody{secrets.token_hex(4)}"


def test_unknown_names_are_throttled_per_address_and_the_real_user_still_signs_in(center: Center) -> None:
    answers = [login(center, random_name(), "wrong-password-1") for _ in range(PER_ADDRESS + 3)]
    assert answers[:PER_ADDRESS] == [401] * PER_ADDRESS
    assert set(answers[PER_ADDRESS:]) == {429}, answers
    assert login(center, "agent1", PASSWORD) == 200  # same address, a real user
    # One row for the address and one for the whole center: none per random name.
    keys = throttle_rows(center)
    assert not [k for k in keys if "nobody" in k], keys


def test_unknown_names_are_throttled_overall_from_many_addresses(center: Center) -> None:
    sources = [f"127.0.0.{n}" for n in range(2, 2 + OVERALL)]
    for source in sources:  # one failure each: no address reaches its own limit
        assert login(center, random_name(), "wrong-password-1", source) in (401, 429)
    fresh = "127.0.0.99"
    assert login(center, random_name(), "wrong-password-1", fresh) == 429
    assert login(center, "agent2", PASSWORD, fresh) == 200


def test_expired_throttle_rows_are_purged(center: Center) -> None:
    database = open_database(center.database_url)
    old = datetime(2026, 1, 1)
    try:
        with database.write_session() as session, session.begin():
            session.execute(insert(LoginThrottle), [
                {"key": f"pair:ghost{n}|10.0.0.{n}", "failures": 3, "last_failure_at": old,
                 "blocked_until": old + timedelta(minutes=1)} for n in range(50)])
    finally:
        database.dispose()
    assert login(center, "agent1", "wrong-password-1", "127.0.0.150") == 401
    keys = throttle_rows(center)
    assert not [k for k in keys if "ghost" in k], keys
    database = open_database(center.database_url)
    try:
        with database.read_session() as session, session.begin():
            assert session.scalar(select(func.count()).select_from(LoginThrottle)) <= 6
    finally:
        database.dispose()
