"""Benchmark of the local store and the queue at N tickets.

    .venv/bin/python bench/store_bench.py --tickets 1000000 [--store bench/out/store-1000000]
    .venv/bin/python bench/store_bench.py --tickets 1000000 --plain [--store bench/out/store-1000000-plain]

The store is encrypted as a seat's is (SQLCipher, the key from a passphrase: a bench machine has no
keyring); ``--plain`` measures the same on an unencrypted store, which needs a --store of its own.
Each run keeps its figures in bench/out/figures-N-KIND.json and prints the issue's figures with
their targets beside the other kind's last run at the same N.

Builds (or reuses) a store of N tickets made from the real messages in
../shared/data/tipdm2020c (title, description, varied with a district, road and house
number, channel, type, category, status and a time over two years, fake phone numbers),
through the importer's parse_row and app.tickets.bulk.insert_batch in batches of 5,000,
one transaction each, the search index merged after each. Then measures:

- import_ratio: rows/s of our import path (parse_row + insert_batch, merges included) divided
  by rows/s of raw sqlite3 executemany of the same values (incl. bigram body, events, outbox)
  into a scratch store made by the same migrations, with FTS5's default merging inside its
  commits; same run, same rows.
- save_p99_ms: 200 durable saves through create_ticket, each its own transaction, at N, with
  the store opened as the desktop opens it (WAL checkpoints and search-index merges in a
  background thread, see app.store.upkeep); the same saves with SQLite's automatic
  checkpoints are printed beside it.
- open/jump/sort/search: through ui.queue_model.QueueModel in a QTableView, offscreen, timed
  until the first screen of rows is painted (viewport().repaint()). jump_ratio: jumps to rows
  never shown before, against a plain in-memory model, in alternating rounds after a warm-up;
  the median of the rounds' ratios, their spread printed beside it (and jump_cpu_ratio, the
  same in the GUI thread's CPU time, which a busy machine disturbs less).
- rss_mb: peak RSS of the process.

Prints figures line by line, then the table of both kinds; the LAST line is key=value pairs. Never run from the test suite.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import text  # noqa: E402

from app.domain.calendar import deadline_for  # noqa: E402
from app.domain.enums import Channel, RequestType, Status, Urgency  # noqa: E402
from app.domain.ticket import TicketInput  # noqa: E402
from app.seat import Seat, open_seat, seat_on  # noqa: E402
from app.store.db import STORE_FILENAME, Store, is_plain  # noqa: E402
from app.store.keys import StoreKey  # noqa: E402
from app.store.search_text import index_text  # noqa: E402
from app.store.upkeep import StoreUpkeep  # noqa: E402
from app.tickets.bulk import NewTicket, insert_batch  # noqa: E402
from app.tickets.importer import parse_row  # noqa: E402
from app.tickets.service import TicketContext, create_ticket, local_date  # noqa: E402
from bench.bench_keys import BENCH_PASSPHRASE, NO_KEYRING  # noqa: E402
from ui.store_upkeep import INTERVAL_MS  # noqa: E402

SHARED_DATA = ROOT.parent / "shared" / "data" / "tipdm2020c"
OUT = ROOT / "bench" / "out"
BATCH = 5000
SAMPLE = 50_000
SAVES = 200
WORD2 = "噪音"
WORD4 = "小区物业"
JUMP_WARMUP = 5
JUMP_ROUNDS = 9
JUMPS_PER_ROUND = 11

ROADS = ["凯旋路", "神火大道", "归德路", "南京路", "平原路", "民主路", "长江路", "黄河路",
         "北海路", "华商大道", "珠江路", "团结路", "文化路", "宋城路", "建设路", "八一路"]
PLACES = ["小区", "家属院", "花园", "商业街", "菜市场", "学校门口", "公交站", "广场"]
NAMES = ["王女士", "李先生", "张女士", "刘先生", "陈女士", "杨先生", "赵女士", "黄先生", "周女士", ""]
# Weights: mostly phone, mostly complaints and consultations, most tickets finished long ago.
CHANNEL_W = [(Channel.PHONE, 60), (Channel.WECHAT, 10), (Channel.WEBSITE, 8), (Channel.APP, 8),
             (Channel.WALK_IN, 4), (Channel.PROVINCIAL, 4), (Channel.PEOPLE_BOARD, 3),
             (Channel.EMAIL, 2), (Channel.WEIBO, 1)]
TYPE_W = [(RequestType.COMPLAINT, 35), (RequestType.CONSULT, 25), (RequestType.HELP, 15),
          (RequestType.SUGGESTION, 10), (RequestType.REPORT, 8), (RequestType.PRAISE, 4),
          (RequestType.OTHER, 3)]
STATUS_W = [(Status.ARCHIVED, 50), (Status.CALLED_BACK, 12), (Status.COMPLETED, 10),
            (Status.IN_PROGRESS, 8), (Status.SIGNED, 6), (Status.DISPATCHED, 6),
            (Status.ACCEPTED, 5), (Status.RETURNED, 3)]
URGENCY_W = [(Urgency.NORMAL, 90), (Urgency.URGENT, 8), (Urgency.CRITICAL, 2)]


PLAIN = False  # --plain: the same figures on an unencrypted store (same SQLite library)


def bench_seat(data_dir: Path, *, background_checkpoints: bool = False) -> Seat:
    if PLAIN:
        return seat_on(data_dir, Store(data_dir, key=None, background_checkpoints=background_checkpoints))
    return open_seat(data_dir, keyring_backend=NO_KEYRING, prompt=lambda _request: BENCH_PASSPHRASE,
                     background_checkpoints=background_checkpoints)


def scratch_store(data_dir: Path, key: StoreKey | None) -> Store:
    return Store(data_dir, key=None if PLAIN else key)


def refuse_other_kind(data_dir: Path) -> None:
    """An encrypted run would convert a plain store in place (an hour at a million tickets) and a
    plain run cannot read an encrypted one: each kind needs its own --store."""
    path = data_dir / STORE_FILENAME
    if not path.exists() or path.stat().st_size == 0:
        return
    if PLAIN and not is_plain(path):
        sys.exit(f"{data_dir} holds an encrypted store: --plain needs a --store of its own")
    if not PLAIN and is_plain(path):
        sys.exit(f"{data_dir} holds a plain store (opening it encrypted would convert it): "
                 "pass another --store, or add --plain")


# The figures (issue 17, item 4) with their targets, printed for both kinds side by side.
TARGETS = (("import_ratio", ">=", 0.5), ("save_p99_ms", "<=", 20.0), ("open_ms", "<=", 300.0),
           ("search2_ms", "<=", 200.0), ("search4_ms", "<=", 200.0), ("sort_ms", "", None),
           ("jump_ratio", "", None), ("rss_mb", "", None))


def figures_file(n: int, plain: bool) -> Path:
    return OUT / f"figures-{n}-{'plain' if plain else 'encrypted'}.json"


def side_by_side(n: int, data_dir: Path, final: dict[str, float]) -> None:
    """Keep this run's figures and print them beside the other kind's last run at the same N."""
    OUT.mkdir(parents=True, exist_ok=True)
    figures_file(n, PLAIN).write_text(json.dumps({"store": str(data_dir), "at": datetime.now().isoformat(
        timespec="seconds"), "figures": final}, indent=2), encoding="utf-8")
    runs: dict[bool, dict[str, Any]] = {}
    for plain in (False, True):
        if figures_file(n, plain).exists():
            runs[plain] = json.loads(figures_file(n, plain).read_text(encoding="utf-8"))
    log(f"figures at {n:,} tickets (each kind's last run; its store and time below):")
    log(f"  {'figure':<14}{'target':>9}{'encrypted':>12}{'plain':>12}")
    for key, sign, target in TARGETS:
        cells = []
        for plain in (False, True):
            value = runs.get(plain, {}).get("figures", {}).get(key)
            cells.append("—" if value is None else f"{value:.2f}" if key.endswith("ratio")
                         else f"{value:.0f}" if key == "rss_mb" else f"{value:.1f}")
        wanted = "" if target is None else f"{'≥' if sign == '>=' else '≤'} {target:g}"
        log(f"  {key:<14}{wanted:>9}{cells[0]:>12}{cells[1]:>12}")
    for plain in (False, True):
        if plain in runs:
            log(f"  {'plain' if plain else 'encrypted'}: {runs[plain]['store']} at {runs[plain]['at']}")


def log(message: str) -> None:
    print(message, flush=True)


def timed(func: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = func()
    return (time.perf_counter() - start) * 1000, result


# -- data ------------------------------------------------------------------------------------


def load_texts() -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for name in ("messages_labeled.csv", "messages_unlabeled.csv", "messages_with_replies.csv"):
        with (SHARED_DATA / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                title = row["留言主题"].strip()
                # The site pads every message with tabs and newlines: strip them.
                body = "\n".join(line.strip() for line in row["留言详情"].strip().splitlines())
                body = body.strip()[:4800]
                if title and body:
                    texts.append((title[:80], body))
    return texts


def _pick(rng: random.Random, weighted: list[tuple[Any, int]]) -> str:
    return str(rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0].value)


class RecordMaker:
    """Spreadsheet-like records (as the importer reads them) with realistic variation."""

    def __init__(self, context: TicketContext, seed: int) -> None:
        self.rng = random.Random(seed)
        self.texts = load_texts()
        reference = context.reference
        self.categories = [
            (c1, c2, c3)
            for c1, seconds in reference.categories.children.items()
            for c2, thirds in seconds.items()
            for c3 in thirds or ("",)
        ]
        self.places = [(d, s) for d, streets in reference.districts.items() for s in streets]
        self.units = reference.unit_names()
        self.end = datetime(2026, 11, 20, 18, 0)
        self.span = int(timedelta(days=730).total_seconds())

    def record(self, serial: int) -> dict[str, str]:
        rng = self.rng
        title, body = rng.choice(self.texts)
        district, street = rng.choice(self.places)
        road = rng.choice(ROADS)
        address = f"{street}{road}{rng.randint(1, 300)}号{rng.choice(PLACES)}{rng.randint(1, 40)}号楼"
        c1, c2, c3 = rng.choice(self.categories)
        created = self.end - timedelta(seconds=rng.randrange(self.span))
        status = _pick(rng, STATUS_W)
        finished = status in (Status.COMPLETED, Status.CALLED_BACK, Status.ARCHIVED)
        phone = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}" if rng.random() < 0.85 \
            else f"0370-{rng.randint(2000000, 8999999)}"
        return {
            "created_at": created.strftime("%Y-%m-%d %H:%M:%S"),
            "channel": _pick(rng, CHANNEL_W),
            "request_type": _pick(rng, TYPE_W),
            "category1": c1, "category2": c2, "category3": c3,
            "district": district, "street": street, "address": address,
            "title": f"{district}{title}"[:100],
            "description": f"{body}\n地点：{district}{address}（工单{serial}）",
            "caller_name": rng.choice(NAMES),
            "caller_phone": phone,
            "urgency": _pick(rng, URGENCY_W),
            "status": status,
            "handling_unit": rng.choice(self.units) if status != Status.ACCEPTED else "",
            "result": "已处理并答复来电人。" if finished else "",
            "satisfaction": rng.choice(["满意", "基本满意", "不满意", ""]) if finished else "",
        }

    def records(self, start: int, count: int) -> Iterator[dict[str, str]]:
        for serial in range(start, start + count):
            yield self.record(serial)


# -- building --------------------------------------------------------------------------------


def ticket_count(store: Store) -> int:
    with store.raw_connection() as connection:
        return int(connection.execute("SELECT count(*) FROM tickets").fetchone()[0])


def build_store(seat: Seat, n: int) -> None:
    have = ticket_count(seat.store)
    maker = RecordMaker(seat.context, seed=1000 + have)
    started = time.perf_counter()
    done = have
    while done < n:
        size = min(BATCH, n - done)
        batch = [parse_row(r, seat.context) for r in maker.records(done, size)]
        inserted = insert_batch(seat.store, batch, seat.context)
        done += inserted
        if inserted < size:
            raise RuntimeError(f"only {inserted} of {size} rows were new")
        if done % 100_000 < BATCH:
            rate = (done - have) / (time.perf_counter() - started)
            log(f"  built {done:,} tickets ({rate:,.0f} rows/s)")
    with seat.store.raw_connection() as connection:
        connection.execute("PRAGMA optimize")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


# -- import ratio ----------------------------------------------------------------------------


def raw_rows(tickets: Sequence[NewTicket], context: TicketContext, first_id: int) -> list[tuple[Any, ...]]:
    """The values our path writes, precomputed: raw executemany then only pays for SQLite."""
    days = context.settings.deadline_days_by_type()
    rows = []
    for offset, t in enumerate(tickets):
        v = t.values
        key = t.key()
        accepted = local_date(t.created_at).date()
        local_no = f"S99-{accepted:%Y%m%d}-{first_id + offset:07d}"
        deadline = deadline_for(RequestType(v.request_type), accepted, context.reference.calendar, days)
        created = t.created_at.isoformat(" ")
        ticket = (first_id + offset, key, local_no, None, v.channel, v.request_type, v.caller_name,
                  v.caller_phone, v.anonymous, v.confidential, v.category1, v.category2, v.category3,
                  v.district, v.street, v.address, v.title, v.description, v.urgency,
                  v.handling_unit, deadline.isoformat(), t.status, v.result, t.satisfaction,
                  created, created, "S99", "bench", 1)
        body = index_text(v.title, v.description, v.address, v.caller_name)
        payload = json.dumps(v.to_dict() | {"client_id": key, "local_no": local_no,
                                            "status": t.status, "created_at": created},
                             ensure_ascii=False)
        event = (first_id + offset, created, "S99", "bench", "import", "{}")
        outbox = (str(uuid.uuid4()), key, "create", 0, payload, created)
        rows.append((ticket, (first_id + offset, body), event, outbox))
    return rows


TICKET_SQL = (
    "INSERT INTO tickets (id, client_id, local_no, official_no, channel, request_type, caller_name,"
    " caller_phone, anonymous, confidential, category1, category2, category3, district, street,"
    " address, title, description, urgency, handling_unit, deadline, status, result, satisfaction,"
    " created_at, updated_at, created_seat, created_by, version)"
    " VALUES (" + ", ".join("?" * 29) + ")"
)


def import_ratio(context: TicketContext, scratch: Path) -> dict[str, float]:
    shutil.rmtree(scratch, ignore_errors=True)
    maker = RecordMaker(context, seed=99)
    records = list(maker.records(0, SAMPLE))

    # Ours, whole path: parse_row (validation, normalisation) + insert_batch.
    key = StoreKey.generate()
    ours = scratch_store(scratch / "ours", key)
    start = time.perf_counter()
    prepared: list[NewTicket] = []
    for first in range(0, SAMPLE, BATCH):
        batch = [parse_row(r, context) for r in records[first : first + BATCH]]
        prepared.extend(batch)
        insert_batch(ours, batch, context)
    full_rate = SAMPLE / (time.perf_counter() - start)
    ours.close()

    # Ours, insert only: prepared NewTicket rows into another fresh store.
    ours2 = scratch_store(scratch / "ours2", key)
    start = time.perf_counter()
    for first in range(0, SAMPLE, BATCH):
        insert_batch(ours2, prepared[first : first + BATCH], context)
    insert_rate = SAMPLE / (time.perf_counter() - start)
    ours2.close()

    # Raw: executemany of the same values into a store made by the same migrations, its search
    # index back on FTS5's default merging (inside the commits, as a plain store would have).
    raw_store = scratch_store(scratch / "raw", key)
    values = raw_rows(prepared, context, 1)
    connection = raw_store.raw_connection()
    connection.isolation_level = None
    connection.execute("INSERT INTO ticket_search(ticket_search, rank) VALUES ('automerge', 4)")
    connection.execute("INSERT INTO ticket_search(ticket_search, rank) VALUES ('crisismerge', 16)")
    start = time.perf_counter()
    for first in range(0, SAMPLE, BATCH):
        chunk = values[first : first + BATCH]
        connection.execute("BEGIN")
        connection.executemany(TICKET_SQL, [r[0] for r in chunk])
        connection.executemany("INSERT INTO ticket_search(rowid, body) VALUES (?, ?)", [r[1] for r in chunk])
        connection.executemany(
            "INSERT INTO ticket_events (ticket_id, at, seat, actor, kind, detail) VALUES (?, ?, ?, ?, ?, ?)",
            [r[2] for r in chunk])
        connection.executemany(
            "INSERT INTO outbox (mutation_id, ticket_client_id, kind, base_version, payload, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)", [r[3] for r in chunk])
        connection.execute("COMMIT")
    raw_rate = SAMPLE / (time.perf_counter() - start)
    connection.close()
    raw_store.close()
    shutil.rmtree(scratch, ignore_errors=True)
    return {"full_rate": full_rate, "insert_rate": insert_rate, "raw_rate": raw_rate}


# -- saves -----------------------------------------------------------------------------------


class BackgroundUpkeep:
    """ui.store_upkeep.UpkeepScheduler without Qt, but 8 times as often as the app looks
    (every 0.25 s instead of 2 s): 200 saves take under 2 s, and the figure must include
    saves that meet a checkpoint running beside them. On leaving, it goes on until the store
    needs nothing more, as the desktop does once the agent stops saving."""

    def __init__(self, seat: Seat) -> None:
        self.upkeep = StoreUpkeep(seat.store)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.checkpoints = 0
        self.merge_steps = 0

    def _tick(self) -> bool:
        work = self.upkeep.due()
        if work is None:
            return False
        result = self.upkeep.run(work)
        self.checkpoints += result.checkpoint is not None
        self.merge_steps += result.merge_steps
        return True

    def _loop(self) -> None:
        while not self.stop.wait(INTERVAL_MS / 8000):
            self._tick()

    def __enter__(self) -> BackgroundUpkeep:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()
        while self._tick() or self._tick():  # idle is seen at the second look
            pass


def save_latencies(seat: Seat) -> list[float]:
    maker = RecordMaker(seat.context, seed=4242)
    inputs = []
    for record in maker.records(10**8, SAVES):
        data = {k: v for k, v in record.items() if k not in ("created_at", "status", "satisfaction")}
        inputs.append(TicketInput.from_dict(dict(data)))
    times: list[float] = []
    saved: list[int] = []
    for values in inputs:
        start = time.perf_counter()
        with seat.store.session() as session, session.begin():
            ticket = create_ticket(session, data=values, context=seat.context)
        times.append((time.perf_counter() - start) * 1000)
        saved.append(ticket.id)
    # Take them out again so that a cached store stays at exactly N tickets.
    with seat.store.session() as session, session.begin():
        for ticket_id in saved:
            row = session.execute(text(
                "SELECT title, description, address, caller_name, client_id FROM tickets WHERE id = :id"),
                {"id": ticket_id}).one()
            session.execute(text(
                "INSERT INTO ticket_search(ticket_search, rowid, body) VALUES ('delete', :id, :body)"),
                {"id": ticket_id, "body": index_text(row[0], row[1], row[2], row[3])})
            session.execute(text("DELETE FROM outbox WHERE ticket_client_id = :c"), {"c": row[4]})
            session.execute(text("DELETE FROM ticket_events WHERE ticket_id = :id"), {"id": ticket_id})
            session.execute(text("DELETE FROM tickets WHERE id = :id"), {"id": ticket_id})
    return times


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


# -- filters (SQL only) ----------------------------------------------------------------------


def filter_figures(seat: Seat) -> None:
    """First page + count for the queue's filters, as the model runs them (informative)."""
    from datetime import date

    from app.domain.deadline import DeadlineClock
    from app.tickets import queue
    from app.tickets.queue import QueueFilter, QueueSort

    clock = DeadlineClock(date(2026, 11, 20))
    cases = {
        "none": QueueFilter(clock=clock),
        "status=受理": QueueFilter(statuses=("受理",), clock=clock),
        "overdue": QueueFilter(due="overdue", clock=clock),
        "due_soon": QueueFilter(due="due_soon", clock=clock),
        "district+street": QueueFilter(district="梁园区", street="平原街道", clock=clock),
        "category1": QueueFilter(category1="城乡建设", clock=clock),
        "type+channel": QueueFilter(request_types=("咨询",), channels=("微信",), clock=clock),
        "urgency": QueueFilter(urgencies=("特急",), clock=clock),
        "last 7 days": QueueFilter(created_from=datetime(2026, 11, 13), clock=clock),
        "噪音+status": QueueFilter(search=WORD2, statuses=("受理", "派单"), clock=clock),
        "路灯": QueueFilter(search="路灯", clock=clock),
        "1 char 井": QueueFilter(search="井", clock=clock),
    }
    with seat.store.raw_connection() as connection:
        parts = []
        for name, flt in cases.items():
            page_ms, _ = timed(partial(queue.ids_page, connection, flt, QueueSort(), 0, 200))
            count_ms, total = timed(partial(queue.count, connection, flt))
            parts.append(f"{name} {page_ms:.0f}+{count_ms:.0f} ({total:,})")
    log("filters, first page + count ms (matches): " + "; ".join(parts))


# -- the queue in a view ---------------------------------------------------------------------


def ui_figures(seat: Seat) -> dict[str, float]:
    from PySide6.QtCore import QAbstractTableModel, QEventLoop, QModelIndex, Qt, QThreadPool, QTimer
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView

    from app.desk import Desk
    from app.tickets.queue import QueueFilter, QueueSort
    from ui.queue_model import QueueModel

    app = QApplication.instance() or QApplication([])
    view = QTableView()
    view.resize(1400, 900)
    view.verticalHeader().setDefaultSectionSize(26)
    view.setSortingEnabled(False)
    view.show()
    app.processEvents()

    def paint() -> None:
        view.viewport().repaint()

    def wait_ids(model: QueueModel) -> float:
        """Let the background id load finish (so the next figure is not competing with it)."""
        start = time.perf_counter()
        if not model.is_fully_loaded():
            loop = QEventLoop()
            model.ids_loaded.connect(loop.quit)
            QTimer.singleShot(120_000, loop.quit)
            loop.exec()
            model.ids_loaded.disconnect(loop.quit)
        QThreadPool.globalInstance().waitForDone()
        app.processEvents()
        return (time.perf_counter() - start) * 1000

    figures: dict[str, float] = {}
    # The process's very first paint loads the fonts (CJK glyphs) and styles: an application
    # start-up cost, paid once before any queue opens. Paint a small table of Chinese text first
    # so that open_ms measures the queue; the cold figure is printed too.
    from PySide6.QtGui import QStandardItemModel

    warm = QStandardItemModel(40, 13)
    for r in range(40):
        for c in range(13):
            warm.setData(warm.index(r, c), f"热线工单{r}号楼噪音扰民 2026-03-0{c % 9 + 1} 13812345678")
    view.setModel(warm)
    cold_ms, _ = timed(paint)
    log(f"first paint of the process (fonts, styles; small table): {cold_ms:.1f} ms")

    start = time.perf_counter()
    model = QueueModel(Desk(seat))
    model.set_query(QueueFilter(), QueueSort())
    view.setModel(model)
    paint()
    figures["open_ms"] = (time.perf_counter() - start) * 1000
    shown = model.index(0, QueueModel.COL_TITLE).data()
    log(f"open: {figures['open_ms']:.1f} ms, rows on the first screen={model.rowCount():,} (the count follows in the background), first title={shown!r}")
    figures["ids_loaded_ms"] = figures["open_ms"] + wait_ids(model)
    log(f"all ids in memory after {figures['ids_loaded_ms']:.0f} ms; RSS now {current_rss_mb():.0f} MB")

    # A jump scrolls from the top to rows never shown before (the queue must read them from the
    # store) and paints. Single jumps vary with the machine's load and the disk cache, so the
    # queue and a plain in-memory model jump in alternating rounds: each round's ratio compares
    # both under the same conditions, and the median of the rounds' ratios is the figure. The
    # GUI thread's CPU time is measured beside the wall clock: on a busy machine it leaves out
    # the time other processes held the cores (and the disk waits, which a warm cache has few of).
    total_jumps = JUMP_WARMUP + JUMP_ROUNDS * JUMPS_PER_ROUND
    queue_targets = iter(range(model.rowCount() // 4, model.rowCount(),
                               max(61, model.rowCount() // 2 // total_jumps)))

    def jumps(count: int, targets: Iterator[int]) -> list[tuple[float, float]]:
        """(wall ms, GUI-thread CPU ms) of each jump."""
        gc.collect()
        times = []
        for _ in range(count):
            view.scrollToTop()
            paint()
            target = view.model().index(next(targets), 0)
            start, start_cpu = time.perf_counter(), time.thread_time()
            view.scrollTo(target, QAbstractItemView.ScrollHint.PositionAtCenter)
            paint()
            times.append(((time.perf_counter() - start) * 1000, (time.thread_time() - start_cpu) * 1000))
        return times

    class Plain(QAbstractTableModel):
        def __init__(self, rows: list[tuple[str, ...]]) -> None:
            super().__init__()
            self.rows = rows

        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else 13

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.rows[index.row()][index.column()]
            return None

        def headerData(self, section: int, orientation: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
                return model.headerData(section, orientation, role)
            return None

    # The same texts as the queue shows, copied from its first screens.
    sample = [tuple(str(model.index(r, c).data() or "") for c in range(13)) for r in range(200)]
    plain = Plain([sample[r % 200] for r in range(10_000)])
    plain_targets = iter(range(2500, 10_000, 61))

    def round_of(table: QAbstractTableModel, targets: Iterator[int], count: int) -> list[tuple[float, float]]:
        view.setModel(table)
        paint()
        return jumps(count, targets)

    round_of(model, queue_targets, JUMP_WARMUP)  # first reads of a cold store, first glyphs
    round_of(plain, plain_targets, JUMP_WARMUP)
    queue_jumps: list[tuple[float, float]] = []
    plain_jumps: list[tuple[float, float]] = []
    ratios: list[float] = []
    cpu_ratios: list[float] = []
    for _ in range(JUMP_ROUNDS):
        queue_round = round_of(model, queue_targets, JUMPS_PER_ROUND)
        plain_round = round_of(plain, plain_targets, JUMPS_PER_ROUND)
        queue_jumps += queue_round
        plain_jumps += plain_round
        for clock, per_round in ((0, ratios), (1, cpu_ratios)):
            per_round.append(statistics.median(t[clock] for t in queue_round)
                             / statistics.median(t[clock] for t in plain_round))
    figures["jump_ms"] = statistics.median(t[0] for t in queue_jumps)
    figures["plain_jump_ms"] = statistics.median(t[0] for t in plain_jumps)
    figures["jump_ratio"] = statistics.median(ratios)
    figures["jump_ratio_min"], figures["jump_ratio_max"] = min(ratios), max(ratios)
    figures["jump_cpu_ratio"] = statistics.median(cpu_ratios)

    def spread(times: list[float]) -> str:
        q1, _, q3 = statistics.quantiles(times, n=4)
        return f"median {statistics.median(times):.1f} (IQR {q1:.1f}–{q3:.1f}, max {max(times):.1f})"

    def rounds(values: list[float]) -> str:
        return f"{[round(r, 2) for r in values]} → median {statistics.median(values):.2f}"

    log(f"jump to unseen rows, {JUMP_ROUNDS} alternating rounds of {JUMPS_PER_ROUND} after "
        f"{JUMP_WARMUP} warm-up jumps each: queue {spread([t[0] for t in queue_jumps])} ms, plain 10k "
        f"{spread([t[0] for t in plain_jumps])} ms; ratio per round {rounds(ratios)} "
        f"(min {min(ratios):.2f}, max {max(ratios):.2f})")
    log(f"  the same jumps in GUI-thread CPU time: queue {spread([t[1] for t in queue_jumps])} ms, "
        f"plain 10k {spread([t[1] for t in plain_jumps])} ms; ratio per round {rounds(cpu_ratios)}")
    view.setModel(model)
    view.scrollToTop()
    paint()

    sorts: dict[str, float] = {}
    for name, column, order in (
        ("status", QueueModel.COL_STATUS, Qt.SortOrder.AscendingOrder),
        ("deadline", QueueModel.COL_DEADLINE, Qt.SortOrder.AscendingOrder),
        ("district", QueueModel.COL_DISTRICT, Qt.SortOrder.DescendingOrder),
        ("unit", QueueModel.COL_UNIT, Qt.SortOrder.AscendingOrder),
        ("local_no", QueueModel.COL_LOCAL_NO, Qt.SortOrder.DescendingOrder),
        ("created", QueueModel.COL_CREATED, Qt.SortOrder.AscendingOrder),
    ):
        start = time.perf_counter()
        model.sort(column, order)
        paint()
        sorts[name] = (time.perf_counter() - start) * 1000
        wait_ids(model)
    figures["sort_ms"] = max(sorts.values())
    log("sort (header click → first screen): " + ", ".join(f"{k} {v:.1f}" for k, v in sorts.items()) + " ms")

    for key, word in (("search2_ms", WORD2), ("search4_ms", WORD4)):
        start = time.perf_counter()
        model.set_query(QueueFilter(search=word), QueueSort())
        paint()
        figures[key] = (time.perf_counter() - start) * 1000
        log(f"search {word}: {figures[key]:.1f} ms, {model.rowCount():,} rows shown at first, "
            f"first: {model.index(0, QueueModel.COL_TITLE).data()!r}")
        wait_ids(model)
    log(f"RSS after sorts and searches {current_rss_mb():.0f} MB")
    model.close()
    return figures


# -- main ------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--store", type=Path, help="data dir of the store (reused if it holds N tickets)")
    parser.add_argument("--no-ui", action="store_true", help="skip the queue model figures")
    parser.add_argument("--build-only", action="store_true", help="build the store and stop")
    parser.add_argument("--queue-only", action="store_true",
                        help="only the queue figures (open, jump, sort, search) on an existing store")
    parser.add_argument("--plain", action="store_true", help="an unencrypted store (figures to compare)")
    parser.add_argument("--import-ratio-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    global PLAIN
    PLAIN = args.plain
    if args.import_ratio_only:
        # Run in a child process: its 50,000 rows in memory must not count in the RSS figure.
        shutil.rmtree(OUT / "scratch-seat", ignore_errors=True)  # made fresh: schema of this run
        seat = bench_seat(OUT / "scratch-seat")
        print(json.dumps(import_ratio(seat.context, OUT / "scratch")))
        seat.close()
        return
    n = args.tickets
    data_dir = args.store or OUT / f"store-{n}{'-plain' if PLAIN else ''}"
    if not SHARED_DATA.exists():
        sys.exit(f"real message data not found at {SHARED_DATA}")

    refuse_other_kind(data_dir)
    existing = (data_dir / STORE_FILENAME).exists()
    seat = bench_seat(data_dir)
    log(f"store: {'plain' if PLAIN else 'encrypted (SQLCipher)'}")
    have = ticket_count(seat.store)
    if have > n:
        sys.exit(f"{data_dir} holds {have:,} tickets, more than {n:,}: pass another --store")
    if have == n:
        log(f"reusing {data_dir} with {n:,} tickets")
    else:
        log(f"{'extending' if existing else 'building'} {data_dir}: {have:,} → {n:,} tickets")
        seconds, _ = timed(lambda: build_store(seat, n))
        log(f"built in {seconds / 1000:.0f} s")
    size_mb = sum(p.stat().st_size for p in data_dir.glob(STORE_FILENAME + "*")) / 2**20
    log(f"store file: {size_mb:,.0f} MB")
    if args.build_only:
        return
    if args.queue_only:
        seat.close()
        os.sync()
        seat = bench_seat(data_dir)
        queue_figures = ui_figures(seat)
        seat.close()
        log(" ".join([f"tickets={n}", *(f"{k}={v:.2f}" for k, v in queue_figures.items())]))
        return

    os.sync()  # a store just built is still being written back
    auto = save_latencies(seat)
    log(f"{SAVES} durable saves at {n:,}, SQLite's automatic checkpoints (the CLI tools): "
        f"p50 {statistics.median(auto):.1f} ms, p99 {percentile(auto, 99):.1f} ms, max {max(auto):.1f} ms")
    seat.close()
    # As the desktop saves: no checkpoint in a commit, a background thread every 2 s instead.
    seat = bench_seat(data_dir, background_checkpoints=True)
    with BackgroundUpkeep(seat) as upkeep:
        saves = save_latencies(seat)
    log(f"{SAVES} durable saves at {n:,} as the desktop saves (background upkeep: "
        f"{upkeep.checkpoints} checkpoints, {upkeep.merge_steps} index merge steps): p50 {statistics.median(saves):.1f} ms, "
        f"p99 {percentile(saves, 99):.1f} ms, max {max(saves):.1f} ms")
    log(f"RSS now {current_rss_mb():.0f} MB")
    seat.close()  # the child process measures the import ratio alone on the machine
    child = subprocess.run([sys.executable, __file__, "--import-ratio-only", *(["--plain"] if PLAIN else [])],
                           capture_output=True, text=True, check=True)
    rates = json.loads(child.stdout.strip().splitlines()[-1])
    # The child's 150,000 rows are still being written back by the kernel: let the disk settle
    # so that nothing measured next competes with it.
    os.sync()
    seat = bench_seat(data_dir)
    ratio = rates["full_rate"] / rates["raw_rate"]
    log(f"import of {SAMPLE:,} rows: parse_row+insert_batch {rates['full_rate']:,.0f} rows/s, "
        f"insert_batch alone {rates['insert_rate']:,.0f} rows/s, raw executemany "
        f"{rates['raw_rate']:,.0f} rows/s → ratio {ratio:.2f} (insert only "
        f"{rates['insert_rate'] / rates['raw_rate']:.2f})")

    filter_figures(seat)
    log(f"RSS now {current_rss_mb():.0f} MB")
    figures: dict[str, float] = {}
    if not args.no_ui:
        figures = ui_figures(seat)
    seat.close()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    log(f"peak RSS {rss_mb:.0f} MB")

    def fmt(key: str) -> str:
        value = figures.get(key)
        return "na" if value is None else f"{value:.2f}" if key.startswith("jump_ratio") else f"{value:.1f}"

    final = {"import_ratio": ratio, "save_p99_ms": percentile(saves, 99), "rss_mb": rss_mb,
             **{key: value for key, value in figures.items() if key in {k for k, _, _ in TARGETS}}}
    side_by_side(n, data_dir, final)
    log(" ".join([
        f"tickets={n}", f"encrypted={int(not PLAIN)}", f"import_ratio={ratio:.2f}", f"save_p99_ms={percentile(saves, 99):.1f}",
        f"open_ms={fmt('open_ms')}", f"jump_ms={fmt('jump_ms')}", f"jump_ratio={fmt('jump_ratio')}",
        f"jump_ratio_spread={fmt('jump_ratio_min')}-{fmt('jump_ratio_max')}",
        f"jump_cpu_ratio={fmt('jump_cpu_ratio')}",
        f"sort_ms={fmt('sort_ms')}", f"search2_ms={fmt('search2_ms')}",
        f"search4_ms={fmt('search4_ms')}", f"rss_mb={rss_mb:.0f}",
    ]))


if __name__ == "__main__":
    main()
