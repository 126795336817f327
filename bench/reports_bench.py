"""Time the weekly brief and the dashboard's queries over a store of 1,000,000 tickets.

    .venv/bin/python bench/reports_bench.py [--store bench/out/reports-1m] [--tickets 1000000]

The store is built once (about 555 days of ~1,800 tickets a day, 2023-01-01 on, with their
lifecycle events) and reused; --rebuild starts over. The indexes are exactly those the migrations
create: they are dropped for the bulk load and recreated from their own SQL afterwards.
Prints timings per step; the last line is ``brief_ms=… dashboard_ms=…`` (median of warm runs).
"""

import argparse
import shutil
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.reports.brief import build_brief
from app.reports.dashboard import build_dashboard
from app.reports.period import Period, PeriodKind
from app.reports.sample import insert_rows, synthetic_rows
from bench.bench_keys import open_bench_store

START = date(2023, 1, 1)
WEEK = Period(date(2024, 1, 8), date(2024, 1, 14), PeriodKind.WEEKLY)
MONTH = Period.month_of(date(2024, 1, 1))
AS_OF = date(2024, 1, 17)


def build(data_dir: Path, tickets: int) -> None:
    started = time.perf_counter()
    with open_bench_store(data_dir) as store, store.engine.begin() as conn:
        indexes = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN ('tickets', 'ticket_events')"
        ).all()
        for name, _ in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        conn.exec_driver_sql("PRAGMA synchronous=OFF")
        days = max(1, round(tickets / 1800))
        insert_rows(conn, synthetic_rows(1, tickets, start=START, days=days), batch=50000)
        loaded = time.perf_counter()
        print(f"loaded {tickets} tickets over {days} days in {loaded - started:.1f} s", flush=True)
        for _, sql in indexes:
            conn.exec_driver_sql(sql)
        conn.exec_driver_sql("ANALYZE")
    events = 0
    with open_bench_store(data_dir) as store, store.engine.connect() as conn:
        events = int(conn.exec_driver_sql("SELECT COUNT(*) FROM ticket_events").scalar_one())
    print(f"indexed in {time.perf_counter() - loaded:.1f} s; {events} events; "
          f"total build {time.perf_counter() - started:.1f} s", flush=True)


def timed(label: str, func: "object", runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000.0)
    print(f"{label}: first {times[0]:.0f} ms, median {statistics.median(times):.0f} ms over {runs} runs")
    return statistics.median(times[1:] if runs > 1 else times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, default=Path(__file__).resolve().parent / "out" / "reports-1m")
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    marker = args.store / f"built-{args.tickets}"
    if args.rebuild or not marker.exists():
        shutil.rmtree(args.store, ignore_errors=True)
        build(args.store, args.tickets)
        marker.touch()
    with open_bench_store(args.store) as store, store.engine.connect() as conn:
        total = conn.exec_driver_sql("SELECT COUNT(*) FROM tickets").scalar_one()
        print(f"store {args.store} holds {total} tickets")
        brief_ms = timed("weekly brief", lambda: build_brief(conn, WEEK, as_of=AS_OF), args.runs)
        dashboard_ms = timed("dashboard (week)", lambda: build_dashboard(conn, WEEK, as_of=AS_OF), args.runs)
        timed("dashboard (month)", lambda: build_dashboard(conn, MONTH, as_of=AS_OF), 3)
        steps = build_dashboard(conn, WEEK, as_of=AS_OF).timings_ms
        print("dashboard steps (week): " + ", ".join(f"{k} {v:.0f} ms" for k, v in steps.items()))
        print(build_brief(conn, WEEK, as_of=AS_OF).text.splitlines()[1])
    print(f"brief_ms={brief_ms:.0f} dashboard_ms={dashboard_ms:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
