"""转办 throughput between two real centers on loopback (city → county).

    python bench/transfer_bench.py --transfers N [--database sqlite|postgresql]

Starts a county and a city server (the county on the chosen engine, the city on SQLite), links
them, creates N tickets at the city, transfers each through POST /platform/transfer and waits
until the county holds all N; then the county completes each (直接办结, pushed in batches of 250)
and waits until the city shows all N 办结. Prints the delivery time of each transfer (enqueue →
the county has it) and of each result (the county's push → the city has it), both sampled by
polling and paired in order, and, last, ``transfers_per_s=… feedback_p95_ms=…``.
"""

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

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

PASSWORD = "bench-password-1"
PAYLOAD = {"channel": "电话", "request_type": "投诉", "caller_phone": "13812345678",
           "caller_name": "李女士", "category1": "城乡建设", "category2": "市政设施",
           "category3": "路灯", "district": "梁园区", "address": "凯旋路与神火大道交叉口",
           "title": "路灯不亮", "description": "凯旋路路灯连续三晚不亮。", "urgency": "一般"}


def _url(process: ServerProcess) -> str:
    return process.database_url or f"sqlite:///{process.data_dir / 'hotline-server.sqlite3'}"


def _push_creates(city: ServerProcess, count: int) -> list[str]:
    token = city.login("agent", PASSWORD)
    ids = [str(uuid.uuid4()) for _ in range(count)]
    for start in range(0, count, 250):
        mutations = [{"mutation_id": str(uuid.uuid4()), "ticket_client_id": cid, "kind": "create",
                      "base_version": 0, "payload": PAYLOAD, "seat": "B01", "actor": "bench"}
                     for cid in ids[start:start + 250]]
        answer = requests.post(f"{city.url}/api/v1/sync/push", json={"mutations": mutations},
                               headers={"Authorization": f"Bearer {token}"}, timeout=120)
        answer.raise_for_status()
    return ids


def _count(process: ServerProcess, token: str, **filters: str) -> int:
    got = process.get("/tickets", token, page_size=1, **filters).json()
    return int(got["total"])


def _wait(count: int, counted: Any, sent_at: list[float]) -> list[float]:
    """Arrival times until ``count`` have arrived; paired in order with ``sent_at``."""
    arrived: list[float] = []
    deadline = time.perf_counter() + 600
    while len(arrived) < count and time.perf_counter() < deadline:
        seen = counted()
        now = time.perf_counter()
        arrived.extend([now] * (seen - len(arrived)))
        time.sleep(0.05)
    if len(arrived) < count:
        raise SystemExit(f"only {len(arrived)} of {count} arrived in 600 s")
    return sorted((a - s) * 1000 for a, s in zip(arrived, sent_at, strict=True))


def _p95(delays: list[float]) -> float:
    return delays[min(len(delays) - 1, int(len(delays) * 0.95))]


def run(transfers: int, database: str) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="transfer-bench-"))
    reference = write_sample_reference(work / "reference")
    county_url = create_pg_database() if database == "postgresql" else None
    county = ServerProcess(work / "county", database_url=county_url, reference_dir=reference,
                           env={"HOTLINE_PLATFORM_DELIVER_SECONDS": "0.2", "BENCH_SVC_PW": PASSWORD,
                                "HOTLINE_CITY_PREFIX": "SX"})
    city = ServerProcess(work / "city", reference_dir=reference,
                         env={"HOTLINE_PLATFORM_DELIVER_SECONDS": "0.2", "BENCH_SVC_PW": PASSWORD,
                              "HOTLINE_CITY_PREFIX": "SC"})
    try:
        county.start()
        city.start()
        add_users(_url(county), [("city-svc", Role.DISPATCHER, ""), ("watch", Role.SUPERVISOR, "")],
                  PASSWORD)
        add_users(_url(city), [("agent", Role.AGENT, ""), ("dispatcher", Role.DISPATCHER, ""),
                               ("county-svc", Role.DISPATCHER, "")], PASSWORD)
        county.cli("link", "add", "--name", "市平台", "--kind", "parent", "--peer-account", "city-svc",
                   "--channel", "省平台", "--url", city.url, "--account", "county-svc",
                   "--password-env", "BENCH_SVC_PW")
        city.cli("link", "add", "--name", "县平台", "--kind", "child", "--url", county.url,
                 "--account", "city-svc", "--password-env", "BENCH_SVC_PW", "--peer-account", "county-svc")
        ids = _push_creates(city, transfers)
        token = city.login("dispatcher", PASSWORD)
        watch = county.login("watch", PASSWORD)
        http = requests.Session()
        http.headers["Authorization"] = f"Bearer {token}"
        sent_at: list[float] = []
        started = time.perf_counter()
        for cid in ids:
            answer = http.post(f"{city.url}/api/v1/platform/transfer", timeout=30,
                               json={"ticket_client_id": cid, "link": "县平台"})
            answer.raise_for_status()
            sent_at.append(time.perf_counter())
        delays = _wait(transfers, lambda: _count(county, watch), sent_at)
        elapsed = time.perf_counter() - started
        # The county completes each ticket; the results travel back up.
        county_token = county.login("city-svc", PASSWORD)
        items: list[dict[str, Any]] = []
        page = 1
        while len(items) < transfers:
            got = county.get("/tickets", county_token, page=page, page_size=500).json()["items"]
            items += got
            page += 1
        done_at: list[float] = []
        for start in range(0, transfers, 250):
            mutations = [{"mutation_id": str(uuid.uuid4()), "ticket_client_id": t["client_id"],
                          "kind": "办结", "base_version": t["version"], "seat": "B02", "actor": "bench",
                          "payload": {"result": "已修复。", "solved": "解决"}}
                         for t in items[start:start + 250]]
            requests.post(f"{county.url}/api/v1/sync/push", json={"mutations": mutations}, timeout=120,
                          headers={"Authorization": f"Bearer {county_token}"}).raise_for_status()
            done_at += [time.perf_counter()] * len(mutations)
        feedback = _wait(transfers, lambda: _count(city, token, status="办结"), done_at)
        return {"transfers": transfers, "seconds": elapsed, "transfers_per_s": transfers / elapsed,
                "delivery_p95_ms": _p95(delays), "feedback_p95_ms": _p95(feedback)}
    finally:
        city.stop()
        county.stop()
        if county_url:
            drop_pg_database(county_url)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--transfers", type=int, default=10_000)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    args = parser.parse_args()
    if args.database == "postgresql" and (reason := postgres_available()):
        print(reason, file=sys.stderr)
        return 1
    figures = run(args.transfers, args.database)
    print(f"{figures['transfers']} transfers city → county ({args.database} county) in "
          f"{figures['seconds']:.1f} s")
    print(f"delivery_p95_ms={figures['delivery_p95_ms']:.0f}")
    print(f"transfers_per_s={figures['transfers_per_s']:.1f} "
          f"feedback_p95_ms={figures['feedback_p95_ms']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
