"""The tickets of a period, read once in chunks into compact columns (numpy), with their places.

Reading goes through SQLAlchemy Core on the reports' table declarations, so the same code reads
the seat's SQLite store and the center's PostgreSQL. Only what the analysis needs is kept per
ticket (times, caller, district, category, flags, place ids, character pairs); titles and
numbers are fetched again for the few groups that are shown (``fetch_lines``).

Which tickets count: every ticket accepted in the period except voided ones (作废: test calls,
pranks, wrong entries). A ticket merged into another as its duplicate (合并) stays: forty calls
about one plant are forty calls, however the dispatcher filed them.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection, String, and_, case, column, func, select, table
from sqlalchemy.sql.elements import ColumnElement

from app.analysis.features import DESCRIPTION_CHARS, Features, FrozenFeatures, problem_text
from app.analysis.places import AREA, POI, ROAD, PlaceFinder, TextFacts, type_suffix
from app.domain.enums import OPEN_STATUSES, Satisfaction, Urgency
from app.reports.schema import ticket_events
from app.reports.schema import tickets as report_tickets

# The reports' declaration of ``tickets`` plus the caller's number and name, which reports never
# read (tests/core/test_lifecycle_service.py): the analysis needs them to tell callers apart
# (distinct and repeat callers); what it shows of them is masked (hotspots._caller_label).
tickets = table("tickets", *(column(c.name, c.type) for c in report_tickets.c),
                column("caller_name", String), column("caller_phone", String))
T = tickets.c
E = ticket_events.c

CHUNK = 5000
VOIDED, MERGED = "作废", "合并"
_OPEN = tuple(sorted(s.value for s in OPEN_STATUSES))
_URGENT = (Urgency.URGENT.value, Urgency.CRITICAL.value)
_UNSATISFIED = Satisfaction.UNSATISFIED.value
_EPOCH = datetime(1970, 1, 1)

Progress = Callable[[str, int, int], None]


def epoch_seconds(moment: object) -> int:
    """A naive-UTC timestamp (datetime, or ISO text from SQLite) as seconds since 1970."""
    if not isinstance(moment, datetime):
        moment = datetime.fromisoformat(str(moment))
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return int((moment - _EPOCH).total_seconds())


class Labels:
    """Strings ↔ small integer ids (districts, categories, callers, places)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.names: list[str] = []

    def id(self, name: str) -> int:
        if not name:
            return -1
        found = self.ids.get(name)
        if found is None:
            found = self.ids[name] = len(self.names)
            self.names.append(name)
        return found


NO_CALLER = -1  # hash() of a string is never -1 in CPython
KINDS = (POI, ROAD, AREA)


@dataclass
class Corpus:
    """Columns of the period's tickets in reading order (created_at, id), as compact arrays:
    a year of a big city is half a million tickets."""

    ids: array[int] = field(default_factory=lambda: array("q"))
    created: array[int] = field(default_factory=lambda: array("q"))  # seconds since 1970, UTC
    # The caller's number (else name) hashed: only equality matters; NO_CALLER for neither.
    caller: array[int] = field(default_factory=lambda: array("q"))
    district: array[int] = field(default_factory=lambda: array("i"))
    category: array[int] = field(default_factory=lambda: array("i"))
    flags: array[int] = field(default_factory=lambda: array("h"))  # bit set of FLAG_*
    reopened: array[int] = field(default_factory=lambda: array("h"))
    place_ptr: array[int] = field(default_factory=lambda: array("q", [0]))
    place_ids: array[int] = field(default_factory=lambda: array("i"))
    place_primary: array[int] = field(default_factory=lambda: array("b"))  # in the title or address
    place_kinds: array[int] = field(default_factory=lambda: array("b"))  # by key id: KINDS index
    districts: Labels = field(default_factory=Labels)
    categories: Labels = field(default_factory=Labels)
    places: Labels = field(default_factory=Labels)
    features: Features = field(default_factory=Features)
    # Title and address of each history row (rows 0 .. len(history_texts) - 1).
    history_texts: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)

    def kind(self, key: int) -> str:
        return KINDS[self.place_kinds[key]]

    def add_known_mentions(self, finder: PlaceFinder, texts: Iterable[tuple[int, str]]) -> None:
        """Add to each period ticket the places it writes without their type word or in a way
        jieba did not cut out (鑫源建筑 for 鑫源建筑公司), from the places the period's own tickets
        named at least twice: a list of names made from the data, not written by hand.

        ``texts``: (ticket id, title and address) of the period's tickets in reading order, read
        again rather than kept (half a million strings); a ticket saved or removed in between
        is passed over."""
        counts = np.bincount(np.frombuffer(self.place_ids, dtype=np.int32), minlength=len(self.places.names))
        terms: dict[str, int] = {}
        ambiguous: set[str] = set()
        for key in np.nonzero(counts >= 2)[0].tolist():
            name = self.places.names[key]
            suffix = type_suffix(name)
            for term in {name, name[: -len(suffix)] if suffix else name}:
                # A word of the dictionary (公交车, 公积金) is said of many things, not one place.
                if (len(term) >= 3 and not finder.is_common_word(term)
                        and terms.setdefault(term, key) != key):
                    ambiguous.add(term)
        by_head: dict[str, list[tuple[str, int]]] = {}
        for term, key in terms.items():
            if term not in ambiguous:
                by_head.setdefault(term[:2], []).append((term, key))
        found: dict[int, list[int]] = {}
        row = len(self.history_texts)
        for ticket_id, text in texts:
            while row < len(self.ids) and self.ids[row] != ticket_id:
                row += 1  # read the first time, gone since
            if row == len(self.ids):
                break
            have = self.place_ids[self.place_ptr[row] : self.place_ptr[row + 1]]
            keys: list[int] = []
            for i in range(len(text) - 2):
                for term, key in by_head.get(text[i : i + 2], ()):
                    if key not in keys and key not in have and text.startswith(term, i):
                        keys.append(key)
            if keys:
                found[row] = keys
            row += 1
        if not found:
            return
        ptr, ids, primary = array("q", [0]), array("i"), array("b")
        for row in range(len(self.ids)):
            start, stop = self.place_ptr[row], self.place_ptr[row + 1]
            ids.extend(self.place_ids[start:stop])
            primary.extend(self.place_primary[start:stop])
            for key in found.get(row, ()):
                ids.append(key)
                primary.append(1)
            ptr.append(len(ids))
        self.place_ptr, self.place_ids, self.place_primary = ptr, ids, primary

    def history_mentioning(self, keys: set[str]) -> dict[str, list[int]]:
        """For each of ``keys``, the history rows whose title or address writes it (a place's
        baseline): one pass over the history, looking keys up by their first two characters."""
        by_head: dict[str, list[str]] = {}
        for key in keys:
            by_head.setdefault(key[:2], []).append(key)
        out: dict[str, list[int]] = {key: [] for key in keys}
        for row, text in enumerate(self.history_texts):
            for i in range(len(text) - 1):
                for key in by_head.get(text[i : i + 2], ()):
                    if text.startswith(key, i) and (not out[key] or out[key][-1] != row):
                        out[key].append(row)
        return out

    def arrays(self) -> CorpusArrays:
        return CorpusArrays(
            ids=np.frombuffer(self.ids, dtype=np.int64),
            created=np.frombuffer(self.created, dtype=np.int64),
            caller=np.frombuffer(self.caller, dtype=np.int64),
            district=np.frombuffer(self.district, dtype=np.int32),
            category=np.frombuffer(self.category, dtype=np.int32),
            flags=np.frombuffer(self.flags, dtype=np.int16),
            reopened=np.frombuffer(self.reopened, dtype=np.int16),
            place_ptr=np.frombuffer(self.place_ptr, dtype=np.int64),
            place_ids=np.frombuffer(self.place_ids, dtype=np.int32).copy(),
            place_primary=np.frombuffer(self.place_primary, dtype=np.int8).astype(np.bool_),
            features=self.features.freeze(),
        )


FLAG_URGENT, FLAG_OPEN, FLAG_UNSATISFIED, FLAG_ESCALATED, FLAG_MERGED, FLAG_CONFIDENTIAL = (
    1, 2, 4, 8, 16, 32
)


@dataclass(frozen=True)
class CorpusArrays:
    ids: npt.NDArray[np.int64]
    created: npt.NDArray[np.int64]
    caller: npt.NDArray[np.int64]
    district: npt.NDArray[np.int32]
    category: npt.NDArray[np.int32]
    flags: npt.NDArray[np.int16]
    reopened: npt.NDArray[np.int16]
    place_ptr: npt.NDArray[np.int64]
    place_ids: npt.NDArray[np.int32]
    place_primary: npt.NDArray[np.bool_]
    features: FrozenFeatures
    # Each place key id's joined place id (hotspots._canonical); empty before joining.
    place_root: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, dtype=np.int32))

    def flag(self, bit: int) -> npt.NDArray[np.bool_]:
        return (self.flags & bit) != 0  # type: ignore[no-any-return]

    def places_of(self, row: int) -> npt.NDArray[np.int32]:
        return self.place_ids[self.place_ptr[row] : self.place_ptr[row + 1]]


def _columns(*, history: bool) -> list[ColumnElement[Any]]:
    common: list[ColumnElement[Any]] = [T.id, T.created_at, T.title, T.address, T.district, T.street, T.category1,
              T.category2, T.caller_phone, T.caller_name]
    if history:
        return common
    merged = select(E.ticket_id).where(E.kind == MERGED)
    return [
        *common, func.substr(T.description, 1, DESCRIPTION_CHARS * 2).label("head"),
        T.confidential, T.urgency, T.status, T.satisfaction, T.reopen_count, T.escalation_level,
        case((T.id.in_(merged), 1), else_=0).label("merged"),
    ]


def _where(start: datetime, stop: datetime) -> ColumnElement[bool]:
    voided = select(E.ticket_id).where(E.kind == VOIDED)
    return and_(T.created_at >= start, T.created_at < stop, T.id.not_in(voided))


def count_tickets(conn: Connection, start: datetime, stop: datetime) -> int:
    return int(conn.execute(select(func.count()).where(_where(start, stop))).scalar_one())


def read_corpus(
    conn: Connection, start: datetime, stop: datetime, finder: PlaceFinder, *,
    corpus: Corpus | None = None, history: bool = False, progress: Progress | None = None,
    total: int = 0,
) -> Corpus:
    """Read tickets accepted in [start, stop) (naive UTC) into ``corpus`` (a new one by default).

    ``history``: rows read only for the warnings' baselines (the weeks before the period): no
    places are looked for (jieba is most of the reading's cost), their title and address are
    kept instead for ``Corpus.history_mentioning``; no character pairs.
    """
    corpus = Corpus() if corpus is None else corpus
    query = select(*_columns(history=history)).where(_where(start, stop)).order_by(T.created_at, T.id)
    result = conn.execution_options(stream_results=True, yield_per=CHUNK).execute(query)
    done = 0
    for rows in result.partitions(CHUNK):
        if history:
            for row in rows:
                _add_history(corpus, row, finder)
            corpus.features.add([""] * len(rows))  # rows stay aligned with the pairs
        else:
            corpus.features.add([_add(corpus, row, finder) for row in rows])
        done += len(rows)
        if progress:
            progress("read", done, total)
    return corpus


def _add_common(corpus: Corpus, row: Any, district: str) -> None:
    (ticket_id, created, _, _, district_field, _, category1, category2, phone, name) = row[:10]
    corpus.ids.append(ticket_id)
    corpus.created.append(epoch_seconds(created))
    identity = phone or name
    corpus.caller.append(hash(identity) if identity else NO_CALLER)
    corpus.district.append(corpus.districts.id(district_field or district))
    corpus.category.append(corpus.categories.id(f"{category1}/{category2}" if category2 else category1))


def _add_history(corpus: Corpus, row: Any, finder: PlaceFinder) -> None:
    text = f"{row[2] or ''} {row[3] or ''}"
    districts = finder.admin_units(text)[0] if not row[4] else ()
    _add_common(corpus, row, districts[0] if districts else "")
    corpus.flags.append(0)
    corpus.reopened.append(0)
    corpus.place_ptr.append(len(corpus.place_ids))
    corpus.history_texts.append(text)


def _add(corpus: Corpus, row: Any, finder: PlaceFinder) -> str:
    """Append one period ticket; return its problem text (for the character pairs)."""
    title, address, district_field, street = row[2] or "", row[3] or "", row[4], row[5]
    head = (row[10] or "").replace("\n", " ")
    facts = finder.find(title)
    if address:
        more = finder.find(address)
        facts = TextFacts(facts.districts + more.districts, facts.places + more.places)
    places = list(facts.places)
    primary = len(places)
    districts = list(facts.districts)
    if not places and head:
        more = finder.find(head)
        places += more.places
        districts += more.districts
    _add_common(corpus, row, districts[0] if districts else "")
    confidential, urgency, status, satisfaction, reopened, escalation, merged = row[11:18]
    flags = (
        (FLAG_URGENT if urgency in _URGENT else 0)
        | (FLAG_OPEN if status in _OPEN else 0)
        | (FLAG_UNSATISFIED if satisfaction == _UNSATISFIED else 0)
        | (FLAG_ESCALATED if escalation else 0)
        | (FLAG_MERGED if merged else 0)
        | (FLAG_CONFIDENTIAL if confidential else 0)
    )
    corpus.flags.append(flags)
    corpus.reopened.append(reopened or 0)
    seen: set[int] = set()
    kinds = corpus.place_kinds
    for position, place in enumerate(places):
        key = corpus.places.id(place.key)
        if key in seen:
            continue
        seen.add(key)
        corpus.place_ids.append(key)
        corpus.place_primary.append(position < primary)
        kind = KINDS.index(place.kind)
        if key == len(kinds):
            kinds.append(kind)
        elif kind < kinds[key]:
            kinds[key] = kind  # the finest kind it was named as (a POI before a road)
    corpus.place_ptr.append(len(corpus.place_ids))
    cut = [p.name for p in places] + districts
    if district_field:
        cut.append(district_field)
    if street:
        cut.append(street)
    return problem_text(title, head, cut)


def read_texts(conn: Connection, start: datetime, stop: datetime) -> Iterator[tuple[int, str]]:
    """(id, title and address) of the tickets accepted in [start, stop), in reading order."""
    query = select(T.id, T.title, T.address).where(_where(start, stop)).order_by(T.created_at, T.id)
    result = conn.execution_options(stream_results=True, yield_per=CHUNK).execute(query)
    for rows in result.partitions(CHUNK):
        for ticket_id, title, address in rows:
            yield ticket_id, f"{title or ''} {address}" if address else title or ""


def fetch_lines(conn: Connection, ids: Sequence[int]) -> dict[int, Any]:
    """Numbers, title, time, status and caller of the given tickets, by id (those shown)."""
    out: dict[int, Any] = {}
    columns = (T.id, T.local_no, T.official_no, T.title, T.created_at, T.status, T.caller_phone,
               T.caller_name)
    id_list = list(ids)
    for start in range(0, len(id_list), 900):
        chunk = id_list[start : start + 900]
        for row in conn.execute(select(*columns).where(T.id.in_(chunk))):
            out[int(row.id)] = row
    return out
