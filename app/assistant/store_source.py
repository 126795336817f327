"""The assistant over the seat's local store: caller history, recent duplicates, past answers.

The store may hold a million tickets and the app must stay under ~400 MB, so nothing here
loads the whole store: caller history is one query on the ``caller_phone`` index, the duplicate
index covers the last :data:`RECENT_DAYS` days only (about 54,000 tickets at 12,600 a week, with
their text cut to what the signature reads), and "how was this answered before" is a full-text
query over a few key words of the draft, limited. The category model trains on at most
:data:`TRAIN_LIMIT` recent confirmed tickets.

:class:`SidebarEngine.compute` is the one function the sidebar calls per draft (and the one
``bench/assistant_bench.py`` times). It is thread-safe as long as all calls that read or change
the duplicate index run on one worker thread; SQLite connections are per thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

from app.assistant.category import CategoryModel
from app.assistant.knowledge import Answer
from app.assistant.models import DraftInput, PastTicket
from app.assistant.service import PAST_ANSWER_CHARS, Assistant, Suggestions, train_default
from app.assistant.similar import Match, SimilarIndex
from app.assistant.text import normalize
from app.assistant.units import UnitHistory, find_district, keyword_cues
from app.domain.enums import OPEN_STATUS_VALUES
from app.domain.phone import PhoneError, normalize_phone
from app.domain.ticket import TicketInput
from app.paths import private_dir
from app.store.db import Connection, Store
from app.store.search_text import match_query
from app.tickets.service import utc_now

log = logging.getLogger(__name__)

RECENT_DAYS = 30
# Retrain once this many more tickets have a confirmed category than the model was trained on.
RETRAIN_STEP = 500
TRAIN_LIMIT = 20_000
UNLABELED_LIMIT = 5_000
CALLER_LIMIT = 30
PAST_ANSWER_LIMIT = 3
# The duplicate signature reads the first 600 characters; keep no more in memory.
INDEX_TEXT_CHARS = 600
CLOSED_STATUS_VALUES = ("办结", "回访", "归档")
MODEL_FILENAME = "category_model.npz"
# Words that say nothing about the topic, left out of the past-answer query.
_STOP_WORDS = frozenset({"我们", "你们", "他们", "这个", "那个", "一个", "没有", "什么", "怎么", "现在",
                         "已经", "还是", "就是", "可以", "希望", "请问", "反映", "问题", "情况", "相关",
                         "部门", "处理", "解决", "领导", "市民", "来电", "咨询", "投诉", "建议", "你好",
                         "您好", "谢谢", "时候", "因为", "所以", "但是", "如果", "需要", "不能", "一直",
                         "我家", "家里", "几天", "好几天", "晚上", "很大", "快来", "来人", "严重"})

_COLUMNS = ("id, title, description, created_at, caller_phone, address, district, category1, "
            "handling_unit, status, result, confidential")


def _parse_time(value: str | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _row_ticket(row: Sequence[object], *, text_chars: int | None = None,
                result_chars: int | None = None) -> PastTicket:
    (tid, title, description, created, phone, address, district, category, unit, status,
     result, confidential) = row
    desc = str(description or "")
    res = str(result or "")
    return PastTicket(
        id=str(tid), title=str(title or ""),
        description=desc[:text_chars] if text_chars else desc,
        created_at=_parse_time(created),  # type: ignore[arg-type]
        # A confidential ticket never ties its caller to anything: no number in the index.
        caller_phone="" if confidential else str(phone or ""),
        address=str(address or ""), district=str(district or ""), category=str(category or ""),
        unit=str(unit or ""), status=str(status or ""),
        result=res[:result_chars] if result_chars else res,
    )


@dataclass(frozen=True)
class CallerTicket:
    """One earlier ticket of the caller, as the sidebar lists it."""

    ticket: PastTicket
    open: bool
    confidential: bool


class StoreSource:
    """Read-only queries for the assistant; one SQLite connection per thread."""

    def __init__(self, store: Store, *, default_area_code: str = "0370") -> None:
        self._store = store
        self._area = default_area_code
        self._local = threading.local()

    def _db(self) -> Connection:
        conn: Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._store.raw_connection()
        return conn

    def canonical_phone(self, raw: str) -> str:
        """The stored form of a typed number, or "" while it is incomplete."""
        try:
            return normalize_phone(raw, self._area) if raw.strip() else ""
        except PhoneError:
            return ""

    # -- caller history -------------------------------------------------------------------
    def caller_history(self, phone: str, *, limit: int = CALLER_LIMIT,
                       exclude_id: str = "") -> list[CallerTicket]:
        """Every earlier ticket of this number (newest ``limit``), open ones first."""
        if not phone:
            return []
        marks = ", ".join("?" * len(OPEN_STATUS_VALUES))
        sql = (f"SELECT {_COLUMNS} FROM tickets WHERE caller_phone = ? "
               f"ORDER BY status IN ({marks}) DESC, created_at DESC, id DESC LIMIT ?")
        rows = self._db().execute(sql, [phone, *OPEN_STATUS_VALUES, limit + 1]).fetchall()
        out = [CallerTicket(_row_ticket(r, text_chars=200, result_chars=200),
                            open=r[9] in OPEN_STATUS_VALUES, confidential=bool(r[11]))
               for r in rows if str(r[0]) != exclude_id]
        return out[:limit]

    # -- recent tickets for the duplicate index ---------------------------------------------
    def recent(self, since: datetime, *, after_id: int = 0,
               batch: int = 5000) -> Iterator[list[PastTicket]]:
        """Tickets accepted since ``since`` (and with id > ``after_id``), in batches."""
        cur = self._db().execute(
            f"SELECT {_COLUMNS} FROM tickets WHERE created_at >= ? AND id > ? ORDER BY id",
            [since.isoformat(" "), after_id])
        while rows := cur.fetchmany(batch):
            yield [_row_ticket(r, text_chars=INDEX_TEXT_CHARS, result_chars=PAST_ANSWER_CHARS)
                   for r in rows]

    def ticket(self, ticket_id: int) -> PastTicket | None:
        row = self._db().execute(f"SELECT {_COLUMNS} FROM tickets WHERE id = ?",
                                 [ticket_id]).fetchone()
        return _row_ticket(row, text_chars=INDEX_TEXT_CHARS,
                           result_chars=PAST_ANSWER_CHARS) if row else None

    # -- past answers -----------------------------------------------------------------------
    def past_answers(self, terms: Sequence[str], *, limit: int = PAST_ANSWER_LIMIT,
                     scan: int = 300) -> list[Answer]:
        """Completed tickets with a result that contain all of the first terms (newest first).

        Tries the three terms together, then each pair of them (one word alone matches too
        much to be an answer to this draft); each query reads at most ``scan`` matches from the
        newest backwards.
        """
        conn = self._db()
        marks = ", ".join("?" * len(CLOSED_STATUS_VALUES))
        top = list(terms[:3])
        tries = [top] if len(top) == 3 else []
        tries += [[top[i], top[j]] for i, j in ((0, 1), (1, 2), (0, 2)) if j < len(top)]
        for group in tries:
            clauses = [q for t in group if (q := match_query(t))]
            if not clauses:
                continue
            sql = (f"SELECT t.id, t.local_no, t.title, t.result, t.handling_unit FROM "
                   f"(SELECT rowid FROM ticket_search WHERE ticket_search MATCH ? "
                   f"ORDER BY rowid DESC LIMIT ?) s JOIN tickets t ON t.id = s.rowid "
                   f"WHERE t.status IN ({marks}) AND t.result != '' AND t.confidential = 0 "
                   f"ORDER BY t.id DESC LIMIT ?")
            rows = conn.execute(sql, [" AND ".join(clauses), scan, *CLOSED_STATUS_VALUES,
                                      limit]).fetchall()
            if rows:
                words = "、".join(group)
                return [Answer(str(title), str(result)[:PAST_ANSWER_CHARS],
                               f"历史工单 {no}" + (f"（{unit}）" if unit else "")
                               + f"，同含“{words}”", round(len(group) / 3, 3), str(tid))
                        for tid, no, title, result, unit in rows]
        return []

    # -- training data ----------------------------------------------------------------------
    def count_confirmed(self) -> int:
        """Tickets whose category was confirmed (status past 受理, category set)."""
        row = self._db().execute(
            "SELECT count(*) FROM tickets WHERE status != '受理' AND category1 != ''").fetchone()
        return int(row[0])

    def training_pairs(self, limit: int = TRAIN_LIMIT) -> list[tuple[str, str]]:
        rows = self._db().execute(
            "SELECT title, description, category1 FROM tickets "
            "WHERE status != '受理' AND category1 != '' ORDER BY id DESC LIMIT ?", [limit])
        return [(f"{t}。{str(d)[:INDEX_TEXT_CHARS]}", str(c)) for t, d, c in rows]

    def unlabeled_texts(self, limit: int = UNLABELED_LIMIT) -> list[str]:
        rows = self._db().execute(
            "SELECT title, description FROM tickets WHERE status = '受理' ORDER BY id DESC LIMIT ?",
            [limit])
        return [f"{t}。{str(d)[:INDEX_TEXT_CHARS]}" for t, d in rows]

    def max_id(self) -> int:
        return int(self._db().execute("SELECT coalesce(max(id), 0) FROM tickets").fetchone()[0])


def key_terms(text: str, model: CategoryModel | None, k: int = 3) -> list[str]:
    """A few topic words of the draft, rarest first (by the model's IDF where it knows them)."""
    from app.assistant.text import words

    seen: dict[str, float] = {}
    for w in words(normalize(text)[:300]):
        if w in _STOP_WORDS or w.isdigit() or w in seen:
            continue
        idf = 0.0
        if model is not None:
            i = model._index.get("w:" + w)
            idf = float(model.idf[i]) if i is not None else 0.0
        # Unknown words are often names and places: useful, but after the known rare ones.
        seen[w] = idf if idf else 1.0 + 0.1 * len(w)
    return sorted(seen, key=lambda w: -seen[w])[:k]


def draft_from_input(values: TicketInput, now: datetime | None = None) -> DraftInput:
    return DraftInput(
        title=values.title, description=values.description, caller_phone=values.caller_phone,
        caller_name=values.caller_name, address=values.address, district=values.district,
        category=values.category1, request_type=values.request_type,
        confidential=values.confidential, created_at=now,
    )


@dataclass(frozen=True)
class RecentHistory:
    """A duplicate index and routing history built off the GUI thread, ready to install."""

    index: SimilarIndex
    units: UnitHistory
    last_id: int
    since: datetime


@dataclass(frozen=True)
class SidebarResult:
    suggestions: Suggestions
    caller_history: list[CallerTicket]
    similar: list[tuple[Match, PastTicket]]
    past_answers: list[Answer]
    model_ready: bool
    history_ready: bool
    phone: str = ""
    elapsed_ms: float = 0.0
    notes: list[str] = field(default_factory=list)


class SidebarEngine:
    """Everything the sidebar computes, over one seat's store."""

    def __init__(self, source: StoreSource, assistant: Assistant, *,
                 model_path: Path | None = None, recent_days: int = RECENT_DAYS) -> None:
        self.source = source
        self.assistant = assistant
        self.model_path = model_path
        self.recent_days = recent_days
        self.history_ready = False
        self._last_id = 0
        self._lock = threading.Lock()

    @classmethod
    def for_store(cls, store: Store, data_dir: Path, *,
                  default_area_code: str = "0370") -> SidebarEngine:
        return cls(StoreSource(store, default_area_code=default_area_code), Assistant(None),
                   model_path=data_dir / "assistant" / MODEL_FILENAME)

    # -- per draft ---------------------------------------------------------------------------
    def compute(self, draft: DraftInput) -> SidebarResult:
        """All suggestions for one draft. Run off the GUI thread, one call at a time."""
        import time

        t0 = time.perf_counter()
        now = draft.created_at or utc_now()  # the store keeps naive UTC
        phone = self.source.canonical_phone(draft.caller_phone)
        d = replace(draft, caller_phone=phone or draft.caller_phone, created_at=now)
        with self._lock:
            s = self.assistant.suggest(d)
            similar = [(m, self.assistant.index.ticket(m.ticket_id)) for m in s.similar
                       if m.kind != "same_caller"]
        callers = self.source.caller_history(phone)
        caller_ids = {c.ticket.id for c in callers}
        similar = [(m, t) for m, t in similar if t.id not in caller_ids or m.kind == "duplicate"]
        answers = list(s.past_answers)
        text = d.text
        if len(normalize(text)) >= 6 and s.triage.emergency is None:
            seen = {a.ticket_id for a in answers}
            terms = key_terms(text, self.assistant.model)
            answers += [a for a in self.source.past_answers(terms) if a.ticket_id not in seen]
        return SidebarResult(
            suggestions=s, caller_history=callers, similar=similar,
            past_answers=answers[:PAST_ANSWER_LIMIT], model_ready=self.assistant.model is not None,
            history_ready=self.history_ready, phone=phone,
            elapsed_ms=(time.perf_counter() - t0) * 1000)

    # -- start-up and upkeep (each off the GUI thread) -----------------------------------------
    def warm_up(self) -> None:
        """Load the word segmenter now so the first keystroke does not pay for it."""
        key_terms("预热分词词典", None)

    def build_recent(self, now: datetime | None = None) -> RecentHistory:
        """Index the last ``recent_days`` of tickets (does not touch the installed index)."""
        since = (now or utc_now()) - timedelta(days=self.recent_days)
        index, units = SimilarIndex(), UnitHistory()
        last = self.source.max_id()
        for batch in self.source.recent(since):
            for t in batch:
                if int(t.id) > last:
                    continue
                self._remember(index, units, t)
        return RecentHistory(index, units, last, since)

    def _remember(self, index: SimilarIndex, units: UnitHistory, t: PastTicket) -> None:
        if t.id in index:
            return
        index.add(t)
        if t.unit:
            rules = self.assistant.unit_rules
            units.add(category=t.category, district=t.district or find_district(t.text),
                      cues=keyword_cues(t.text, rules), unit=t.unit)

    def install(self, recent: RecentHistory) -> int:
        """Use a built index, then catch up with tickets saved meanwhile; returns its size."""
        with self._lock:
            self.assistant.index = recent.index
            self.assistant.unit_history = recent.units
            self._last_id = recent.last_id
            for batch in self.source.recent(recent.since, after_id=recent.last_id):
                for t in batch:
                    self._remember(recent.index, recent.units, t)
                    self._last_id = max(self._last_id, int(t.id))
            self.history_ready = True
            return len(recent.index)

    def note_saved(self, ticket_id: int) -> None:
        """Add a just-saved ticket to the duplicate index (edits keep the first text)."""
        t = self.source.ticket(ticket_id)
        if t is None:
            return
        with self._lock:
            self._remember(self.assistant.index, self.assistant.unit_history, t)

    def load_model(self) -> CategoryModel:
        """The seat's model file if present and current, else a model trained now (blocking)."""
        confirmed = self.source.count_confirmed()
        path = self.model_path
        if path is not None and path.exists():
            try:
                model = CategoryModel.load(path)
                if self.model_is_current(model, confirmed):
                    return model
                log.info("category model %s is behind the store; retraining", path)
            except (ValueError, OSError, KeyError) as exc:
                log.warning("category model %s unusable (%s); retraining", path, exc)
        return self.train_model(confirmed)

    @staticmethod
    def model_is_current(model: CategoryModel, confirmed: int) -> bool:
        trained_on = int(model.meta.get("confirmed_count", model.meta.get("n_labeled", 0)))
        return confirmed < trained_on + RETRAIN_STEP

    def needs_retrain(self) -> bool:
        model = self.assistant.model
        return model is not None and not self.model_is_current(model,
                                                              self.source.count_confirmed())

    def train_model(self, confirmed: int | None = None) -> CategoryModel:
        confirmed = self.source.count_confirmed() if confirmed is None else confirmed
        pairs = self.source.training_pairs()
        if len({label for _, label in pairs}) < 2:
            pairs = []  # one category cannot train a classifier: the bundled prior alone
        model = train_default(pairs, self.source.unlabeled_texts())
        model.meta["confirmed_count"] = confirmed
        if self.model_path is not None:
            private_dir(self.model_path.parent)  # the seat's assistant/ folder
            model.save(self.model_path)
        return model

    def set_model(self, model: CategoryModel) -> None:
        self.assistant.model = model
