"""Login under flood (issue 11 item 6) against the real server, PostgreSQL by default.

    python bench/login_flood.py [--database postgresql|sqlite] [--seconds 30] [--flood 50]

``--flood`` threads post logins with random unknown usernames for ``--seconds`` while a real
user signs in every half second and a seat pushes batches of new tickets. Last line:
``login_p95_ms=… push_p95_ms=… errors=…`` (errors: the real user's or the seat's requests that
did not succeed, and any 5xx the flood got). Targets: login p95 ≤ 1,000 ms, push p95 ≤ 200 ms,
0 errors.
"""

import argparse
import secrets
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.roles import Role
from server.testing import (
    ServerProcess,
    add_users,
    create_pg_database,
    drop_pg_database,
    postgres_available,
    write_sample_reference,
)

PASSWORD = "bench-password-flood-1"
FIELDS = {"channel": "电话", "request_type": "投诉", "caller_phone": "13812345678", "caller_name": "李女士",
          "category1": "城乡建设", "category2": "市政设施", "category3": "路灯", "district": "梁园区",
          "address": "凯旋路100号", "title": "路灯不亮", "description": "凯旋路路灯连续三晚不亮。",
          "urgency": "一般"}


def p95(values: list[float]) -> float:
    if not values:
        return float("nan")
    if len(values) < 20:
        return max(values)
    return statistics.quantiles(values, n=20)[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="postgresql")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--flood", type=int, default=50, help="concurrent bogus logins")
    parser.add_argument("--batch", type=int, default=20, help="tickets per push")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="login-flood-"))
    reference_dir = write_sample_reference(work / "reference")
    database_url = None
    if args.database == "postgresql":
        reason = postgres_available()
        if reason:
            print(f"cannot run on PostgreSQL: {reason}", file=sys.stderr)
            return 2
        database_url = create_pg_database()
    server = ServerProcess(work / "server", database_url=database_url, reference_dir=reference_dir)
    url = database_url or f"sqlite:///{work / 'server' / 'hotline-server.sqlite3'}"
    api = f"{server.url}/api/v1"
    stop = threading.Event()
    flood_status: Counter[int] = Counter()
    lock = threading.Lock()
    login_ms: list[float] = []
    push_ms: list[float] = []
    errors: list[str] = []

    def flood() -> None:
        with requests.Session() as session:
            while not stop.is_set():
                try:
                    response = session.post(f"{api}/auth/login", timeout=60, json={
                        "username": f"x{secrets.token_hex(6)}", "password": secrets.token_urlsafe(12)})
                    code = response.status_code
                except requests.RequestException:
                    code = 0
                with lock:
                    flood_status[code] += 1

    def real_user() -> None:
        with requests.Session() as session:
            while not stop.is_set():
                started = time.perf_counter()
                try:
                    response = session.post(f"{api}/auth/login", timeout=60,
                                            json={"username": "agent1", "password": PASSWORD})
                    ok = response.status_code == 200
                    problem = f"login {response.status_code}"
                except requests.RequestException as error:
                    ok, problem = False, f"login {type(error).__name__}"
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    login_ms.append(elapsed)
                    if not ok:
                        errors.append(problem)
                stop.wait(0.5)

    def seat(token: str) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        with requests.Session() as session:
            while not stop.is_set():
                mutations = [{"mutation_id": str(uuid.uuid4()), "ticket_client_id": str(uuid.uuid4()),
                              "kind": "create", "base_version": 0, "payload": FIELDS}
                             for _ in range(args.batch)]
                started = time.perf_counter()
                try:
                    response = session.post(f"{api}/sync/push", json={"mutations": mutations},
                                            headers=headers, timeout=60)
                    ok = response.status_code == 200 and all(
                        a["status"] == "applied" for a in response.json()["answers"])
                    problem = f"push {response.status_code}"
                except requests.RequestException as error:
                    ok, problem = False, f"push {type(error).__name__}"
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    push_ms.append(elapsed)
                    if not ok:
                        errors.append(problem)
                stop.wait(0.2)

    try:
        server.start()
        add_users(url, [("agent1", Role.AGENT, "")], PASSWORD)
        token = server.login("agent1", PASSWORD)
        threads = [threading.Thread(target=flood, daemon=True) for _ in range(args.flood)]
        threads += [threading.Thread(target=real_user, daemon=True),
                    threading.Thread(target=seat, args=(token,), daemon=True)]
        for thread in threads:
            thread.start()
        time.sleep(args.seconds)
        stop.set()
        for thread in threads:
            thread.join(90)
        server_errors = sum(n for code, n in flood_status.items() if code >= 500 or code == 0)
        total_errors = len(errors) + server_errors
        print(f"database={args.database} seconds={args.seconds:g} flood={args.flood} "
              f"flood answers={dict(sorted(flood_status.items()))} real logins={len(login_ms)} "
              f"pushes={len(push_ms)} x {args.batch}; errors: {Counter(errors).most_common(5)}",
              file=sys.stderr)
        print(f"login_p95_ms={p95(login_ms):.0f} push_p95_ms={p95(push_ms):.0f} errors={total_errors}")
    finally:
        stop.set()
        server.stop()
        if database_url:
            drop_pg_database(database_url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
