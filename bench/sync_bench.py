"""Sync throughput over loopback against the real server.

    python bench/sync_bench.py --database sqlite|postgresql --push N --pull M

Pushes N new tickets from one seat, bulk-inserts the same N rows straight into the server's
database (the "raw" reference, same run), tops the server up to M tickets and pulls them all
into a fresh seat. Last line: ``push_per_s=… pull_per_s=… raw_ratio=…``.
"""

import argparse
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.roles import Role
from app.domain.ticket import TicketInput
from app.reference import load_reference
from app.settings import Settings
from app.sync.client import ApiClient
from app.sync.engine import SyncEngine
from app.sync.protocol import EDITABLE_FIELDS
from app.tickets.service import Actor, TicketContext, create_ticket, utc_now
from bench.bench_keys import open_bench_store
from server.db import open_database
from server.sync.service import allocate_seqs
from server.testing import (
    ServerProcess,
    add_users,
    create_pg_database,
    drop_pg_database,
    postgres_available,
    write_sample_reference,
)
from server.tickets.models import Ticket as ServerTicket

PASSWORD = "bench-password-1"
FIELDS = {"request_type": "投诉", "caller_phone": "13812345678", "caller_name": "李女士",
          "category1": "城乡建设", "category2": "市政设施", "category3": "路灯", "district": "梁园区",
          "street": "平原街道", "address": "凯旋路与神火大道交叉口向东200米",
          "description": "凯旋路路灯连续三晚不亮，夜间行人和电动车通行不便，存在安全隐患，希望尽快维修。"}


def _server_rows(count: int, prefix: str) -> list[dict[str, Any]]:
    now = utc_now()
    values = TicketInput.from_dict({**FIELDS, "title": "路灯不亮"})
    base = {name: getattr(values, name) for name in EDITABLE_FIELDS}
    return [{**base, "title": f"路灯不亮{i}", "client_id": str(uuid.uuid4()),
             "official_no": f"{prefix}{i:010d}", "local_no": "", "deadline": None, "status": "受理",
             "satisfaction": "", "created_at": now - timedelta(seconds=i), "updated_at": now,
             "created_seat": "RAW", "created_by": "bench", "created_user": "bench", "version": 1}
            for i in range(count)]


def bulk_insert(database_url: str, rows: list[dict[str, Any]], batch: int) -> float:
    """Insert rows straight into the tickets table; returns rows per second."""
    from sqlalchemy import insert

    database = open_database(database_url)
    started = time.perf_counter()
    for start in range(0, len(rows), batch):
        chunk = rows[start:start + batch]
        with database.write_session() as session, session.begin():
            for row, seq in zip(chunk, allocate_seqs(session, len(chunk)), strict=True):
                row["change_seq"] = seq
            session.execute(insert(ServerTicket), chunk)
    elapsed = time.perf_counter() - started
    database.dispose()
    return len(rows) / elapsed if rows else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--push", type=int, default=10_000)
    parser.add_argument("--pull", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=250, help="mutations per push request")
    parser.add_argument("--page", type=int, default=2000, help="changes per pull request")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    reference_dir = write_sample_reference(work / "reference")
    reference = load_reference(reference_dir)
    database_url = None
    if args.database == "postgresql":
        reason = postgres_available()
        if reason:
            print(f"cannot run on PostgreSQL: {reason}", file=sys.stderr)
            return 2
        database_url = create_pg_database()
    server = ServerProcess(work / "server", database_url=database_url, reference_dir=reference_dir)
    url = database_url or f"sqlite:///{work / 'server' / 'hotline-server.sqlite3'}"
    try:
        server.start()
        add_users(url, [("bench", Role.AGENT, "")], PASSWORD)

        seat = open_bench_store(work / "seat1")
        context = TicketContext(Actor("B01", "bench"), reference, Settings(seat_id="B01"))
        made = time.perf_counter()
        for start in range(0, args.push, 1000):
            with seat.session() as s, s.begin():
                for i in range(start, min(start + 1000, args.push)):
                    create_ticket(s, data=TicketInput.from_dict({**FIELDS, "title": f"路灯不亮{i}"}),
                                  context=context)
        print(f"seat captured {args.push} tickets in {time.perf_counter() - made:.1f}s", file=sys.stderr)

        api = ApiClient(server.url, read_timeout=120)
        api.login("bench", PASSWORD)
        engine = SyncEngine(seat, api, push_batch=args.batch, pull_limit=args.page)
        started = time.perf_counter()
        pushed = engine.push()
        push_seconds = time.perf_counter() - started
        assert pushed == args.push, (pushed, args.push)
        push_per_s = pushed / push_seconds

        raw_per_s = bulk_insert(url, _server_rows(args.push, "RAW"), args.batch)
        rest = max(0, args.pull - 2 * args.push)
        if rest:
            bulk_insert(url, _server_rows(rest, "SEED"), 1000)
        total = 2 * args.push + rest

        fresh = open_bench_store(work / "seat2")
        api2 = ApiClient(server.url, read_timeout=120)
        api2.login("bench", PASSWORD)
        engine2 = SyncEngine(fresh, api2, push_batch=args.batch, pull_limit=args.page)
        started = time.perf_counter()
        pulled = engine2.pull()
        pull_seconds = time.perf_counter() - started
        assert pulled == total, (pulled, total)
        pull_per_s = pulled / pull_seconds
        print(f"database={args.database} pushed={pushed} in {push_seconds:.2f}s; "
              f"raw insert {raw_per_s:.0f}/s; pulled={pulled} in {pull_seconds:.2f}s", file=sys.stderr)
        print(f"push_per_s={push_per_s:.0f} pull_per_s={pull_per_s:.0f} "
              f"raw_ratio={push_per_s / raw_per_s:.3f}")
        api.close()
        api2.close()
        seat.close()
        fresh.close()
    finally:
        server.stop()
        if database_url:
            drop_pg_database(database_url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
