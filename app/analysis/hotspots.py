"""Hot issues and early warnings of a period: ``analyze(conn, period) -> HotspotReport``.

    1. read the period's tickets, and the four weeks before it for the warnings' baselines
       (``corpus``), finding each ticket's places (``places``) and problem text (``features``);
    2. join the ways a place is written (``grouping.canonical_places``), link tickets about
       one problem in one place and form groups (``grouping``);
    3. rank the groups by their heat index (``heat``), describe the top ones (``describe``);
    4. list surges (``surges``), repeat callers and long-running unresolved groups.

Qt-free, on any SQLAlchemy connection to a database with the store's ``tickets`` and
``ticket_events`` columns (the seat's SQLite store, the center's PostgreSQL). Long: run it off the
GUI thread and pass ``progress`` to show how far it got.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection

from app.analysis.corpus import (
    FLAG_CONFIDENTIAL,
    FLAG_OPEN,
    FLAG_UNSATISFIED,
    NO_CALLER,
    Corpus,
    CorpusArrays,
    Progress,
    count_tickets,
    epoch_seconds,
    fetch_lines,
    read_corpus,
    read_texts,
)
from app.analysis.describe import describe, people_phrase, problem_phrase
from app.analysis.grouping import (
    Weights,
    canonical_places,
    cohesive,
    compatible,
    components,
    links,
    split_by,
)
from app.analysis.heat import HeatParts, heat_of
from app.analysis.model import (
    HotGroup,
    HotspotOptions,
    HotspotReport,
    RepeatCaller,
    TicketRef,
    Warning,
)
from app.analysis.places import MASKED_DISTRICT, POI, PlaceFinder, default_finder
from app.analysis.surges import SurgeHit, detect
from app.domain.phone import mask_phone
from app.reports.period import Period, local_today
from app.store.db import READER_CACHE_KB
from app.tickets.service import LOCAL_TZ

IntArray = npt.NDArray[np.int64]


def analyze(
    conn: Connection,
    period: Period,
    *,
    options: HotspotOptions | None = None,
    as_of: date | None = None,
    finder: PlaceFinder | None = None,
    progress: Progress | None = None,
) -> HotspotReport:
    """Hot groups, warnings, repeat callers and long-running groups of ``period``."""
    options = options or HotspotOptions()
    finder = finder or default_finder()
    if conn.dialect.name == "sqlite":
        # A reader's page cache (the writer's 64 MB is for saves): the OS caches the file anyway.
        previous = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
        conn.exec_driver_sql(f"PRAGMA cache_size=-{READER_CACHE_KB}")
        try:
            return _analyze(conn, period, options, as_of, finder, progress)
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size={int(previous)}")
    return _analyze(conn, period, options, as_of, finder, progress)


def _analyze(
    conn: Connection, period: Period, options: HotspotOptions, as_of: date | None,
    finder: PlaceFinder, progress: Progress | None,
) -> HotspotReport:
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = round(now - clock, 3)
        clock = now

    start, stop = period.utc_bounds()
    history_start = start - timedelta(days=options.surge.history_days)
    total = count_tickets(conn, history_start, stop)
    corpus = read_corpus(conn, history_start, start, finder, history=True, progress=progress,
                         total=total)
    first_row = len(corpus)
    read_corpus(conn, start, stop, finder, corpus=corpus, progress=_offset(progress, first_row),
                total=total)
    corpus.add_known_mentions(finder, read_texts(conn, start, stop))
    data = _canonical(corpus, corpus.arrays())
    lap("read")

    if progress:
        progress("group", 0, 1)
    weights = Weights(data.features)
    groups = find_groups(data, corpus, first_row, options, weights)
    lap("group")
    period_end = epoch_seconds(stop)
    heats = [(heat_of(rows, data, period_end), rows) for rows in groups]
    heats.sort(key=lambda item: (-item[0].heat, -item[0].tickets, int(item[1][0])))
    long_running = [
        (parts, rows) for parts, rows in heats
        if parts.span_days >= options.long_running_days and _unresolved(rows, data)
    ][: options.list_limit]
    lap("heat")

    if progress:
        progress("warn", 0, 1)
    hits = detect(corpus, data, first_row, epoch_seconds(start), period_end, options.surge)
    callers = _repeat_callers(data, first_row, options.repeat_calls)[: options.list_limit]
    lap("warn")

    wanted: set[int] = set()
    for _, rows in heats[: options.top]:
        wanted.update(data.ids[rows].tolist())
    for _, rows in long_running:
        wanted.update(data.ids[rows[-options.evidence :]].tolist())
    for hit in hits[: options.list_limit]:
        wanted.update(data.ids[hit.rows[: options.evidence]].tolist())
    for rows in callers:
        wanted.update(data.ids[rows[: options.evidence]].tolist())
    lines = fetch_lines(conn, sorted(wanted))
    refs = {ticket_id: _ref(row) for ticket_id, row in lines.items()}
    group_of = np.full(len(data.ids), -1, dtype=np.int64)
    for number, rows in enumerate(groups):
        group_of[rows] = number

    def hot_group(rank: int, parts: HeatParts, rows: IntArray, limit: int | None) -> HotGroup:
        return _hot_group(rank, parts, rows, data, corpus, refs, limit, weights, finder)

    top = tuple(hot_group(i + 1, parts, rows, None) for i, (parts, rows) in enumerate(heats[: options.top]))
    ranks = {id(rows): i + 1 for i, (_, rows) in enumerate(heats)}
    report = HotspotReport(
        period=period,
        tickets=len(corpus) - first_row,
        groups=top,
        group_count=len(groups),
        grouped_tickets=int(sum(len(g) for g in groups)),
        warnings=tuple(
            _warning(hit, data, refs, options.evidence) for hit in hits[: options.list_limit]
        ),
        repeat_callers=tuple(
            RepeatCaller(
                caller=_caller_label(lines[int(data.ids[rows[0]])]),
                calls=len(rows),
                first=local_time(int(data.created[rows[0]])),
                last=local_time(int(data.created[rows[-1]])),
                tickets=tuple(refs[i] for i in data.ids[rows[: options.evidence]].tolist() if i in refs),
                groups=len({int(g) for g in group_of[rows] if g >= 0}),
            )
            for rows in callers
        ),
        long_running=tuple(
            hot_group(ranks[id(rows)], parts, rows, options.evidence) for parts, rows in long_running
        ),
        as_of=as_of or local_today(),
        options=options,
        timings_s=timings,
    )
    lap("describe")
    if progress:
        progress("done", 1, 1)
    return report


def _offset(progress: Progress | None, done_before: int) -> Progress | None:
    if progress is None:
        return None
    return lambda stage, done, total: progress(stage, done + done_before, total)


def _canonical(corpus: Corpus, data: CorpusArrays) -> CorpusArrays:
    """Place ids replaced by the id of the key their place is joined with (which takes the
    finest kind any of its keys was named as)."""
    names = corpus.places.names
    if not names:
        return data
    counts = np.bincount(data.place_ids, minlength=len(names))
    mapping = np.asarray(canonical_places(names, counts.tolist()), dtype=np.int32)
    kinds = corpus.place_kinds
    for key, root in enumerate(mapping.tolist()):
        if root != key and kinds[key] < kinds[root]:
            kinds[root] = kinds[key]
    return replace(data, place_ids=mapping[data.place_ids], place_root=mapping)


def find_groups(
    data: CorpusArrays, corpus: Corpus, first_row: int, options: HotspotOptions, weights: Weights,
) -> list[IntArray]:
    """Groups (row arrays, oldest first) of two or more period tickets about one problem."""
    thresholds = options.thresholds
    size = len(data.ids)
    rows_of_entry = np.repeat(np.arange(size, dtype=np.int64), np.diff(data.place_ptr))
    in_period = rows_of_entry >= first_row
    place_blocks = [
        block for _, rows in split_by(data.place_ids[in_period].astype(np.int64), rows_of_entry[in_period])
        if len(block := np.unique(rows)) >= 2
    ]
    district = data.district

    def same_district(left: IntArray, right: IntArray) -> npt.NDArray[np.bool_]:
        a, b = district[left], district[right]
        return (a < 0) | (b < 0) | (a == b)  # type: ignore[no-any-return]

    def not_two_places(left: IntArray, right: IntArray) -> npt.NDArray[np.bool_]:
        # The same words about two named places are two problems (路灯不亮 on two roads).
        ok = same_district(left, right)
        pair_left, place_left = _entries(data, left)
        pair_right, place_right = _entries(data, right)
        stride = int(data.place_ids.max(initial=0)) + 1
        shared = np.isin(pair_left * stride + place_left, pair_right * stride + place_right)
        meet = np.bincount(pair_left[shared], minlength=len(left)) > 0
        named = (np.bincount(pair_left, minlength=len(left)) > 0) & (
            np.bincount(pair_right, minlength=len(right)) > 0)
        return ok & (meet | ~named)

    rare = max(10, min(thresholds.rare_most, round((size - first_row) * thresholds.rare_share)))
    keys = weights.minhash_keys(first_row, thresholds.minhash_keys, rare)
    rows = np.repeat(np.arange(first_row, size, dtype=np.int64), keys.shape[1])
    flat = keys.ravel()
    rows, flat = rows[flat >= 0], flat[flat >= 0]
    order = np.argsort(flat, kind="stable")
    rows, flat = rows[order], flat[order]
    cuts = np.nonzero(np.diff(flat))[0] + 1
    text_blocks = [b for b in np.split(rows, cuts) if 2 <= len(b) <= thresholds.max_block]

    # A place's block is compared district by district (pairs across two are refused anyway).
    placed = district >= 0
    district_ptr = np.concatenate([[0], np.cumsum(placed)])
    district_values = district[placed].astype(np.int64)
    found = itertools.chain(
        links(weights, place_blocks, thresholds.same_place, same_district, thresholds.max_block,
              lambda block: compatible(block, district_ptr, district_values)),
        links(weights, text_blocks, thresholds.same_text, not_two_places, thresholds.max_block),
    )
    groups = []
    for group in components(size, found):
        kept = cohesive(group, weights, thresholds.cohesion)
        if len(kept) >= thresholds.min_group:
            groups.append(np.sort(kept))
    return groups


def _entries(data: CorpusArrays, rows: IntArray) -> tuple[IntArray, IntArray]:
    """(index into ``rows``, place id) of every place each of ``rows`` names."""
    starts = data.place_ptr[rows]
    lengths = data.place_ptr[rows + 1] - starts
    offsets = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
    at = offsets + np.arange(int(lengths.sum()), dtype=np.int64)
    return np.repeat(np.arange(len(rows), dtype=np.int64), lengths), data.place_ids[at].astype(np.int64)


def _unresolved(rows: IntArray, data: CorpusArrays) -> bool:
    flags = data.flags[rows]
    return bool(((flags & (FLAG_OPEN | FLAG_UNSATISFIED)) != 0).any() or data.reopened[rows].any())


def _repeat_callers(data: CorpusArrays, first_row: int, minimum: int) -> list[IntArray]:
    rows = np.arange(first_row, len(data.ids), dtype=np.int64)
    rows = rows[(data.caller[rows] != NO_CALLER) & ((data.flags[rows] & FLAG_CONFIDENTIAL) == 0)]
    out = [members for _, members in split_by(data.caller[rows], rows) if len(members) >= minimum]
    out.sort(key=lambda r: (-len(r), int(r[0])))
    return out


def _caller_label(line: Any) -> str:
    """A number masked (138****1234); without one, the name (a message board's user) as written."""
    return mask_phone(line.caller_phone) if line.caller_phone else str(line.caller_name or "")


def local_time(moment: object) -> datetime:
    """A stored timestamp (or seconds since 1970) as naive local time."""
    seconds = moment if isinstance(moment, int) else epoch_seconds(moment)
    return datetime.fromtimestamp(seconds, tz=UTC).astimezone(LOCAL_TZ).replace(tzinfo=None)


def _ref(row: object) -> TicketRef:
    r = row
    return TicketRef(
        ticket_id=int(r.id),  # type: ignore[attr-defined]
        local_no=str(r.local_no or ""),  # type: ignore[attr-defined]
        official_no=str(r.official_no or ""),  # type: ignore[attr-defined]
        created_at=local_time(r.created_at),  # type: ignore[attr-defined]
        title=str(r.title or ""),  # type: ignore[attr-defined]
        status=str(r.status or ""),  # type: ignore[attr-defined]
    )


def _warning(hit: SurgeHit, data: CorpusArrays, refs: dict[int, TicketRef], limit: int) -> Warning:
    start = datetime.fromtimestamp(hit.start, tz=UTC).astimezone(LOCAL_TZ).replace(tzinfo=None)
    return Warning(
        level=hit.level, cell=hit.cell, window=hit.window, start=start, count=hit.count,
        expected=hit.expected, p_value=hit.p, history=hit.history,
        tickets=tuple(refs[i] for i in data.ids[hit.rows[:limit]].tolist() if i in refs),
    )


def _hot_group(
    rank: int, parts: HeatParts, rows: IntArray, data: CorpusArrays, corpus: Corpus,
    refs: dict[int, TicketRef], limit: int | None, weights: Weights, finder: PlaceFinder,
) -> HotGroup:
    tickets = [refs[i] for i in data.ids[rows].tolist() if i in refs]
    shown = tuple(tickets if limit is None else tickets[-limit:])
    district_ids = Counter(int(d) for d in data.district[rows].tolist() if d >= 0)
    district = corpus.districts.names[_specific(district_ids, corpus)] if district_ids else ""
    if not district:  # only the city is named (A市 in the public data): say so, as its titles do
        cities = Counter(m.group(0) for t in tickets for m in MASKED_DISTRICT.finditer(t.title))
        district = cities.most_common(1)[0][0] if cities else ""
    place_ids = Counter(k for row in rows.tolist() for k in set(data.places_of(row).tolist()))
    place = ""
    spellings: list[str] = []
    if place_ids:
        names = corpus.places.names
        key = max(place_ids, key=lambda k: (place_ids[k], corpus.kind(k) == POI, len(names[k])))
        # Its most common spelling in the group's titles (丽发新城小区 for the key 丽发新城).
        written = Counter(p.name for t in tickets for p in finder.find(t.title).places
                          if p.key in corpus.places.ids and _root(corpus, data, p.key) == key)
        place = max(written, key=lambda n: (written[n], -len(n))) if written else names[key]
        spellings = [names[k] for k in place_ids] + list(written)
    titles = [t.title for t in tickets]
    typical = _typical_title(rows, weights, titles)
    problem = problem_phrase(typical, spellings + list(corpus.districts.names))
    if not place:
        place = people_phrase(titles)
    return HotGroup(
        rank=rank, heat=parts.heat, parts=parts,
        first=tickets[0].created_at if tickets else local_time(int(data.created[rows[0]])),
        last=tickets[-1].created_at if tickets else local_time(int(data.created[rows[-1]])),
        district=district, place=place, description=describe(district, place, problem),
        tickets=shown, open_tickets=int(((data.flags[rows] & FLAG_OPEN) != 0).sum()),
    )


def _root(corpus: Corpus, data: CorpusArrays, key: str) -> int:
    """The joined place id of a place key (``_canonical``'s mapping, remembered on the arrays)."""
    return int(data.place_root[corpus.places.ids[key]])


def _specific(counts: Counter[int], corpus: Corpus) -> int:
    """The most named district, a county-level one (区/县) before a city (市)."""
    return max(counts, key=lambda d: (not corpus.districts.names[d].endswith("市"), counts[d]))


def _typical_title(rows: IntArray, weights: Weights, titles: list[str]) -> str:
    """The title of the ticket most alike to the rest of its group (shorter when tied)."""
    if not titles:
        return ""
    if len(titles) != len(rows):
        return min(titles, key=len)
    matrix = weights.rows(rows)
    scores = matrix @ np.asarray(matrix.sum(axis=0)).ravel()
    best = max(range(len(titles)), key=lambda i: (round(float(scores[i]), 3), -len(titles[i])))
    return titles[best]
