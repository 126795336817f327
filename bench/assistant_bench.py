"""Benchmark: the whole sidebar computation for 10,000 real drafts against a store of 100,000.

The store is a real seat store (SQLite, FTS, indexes from the migrations) filled with
``app.tickets.bulk.insert_tickets`` from the real messages in ../shared/data/tipdm2020c, repeated
with variation (district, phone, address, a sentence dropped) over the last 55 days, so that the
30-day duplicate index holds ~54,000 tickets as a real center's would (12,600 tickets a week).
It is built once and cached under bench/out/. Each draft is timed through
``SidebarEngine.compute``, the function the sidebar calls, with caller history by SQL, the
duplicate index, knowledge base and FTS past answers.

Prints p50/p95 per draft and RSS; the last line is ``p50_ms=… p95_ms=…``.
``--store 10000 --drafts 2000`` runs a smaller store (its own cache) on a busy machine.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.assistant.dataset import SHARED_DATA, read_labeled  # noqa: E402
from app.assistant.models import DraftInput  # noqa: E402
from app.assistant.service import train_default  # noqa: E402
from app.assistant.store_source import SidebarEngine  # noqa: E402
from app.domain.ticket import TicketInput  # noqa: E402
from app.seat import Seat, open_seat  # noqa: E402
from app.tickets.bulk import NewTicket, insert_tickets  # noqa: E402
from app.tickets.service import utc_now  # noqa: E402
from bench.bench_keys import BENCH_PASSPHRASE, NO_KEYRING  # noqa: E402

N_STORE = 100_000
N_DRAFTS = 10_000
DAYS = 55
STORE_DIR = ROOT / "bench" / "out" / "assistant_store"
UNITS = ["市住房和城乡建设局", "市城市管理局", "市教育局", "市公安局", "平原街道办事处",
         "市交通运输局", "市人力资源和社会保障局", "市生态环境局", "市市场监督管理局"]
CLOSED = ["办结", "回访", "归档"]
OPEN = ["受理", "派单", "签收", "办理"]


def _rows(name: str) -> list[dict[str, str]]:
    with (SHARED_DATA / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_store(seat: Seat, messages: list[dict[str, str]], categories: list[str],
                n_store: int = N_STORE) -> None:
    rng = random.Random(7)
    districts = list(seat.context.reference.districts)
    phones = [f"139{rng.randrange(10**8):08d}" for _ in range(30_000)]
    now = utc_now()
    batch: list[NewTicket] = []
    for i in range(n_store):
        r = messages[i % len(messages)]
        sentences = r["留言详情"].strip().split("。")
        if i >= len(messages) and len(sentences) > 2:  # variation on every repeat
            sentences.pop(rng.randrange(len(sentences)))
        district = rng.choice(districts)
        closed = rng.random() < 0.8
        values = TicketInput(
            request_type="投诉", caller_phone=rng.choice(phones), category1=rng.choice(categories),
            district=district, address=f"{district}幸福路{rng.randint(1, 3000)}号",
            title=r["留言主题"].strip()[:100], description="。".join(sentences)[:5000],
            handling_unit=rng.choice(UNITS), caller_name="市民")
        batch.append(NewTicket(
            values=values, created_at=now - timedelta(minutes=DAYS * 24 * 60 * (1 - i / n_store)),
            status=rng.choice(CLOSED if closed else OPEN),
            client_id=f"00000000-0000-4000-8000-{i:012d}"))
        if len(batch) == 10_000:
            _insert(seat, batch)
            batch = []
    _insert(seat, batch)
    # Results for closed tickets: the real replies, so past answers have something to say.
    replies = [r for r in messages if r.get("答复意见")]
    with seat.store.raw_connection() as conn:
        conn.executemany("UPDATE tickets SET result = ? WHERE id = ? AND status IN ('办结','回访','归档')",
                         [(replies[i % len(replies)]["答复意见"][:500], i + 1)
                          for i in range(n_store)])
        conn.commit()


def _insert(seat: Seat, batch: list[NewTicket]) -> None:
    if batch:
        with seat.store.session() as session, session.begin():
            insert_tickets(session, batch, seat.context, kind="import")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--store", type=int, default=N_STORE, help="tickets in the bench store")
    p.add_argument("--drafts", type=int, default=N_DRAFTS, help="drafts timed")
    a = p.parse_args()
    store_dir = STORE_DIR if a.store == N_STORE else STORE_DIR.with_name(f"assistant_store_{a.store}")
    messages = _rows("messages_with_replies.csv") + _rows("messages_unlabeled.csv")
    labeled = read_labeled(SHARED_DATA / "messages_labeled.csv", ["留言主题", "留言详情"], "一级分类")
    categories = sorted({lab for _, lab in labeled})
    fresh = not (store_dir / "hotline-desk.sqlite3").exists()
    # Keyed as the other benchmarks key their stores (a keyring-less seat's passphrase).
    seat = open_seat(store_dir, keyring_backend=NO_KEYRING, prompt=lambda _request: BENCH_PASSPHRASE)
    if fresh:
        t0 = time.perf_counter()
        build_store(seat, messages, categories, a.store)
        print(f"built a store of {a.store} tickets in {time.perf_counter() - t0:.0f}s "
              f"(cached in {store_dir})")
    engine = SidebarEngine.for_store(seat.store, store_dir)
    print(f"store open; max RSS so far {rss_mb():.0f} MB")
    t0 = time.perf_counter()
    engine.set_model(train_default(labeled, [r["留言主题"] + r["留言详情"] for r in messages]))
    print(f"category model trained in {time.perf_counter() - t0:.1f}s; RSS {rss_mb():.0f} MB")
    t0 = time.perf_counter()
    size = engine.install(engine.build_recent())
    print(f"duplicate index over the last {engine.recent_days} days: {size} tickets in "
          f"{time.perf_counter() - t0:.1f}s; RSS {rss_mb():.0f} MB")
    with seat.store.raw_connection() as conn:
        phones = [p for (p,) in conn.execute(
            "SELECT caller_phone FROM tickets WHERE id % 10 = 0 LIMIT 5000")]
    engine.warm_up()
    rng = random.Random(11)
    times: list[float] = []
    parts = {"caller": 0, "similar": 0, "past": 0, "emergency": 0}
    for i in range(a.drafts):
        r = messages[(i * 7) % len(messages)]
        draft = DraftInput(title=r["留言主题"], description=r["留言详情"],
                           caller_phone=phones[i % len(phones)] if rng.random() < 0.7 else "",
                           address=f"A{rng.randint(1, 9)}区幸福路{rng.randint(1, 3000)}号")
        t = time.perf_counter()
        result = engine.compute(draft)
        times.append((time.perf_counter() - t) * 1000)
        parts["caller"] += bool(result.caller_history)
        parts["similar"] += bool(result.similar)
        parts["past"] += bool(result.past_answers)
        parts["emergency"] += bool(result.suggestions.triage.emergency)
    times.sort()
    p50 = statistics.median(times)
    p95 = times[int(0.95 * len(times)) - 1]
    print(f"{a.drafts} drafts: mean {statistics.fmean(times):.2f} ms, max {times[-1]:.1f} ms; "
          f"drafts with caller history {parts['caller']}, similar {parts['similar']}, "
          f"past answers {parts['past']}, emergency {parts['emergency']}")
    print(f"max RSS {rss_mb():.0f} MB")
    seat.close()
    print(f"p50_ms={p50:.2f} p95_ms={p95:.2f}")


if __name__ == "__main__":
    main()
