"""转办 throughput between two real centers on loopback (city → county).

    python bench/transfer_bench.py --transfers N [--database sqlite|postgresql]

Starts a county and a city server (the county on the chosen engine, the city on SQLite), links
them, creates N tickets at the city, transfers each through POST /platform/transfer and waits
until the county holds all N. Prints the delivery time of each transfer (enqueue → the county
has it, sampled by polling) and, last, ``transfers_per_s=… delivery_p95_ms=… feedback_p95_ms=…``.
Feedback up (results, 回访) is not built yet: its figure prints as ``n/a``.
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


def _county_count(county: ServerProcess, token: str) -> int:
    got = county.get("/tickets", token, page_size=1).json()
    return int(got["total"])


def run(transfers: int, database: str) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="transfer-bench-"))
    reference = write_sample_reference(work / "reference")
    county_url = create_pg_database() if database == "postgresql" else None
    county = ServerProcess(work / "county", database_url=county_url, reference_dir=reference)
    city = ServerProcess(work / "city", reference_dir=reference,
                         env={"HOTLINE_PLATFORM_DELIVER_SECONDS": "0.2", "BENCH_SVC_PW": PASSWORD,
                              "HOTLINE_CITY_PREFIX": "SC"})
    try:
        county.start()
        city.start()
        add_users(_url(county), [("city-svc", Role.DISPATCHER, ""), ("watch", Role.SUPERVISOR, "")],
                  PASSWORD)
        add_users(_url(city), [("agent", Role.AGENT, ""), ("dispatcher", Role.DISPATCHER, "")],
                  PASSWORD)
        county.cli("link", "add", "--name", "市平台", "--kind", "parent", "--peer-account", "city-svc",
                   "--channel", "省平台")
        city.cli("link", "add", "--name", "县平台", "--kind", "child", "--url", county.url,
                 "--account", "city-svc", "--password-env", "BENCH_SVC_PW")
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
        arrived: list[float] = []
        deadline = time.perf_counter() + 600
        while len(arrived) < transfers and time.perf_counter() < deadline:
            count = _county_count(county, watch)
            now = time.perf_counter()
            arrived.extend([now] * (count - len(arrived)))
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        if len(arrived) < transfers:
            raise SystemExit(f"only {len(arrived)} of {transfers} arrived in 600 s")
        # Arrivals are counted, not matched: the k-th arrival is paired with the k-th transfer.
        delays = sorted((a - s) * 1000 for a, s in zip(arrived, sent_at, strict=True))
        p95 = delays[min(len(delays) - 1, int(len(delays) * 0.95))]
        return {"transfers": transfers, "seconds": elapsed, "transfers_per_s": transfers / elapsed,
                "delivery_p95_ms": p95}
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
    print(f"transfers_per_s={figures['transfers_per_s']:.1f} "
          f"delivery_p95_ms={figures['delivery_p95_ms']:.0f} feedback_p95_ms=n/a")
    return 0


if __name__ == "__main__":
    sys.exit(main())
