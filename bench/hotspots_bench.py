"""Hot issues and early warnings over a store of N tickets: a week's and a year's analysis.

    .venv/bin/python bench/hotspots_bench.py --tickets 1000000 [--store DIR] [--rebuild]

Builds (once, then reuses) a store of N tickets over two years (2023-01-01 to 2024-12-31) made
from the real messages in ../shared/data/tipdm2020c: each ticket is a real title and the head of
a real description whose masked districts (A市, A3区) and named places are replaced by one of this
city's districts and streets and one of ~20,000 made-up places (estates, roads, schools …,
drawn with a long-tailed popularity), a caller from a pool where a few hundred call often, a
category, a status and a time with the usual weekday and hour pattern. Planted on top: 30 hot
issues (one problem at one place, 20–80 tickets each over weeks) and 6 surges (25 calls about one
place within three hours). Rows go in with raw executemany; the indexes are the migrations' own.

Then, in this process: the week 2024-12-16..22 and the year 2024 through app.analysis.analyze,
each timed from the first query to the report. Prints the top groups and warnings found, how many
planted issues and surges were found, each run's CPU time, and last ``week_s=… year_s=… rss_mb=…``
(wall times; peak RSS of the process). Targets: week ≤ 5 s, year ≤ 60 s, RSS ≤ 400 MB. Never run from the test suite.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import resource
import shutil
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.analysis.hotspots import analyze  # noqa: E402
from app.analysis.model import HotspotReport  # noqa: E402
from app.analysis.places import default_finder  # noqa: E402
from app.reference import default_reference  # noqa: E402
from app.reports.period import Period  # noqa: E402
from app.reports.sample import TICKET_COLUMNS  # noqa: E402
from app.tickets.service import LOCAL_TZ  # noqa: E402
from bench.bench_keys import open_bench_store  # noqa: E402

SHARED_DATA = ROOT.parent / "shared" / "data" / "tipdm2020c"
START = date(2023, 1, 1)
DAYS = 731
WEEK = Period(date(2024, 12, 16), date(2024, 12, 22))
YEAR = Period(date(2024, 1, 1), date(2024, 12, 31))
TARGETS = {"week_s": 5.0, "year_s": 60.0, "rss_mb": 400.0}

SYLLABLES = ("金", "桂", "华", "锦", "绣", "阳", "光", "翠", "湖", "嘉", "园", "东", "方", "明", "珠",
             "新", "天", "地", "盛", "世", "龙", "凤", "祥", "瑞", "和", "平", "安", "康", "泰", "丰",
             "宏", "达", "信", "义", "文", "博", "雅", "清", "水", "山", "河", "星", "月", "辉", "荣",
             "福", "顺", "兴", "隆", "景", "苑", "林", "枫", "松", "柏", "梅", "兰", "竹", "菊", "荷")
TYPES = ("小区", "花园", "家园", "新村", "公寓", "广场", "中学", "小学", "幼儿园", "医院", "公司",
         "市场", "路", "路", "路", "大道", "街", "村")
CATEGORIES = ("城乡建设", "环境保护", "交通运输", "公共服务", "城市管理", "劳动和社会保障", "教育文体",
              "卫生计生", "商贸旅游", "民政")
PLANTED = (
    ("搅拌站夜间施工噪音扰民", ("附近搅拌站噪音扰民", "旁边的搅拌厂晚上太吵睡不着", "搅拌站半夜施工噪声很大")),
    ("捆绑销售车位", ("开发商捆绑销售车位", "买房必须买车位，捆绑销售", "强制捆绑购买车位")),
    ("停水三天无人处理", ("已经停水三天没人管", "连续停水三天，生活困难", "停水好几天了，何时恢复供水")),
    ("下水道堵塞污水外溢", ("下水道堵了污水漫出来", "污水井返水，臭气熏天", "下水道堵塞污水横流")),
    ("烧烤店油烟扰民", ("楼下烧烤店油烟太大", "烧烤摊油烟熏得没法开窗", "夜宵烧烤油烟和噪音扰民")),
)


def log(message: str) -> None:
    print(message, flush=True)


def load_messages() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for name in ("messages_labeled.csv", "messages_unlabeled.csv", "messages_with_replies.csv"):
        with (SHARED_DATA / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                title = row["留言主题"].strip()
                body = " ".join(row["留言详情"].split())[:300]
                if title and body and title not in seen:
                    seen.add(title)
                    out.append((title[:80], body))
    return out


class Maker:
    """Tickets from real messages with this city's districts and made-up places."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        finder = default_finder()
        reference = default_reference()
        self.streets = [(d, s) for d, streets in reference.districts.items() for s in streets]
        # Each message with what to replace: its admin units and named places.
        self.messages: list[tuple[str, str, list[str]]] = []
        for title, body in load_messages():
            facts = finder.find(f"{title}。{body[:60]}")
            names = [p.name for p in facts.places] + list(facts.districts)
            self.messages.append((title, body, sorted(set(names), key=len, reverse=True)))
        rng = self.rng
        self.places = [
            "".join(rng.sample(SYLLABLES, rng.choice((2, 2, 3)))) + rng.choice(TYPES)
            for _ in range(20_000)
        ]
        # Long-tailed popularity: a few places are named often, most rarely.
        # The most named place gets ~0.1% of the tickets (~500 a year), as a big estate or road.
        self.place_weights = list(itertools.accumulate(1.0 / (rank + 200) for rank in range(len(self.places))))
        self.frequent = [f"1{rng.choice('3589')}{rng.randrange(10**9):09d}" for _ in range(500)]

    def phone(self) -> str:
        rng = self.rng
        if rng.random() < 0.04:
            return rng.choice(self.frequent)
        return f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"

    def moment(self) -> datetime:
        rng = self.rng
        while True:
            day = START + timedelta(days=rng.randrange(DAYS))
            if day.weekday() < 5 or rng.random() < 0.7:  # weekends are quieter
                break
        hour = min(23, max(0, int(rng.gauss(13, 4))))
        return datetime(day.year, day.month, day.day, hour, rng.randrange(60), rng.randrange(60))

    def ticket(self, ticket_id: int, title: str, body: str, place: str, district: str, street: str,
               created: datetime, category: str, phone: str) -> tuple[Any, ...]:
        rng = self.rng
        utc = created.replace(tzinfo=LOCAL_TZ).astimezone(UTC).replace(tzinfo=None)
        stamp = utc.strftime("%Y-%m-%d %H:%M:%S.%f")
        status = rng.choices(("归档", "回访", "办结", "办理", "受理"), (50, 15, 10, 15, 10))[0]
        satisfaction = rng.choice(("满意", "基本满意", "不满意", "")) if status in ("回访", "归档") else ""
        return (
            ticket_id, str(uuid.UUID(int=ticket_id)), f"B-{ticket_id:09d}", None, "电话",
            rng.choice(("投诉", "咨询", "求助", "建议")), rng.choice(("王女士", "李先生", "")),
            phone, False, False, category, "", "", district, street, f"{street}{place}",
            title[:100], body, rng.choices(("一般", "紧急"), (19, 1))[0], "",
            (created.date() + timedelta(days=10)).isoformat(), status, "", satisfaction,
            stamp, stamp, "B01", "bench", 1,
        )

    def ordinary(self, ticket_id: int) -> tuple[Any, ...]:
        rng = self.rng
        title, body, names = rng.choice(self.messages)
        district, street = rng.choice(self.streets)
        place = rng.choices(self.places, cum_weights=self.place_weights)[0]
        for name in names:
            replacement = district if name.endswith(("市", "区", "县")) and len(name) <= 4 else place
            title, body = title.replace(name, replacement), body.replace(name, replacement)
        if place not in title:
            title = f"{district}{place}{title}"
        return self.ticket(ticket_id, title, body, place, district, street, self.moment(),
                           rng.choice(CATEGORIES), self.phone())

    def planted(self, first_id: int) -> tuple[list[tuple[Any, ...]], list[tuple[str, str]]]:
        """Hot issues and surges; returns the rows and (kind, place) of each plant."""
        rng = self.rng
        rows: list[tuple[Any, ...]] = []
        plants: list[tuple[str, str]] = []
        ticket_id = first_id
        for issue in range(30):
            _, phrasings = PLANTED[issue % len(PLANTED)]
            place = f"{rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)}花园"
            district, street = rng.choice(self.streets)
            first = datetime(2024, 1, 1) + timedelta(days=rng.randrange(300))
            for _ in range(rng.randint(20, 80)):
                phrase = rng.choice(phrasings)
                title = rng.choice((f"{district}{place}{phrase}", f"{place}{phrase}", f"反映{place}小区{phrase}"))
                body = f"我是{place}的居民，{phrase}，希望有关部门尽快处理。"
                created = first + timedelta(days=rng.randrange(60), hours=rng.randrange(8, 20))
                rows.append(self.ticket(ticket_id, title, body, place, district, street, created,
                                        "城乡建设", self.phone()))
                ticket_id += 1
            plants.append(("issue", place))
        for surge in range(6):
            place = f"{rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)}路"
            district, street = rng.choice(self.streets)
            moment = datetime(2024, 12, 16 + surge, 8, 0)
            for _ in range(25):
                title = f"{district}{place}自来水管爆裂，路面积水"
                created = moment + timedelta(minutes=rng.randrange(180))
                rows.append(self.ticket(ticket_id, title, f"{place}上自来水管爆了，水漫到路上。",
                                        place, district, street, created, "公共服务", self.phone()))
                ticket_id += 1
            plants.append(("surge", place))
        return rows, plants


def build(store_dir: Path, tickets: int) -> list[tuple[str, str]]:
    started = time.perf_counter()
    maker = Maker(seed=tickets)
    sql = f"INSERT INTO tickets ({', '.join(TICKET_COLUMNS)}) VALUES ({', '.join('?' for _ in TICKET_COLUMNS)})"
    with open_bench_store(store_dir) as store, store.engine.begin() as conn:
        indexes = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name = 'tickets'"
        ).all()
        for name, _ in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        conn.exec_driver_sql("PRAGMA synchronous=OFF")
        planted, plants = maker.planted(1)
        conn.exec_driver_sql(sql, planted)
        next_id = len(planted) + 1
        batch: list[tuple[Any, ...]] = []
        for ticket_id in range(next_id, tickets + 1):
            batch.append(maker.ordinary(ticket_id))
            if len(batch) == 50_000:
                conn.exec_driver_sql(sql, batch)
                batch.clear()
                log(f"  {ticket_id:,} tickets ({time.perf_counter() - started:.0f} s)")
        if batch:
            conn.exec_driver_sql(sql, batch)
        for _, index_sql in indexes:
            conn.exec_driver_sql(index_sql)
        conn.exec_driver_sql("ANALYZE")
    (store_dir / "plants.csv").write_text("\n".join(f"{k},{p}" for k, p in plants), encoding="utf-8")
    log(f"built {tickets:,} tickets in {time.perf_counter() - started:.0f} s")
    return plants


def show(name: str, report: HotspotReport, seconds: float, plants: list[tuple[str, str]]) -> None:
    log(f"{name}: {report.tickets:,} tickets, {report.group_count:,} groups "
        f"({report.grouped_tickets:,} tickets), {len(report.warnings)} warnings in {seconds:.1f} s "
        f"(steps: {report.timings_s})")
    for group in report.groups[:10]:
        log(f"  #{group.rank} {group.heat:>6} {len(group.tickets):>3}件 {group.time_range} {group.description}")
    for warning in report.warnings[:6]:
        log(f"  预警 {warning.cell} {warning.window_label}: {warning.explain()}")
    issues = [p for kind, p in plants if kind == "issue"]
    surges = [p for kind, p in plants if kind == "surge"]
    found_issues = sum(1 for p in issues if any(p in g.description or p in g.place for g in report.groups))
    found_surges = sum(1 for p in surges if any(p in w.cell for w in report.warnings))
    log(f"  planted issues among the top {len(report.groups)}: {found_issues}; planted surges warned: "
        f"{found_surges} of {len(surges)}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--store", type=Path, default=ROOT / "bench" / "out" / "hotspots-1m")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    marker = args.store / f"built-{args.tickets}"
    if args.rebuild or not marker.exists():
        shutil.rmtree(args.store, ignore_errors=True)
        build(args.store, args.tickets)
        marker.touch()
    plants = [tuple(line.split(",", 1)) for line in (args.store / "plants.csv").read_text(encoding="utf-8").splitlines()]
    default_finder()  # jieba's dictionary: loaded once per process, not part of a run
    figures: dict[str, float] = {}
    from app.analysis.model import HotspotOptions

    options = HotspotOptions(top=args.top)
    with open_bench_store(args.store) as store, store.engine.connect() as conn:
        cpu: dict[str, float] = {}
        for name, period in (("week", WEEK), ("year", YEAR)):
            started, used = time.perf_counter(), time.process_time()
            report = analyze(conn, period, options=options, as_of=period.end)
            seconds = time.perf_counter() - started
            figures[f"{name}_s"] = seconds
            cpu[f"{name}_cpu_s"] = time.process_time() - used
            show(f"{name} {period.start}..{period.end}", report, seconds, plants)
    figures["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for key, value in figures.items():
        log(f"{key}: {value:.1f} (target ≤ {TARGETS[key]:g})")
    # CPU time beside the wall time: on a shared machine the difference is the others' load.
    log(" ".join(f"{k}={v:.1f}" for k, v in cpu.items()))
    log(" ".join(f"{k}={v:.1f}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
