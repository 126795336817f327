"""The sync engine: outbox → push → apply answers → pull → apply changes. Qt-free.

Each step commits its own short transaction in the local store, so a crash at any point
leaves either the old or the new state: unanswered outbox rows are pushed again (the server
replays them), and the cursor moves only with the changes it covers.
"""

import json
import logging
import operator
import uuid
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, delete, exists, func, insert, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.messages import Text
from app.store.db import Store, driver_connection
from app.store.models import (
    OutboxEntry,
    ReferenceItem,
    SyncConflict,
    SyncRejection,
    SyncState,
    Ticket,
    TicketEvent,
)
from app.store.search_text import index_text
from app.sync.client import ApiClient
from app.sync.errors import ResyncRequired
from app.sync.protocol import CALLER_FIELDS, EDITABLE_FIELDS, ChangeType, MutationStatus
from app.ticket_shape import WIRE_FIELDS, from_wire, naive_utc, utc_iso
from app.tickets.service import (
    DEMO_KIND,
    Actor,
    apply_field_changes,
    searchable_text,
    ticket_snapshot,
    utc_now,
)

log = logging.getLogger("app.sync.engine")
# Why a change is waiting or was refused (kept as the rejection's reason; app.messages).
WAITS_WITH_CONFLICT = Text("sync.waits_with_conflict", "这张工单与中心有冲突，此项修改随冲突一起等待处理。")
CENTER_REFUSED = Text("sync.center_refused", "中心拒收了这项修改。")
AFTER_REJECTED = Text("sync.after_rejected", "前一项修改被中心退回，此项修改未提交；请核对后重新修改。")
NO_CONFLICT = Text("sync.no_conflict", "没有找到这张工单的冲突记录，可能已处理。")
ALREADY_AT_CENTER = Text("sync.already_at_center", "这张工单已在中心登记，无需重新提交；请直接修改后保存。")
_SEARCH_FIELDS = ("title", "description", "address", "caller_name")
_DELETE_SEARCH = text("INSERT INTO ticket_search(ticket_search, rowid, body) VALUES ('delete', :id, :body)")
_INSERT_SEARCH = text("INSERT INTO ticket_search(rowid, body) VALUES (:id, :body)")
# Pulled tickets go in through the raw driver connection of the session's transaction, one
# tuple per ticket from its wire form: SQLAlchemy's per-row parameter processing cost as much
# as SQLite's own work.
_INSERT_COLUMNS = WIRE_FIELDS
_insert_order = operator.itemgetter(*_INSERT_COLUMNS)
assert {c.name for c in cast(Table, Ticket.__table__).columns} == {"id", *_INSERT_COLUMNS}
_RAW_INSERT_TICKET = (f"INSERT INTO tickets ({', '.join(_INSERT_COLUMNS)}) "
                      f"VALUES ({', '.join('?' for _ in _INSERT_COLUMNS)})")
_RAW_INSERT_SEARCH = "INSERT INTO ticket_search(rowid, body) VALUES (?, ?)"


@dataclass(frozen=True)
class SyncCounts:
    pending: int
    conflicts: int
    rejected: int


@dataclass(frozen=True)
class SyncReport:
    pushed: int
    pulled: int
    pending: int
    conflicts: int
    rejected: int
    reference_changes: int = 0  # units, categories, holidays… the center changed: rebuild rules

    def line(self) -> str:
        return (f"pushed={self.pushed} pulled={self.pulled} pending={self.pending} "
                f"conflicts={self.conflicts} rejected={self.rejected}")


def get_state(session: Session, key: str, default: str = "") -> str:
    row = session.get(SyncState, key)
    return row.value if row else default


def set_state(session: Session, key: str, value: str) -> None:
    session.execute(sqlite_insert(SyncState).values(key=key, value=value).on_conflict_do_update(
        index_elements=["key"], set_={"value": value}))


def counts(session: Session) -> SyncCounts:
    return SyncCounts(
        pending=session.scalar(select(func.count()).select_from(OutboxEntry)) or 0,
        conflicts=session.scalar(select(func.count()).select_from(SyncConflict)) or 0,
        rejected=session.scalar(select(func.count()).select_from(SyncRejection)
                                .where(SyncRejection.dismissed.is_(False))) or 0,
    )


def _stored(value: Any) -> Any:
    """A column value as SQLAlchemy stores it in SQLite (naive UTC times to the microsecond)."""
    kind = type(value)
    if kind is datetime:
        return value.isoformat(" ", "microseconds")
    return value.isoformat() if kind is date else value


def _insert_values(server: dict[str, Any], local_no: str) -> tuple[Any, ...]:
    """The row of a pulled ticket new to this seat, in ``_INSERT_COLUMNS`` order."""
    row = from_wire(server)
    row["local_no"] = local_no
    if server.get("redacted"):
        row.update(dict.fromkeys(CALLER_FIELDS, ""))
    return tuple(map(_stored, _insert_order(row)))


def _local_snapshot(ticket: Ticket) -> dict[str, Any]:
    return {**ticket_snapshot(ticket), "version": ticket.version, "official_no": ticket.official_no}


def _server_columns(server: dict[str, Any]) -> dict[str, Any]:
    """The local Ticket columns from a server copy; the seat keeps its own local number."""
    row = from_wire(server)
    del row["local_no"]
    if server.get("redacted"):
        for name in CALLER_FIELDS:
            row.pop(name)  # hidden from this user: keep what the seat has
    return row


def _keep_local_phone(row: dict[str, Any], server: dict[str, Any]) -> dict[str, Any]:
    """The center sends numbers masked (revealing is an audited request): a seat that has the
    full number (it took the call) keeps it; a seat that never had it stores the mask."""
    if server.get("phone_masked"):
        row.pop("caller_phone", None)
    return row


class SyncEngine:
    def __init__(self, store: Store, api: ApiClient, *, push_batch: int = 250,
                 pull_limit: int = 2000) -> None:
        self.store = store
        self.api = api
        self.push_batch = push_batch
        self.pull_limit = pull_limit
        self._reference_changes = 0

    # ----------------------------------------------------------------------- counts

    def counts(self) -> SyncCounts:
        with self.store.session() as session:
            return counts(session)

    # ------------------------------------------------------------------------- push

    def _fold_into_conflicts(self, session: Session) -> None:
        """Outbox rows of a ticket in conflict wait inside the conflict, not in the outbox."""
        conflicts = {c.ticket_client_id: c for c in session.scalars(select(SyncConflict))}
        if not conflicts:
            return
        rows = session.scalars(select(OutboxEntry).where(
            OutboxEntry.ticket_client_id.in_(list(conflicts))).order_by(OutboxEntry.id)).all()
        for row in rows:
            conflict = conflicts[row.ticket_client_id]
            conflict.mutations = json.dumps([*json.loads(conflict.mutations), self._entry(row)],
                                            ensure_ascii=False)
            ticket = session.scalar(select(Ticket).where(Ticket.client_id == row.ticket_client_id))
            if ticket is not None:
                conflict.local_copy = json.dumps(_local_snapshot(ticket), ensure_ascii=False, default=str)
            session.delete(row)

    @staticmethod
    def _drop_demo(session: Session) -> None:
        """Demo tickets never leave the seat: rows an earlier version queued for them are dropped
        (looked up from the outbox, which is small, never by scanning the timeline)."""
        demo = (select(Ticket.id).join(TicketEvent, TicketEvent.ticket_id == Ticket.id)
                .where(Ticket.client_id == OutboxEntry.ticket_client_id, TicketEvent.kind == DEMO_KIND))
        session.execute(delete(OutboxEntry).where(exists(demo)))

    @staticmethod
    def _entry(row: OutboxEntry) -> dict[str, Any]:
        return {"mutation_id": row.mutation_id, "kind": row.kind, "base_version": row.base_version,
                "payload": json.loads(row.payload)}

    def _mutations(self, session: Session, rows: list[OutboxEntry]) -> list[dict[str, Any]]:
        who = {e.mutation_id: (e.seat, e.actor) for e in session.execute(select(
            TicketEvent.mutation_id, TicketEvent.seat, TicketEvent.actor).where(
            TicketEvent.mutation_id.in_([r.mutation_id for r in rows])))}
        return [{
            "mutation_id": row.mutation_id, "ticket_client_id": row.ticket_client_id,
            "kind": row.kind, "base_version": row.base_version, "payload": json.loads(row.payload),
            "at": utc_iso(row.created_at), "seat": who.get(row.mutation_id, ("", ""))[0],
            "actor": who.get(row.mutation_id, ("", ""))[1],
        } for row in rows]

    def push(self) -> int:
        """Push every outbox row in batches; returns how many the server applied."""
        pushed = 0
        last_id = 0
        while True:
            with self.store.session() as session, session.begin():
                self._drop_demo(session)
                self._fold_into_conflicts(session)
            with self.store.session() as session:
                rows = list(session.scalars(select(OutboxEntry).where(OutboxEntry.id > last_id)
                                            .order_by(OutboxEntry.id).limit(self.push_batch)))
                if not rows:
                    return pushed
                mutations = self._mutations(session, rows)
            answers = self.api.push(mutations)
            with self.store.session() as session, session.begin():
                pushed += self._apply_answers(session, rows, answers)
            last_id = rows[-1].id

    def _apply_answers(self, session: Session, rows: list[OutboxEntry],
                       answers: list[dict[str, Any]]) -> int:
        by_id = {a["mutation_id"]: a for a in answers}
        client_ids = list({row.ticket_client_id for row in rows})
        # Plain rows for the common case (applied); ORM objects only for the few that need them.
        plain = {r.client_id: r for r in session.execute(select(
            Ticket.id, Ticket.client_id, Ticket.official_no).where(Ticket.client_id.in_(client_ids)))}

        def ticket_of(client_id: str) -> Ticket | None:
            if client_id not in plain:
                return None
            return session.get(Ticket, plain[client_id].id)

        numbered: list[dict[str, Any]] = []
        applied = 0
        versions: dict[str, int] = {}
        failed: dict[str, str] = {}  # ticket client id → reason of the first failure
        answered: list[int] = []
        for row in rows:
            answer = by_id.get(row.mutation_id)
            if answer is None:
                continue  # not answered: stays in the outbox for the next round
            answered.append(row.id)
            status = answer["status"]
            if status == MutationStatus.REPLAYED:
                status = answer.get("original_status") or MutationStatus.APPLIED
            client_id = row.ticket_client_id
            mine = plain.get(client_id)
            if client_id in failed:
                self._reject(session, row, failed[client_id], {})
            elif status == MutationStatus.APPLIED:
                applied += 1
                if mine is not None and answer.get("official_no") and not mine.official_no:
                    numbered.append({"id": mine.id, "official_no": answer["official_no"]})
                if answer.get("version") is not None:
                    versions[client_id] = int(answer["version"])
            elif status == MutationStatus.CONFLICT:
                self._conflict(session, row, ticket_of(client_id), answer)
                failed[client_id] = WAITS_WITH_CONFLICT()
            else:  # rejected or refused
                self._reject(session, row, answer.get("reason") or CENTER_REFUSED(),
                             answer.get("errors") or {})
                ticket = ticket_of(client_id)
                if ticket is not None and answer.get("ticket"):
                    self._overwrite(session, ticket, answer["ticket"])
                failed[client_id] = AFTER_REJECTED()
        session.execute(delete(OutboxEntry).where(OutboxEntry.id.in_(answered)))
        if numbered:
            session.execute(update(Ticket), numbered)
        session.flush()
        conflicted = set(session.scalars(select(SyncConflict.ticket_client_id)))
        # Later outbox rows of a rejected ticket were made on top of the rejected change
        # (those of a ticket in conflict are folded into the conflict at the next push).
        for client_id, reason in failed.items():
            if client_id in conflicted:
                continue
            for row in session.scalars(select(OutboxEntry).where(OutboxEntry.ticket_client_id == client_id)):
                self._reject(session, row, reason, {})
                session.delete(row)
        # A ticket with nothing left to push now stands at the server's version.
        left = set(session.scalars(select(OutboxEntry.ticket_client_id).where(
            OutboxEntry.ticket_client_id.in_(list(versions)))))
        settled = [{"id": plain[c].id, "version": v} for c, v in versions.items()
                   if c not in left and c not in failed and c in plain]
        if settled:
            session.execute(update(Ticket), settled)
        return applied

    def _conflict(self, session: Session, row: OutboxEntry, ticket: Ticket | None,
                  answer: dict[str, Any]) -> None:
        existing = session.scalar(select(SyncConflict).where(
            SyncConflict.ticket_client_id == row.ticket_client_id))
        local = json.dumps(_local_snapshot(ticket), ensure_ascii=False, default=str) if ticket else "{}"
        server = json.dumps(answer.get("ticket") or {}, ensure_ascii=False)
        if existing is None:
            session.add(SyncConflict(
                ticket_client_id=row.ticket_client_id, server_copy=server, local_copy=local,
                mutations=json.dumps([self._entry(row)], ensure_ascii=False),
                reason=answer.get("reason") or "", detected_at=utc_now()))
        else:
            existing.server_copy, existing.local_copy = server, local
            existing.mutations = json.dumps([*json.loads(existing.mutations), self._entry(row)],
                                            ensure_ascii=False)
        log.info("conflict ticket=%s mutation=%s", row.ticket_client_id, row.mutation_id)

    @staticmethod
    def _reject(session: Session, row: OutboxEntry, reason: str, errors: dict[str, str]) -> None:
        session.add(SyncRejection(
            mutation_id=row.mutation_id, ticket_client_id=row.ticket_client_id, kind=row.kind,
            payload=row.payload, reason=reason, errors=json.dumps(errors, ensure_ascii=False),
            rejected_at=utc_now(), dismissed=False))
        log.info("rejected ticket=%s mutation=%s", row.ticket_client_id, row.mutation_id)

    @staticmethod
    def _overwrite(session: Session, ticket: Ticket, server: dict[str, Any]) -> None:
        old_body = searchable_text(ticket)
        for name, value in _keep_local_phone(_server_columns(server), server).items():
            setattr(ticket, name, value)
        session.flush()
        new_body = searchable_text(ticket)
        if new_body != old_body:
            session.execute(_DELETE_SEARCH, {"id": ticket.id, "body": old_body})
            session.execute(_INSERT_SEARCH, {"id": ticket.id, "body": new_body})

    # ------------------------------------------------------------------------- pull

    def pull(self) -> int:
        """Pull every change after the stored cursor; returns the number of tickets taken in."""
        with self.store.session() as session:
            cursor = int(get_state(session, "cursor", "0"))
            full = get_state(session, "full_resync") == "1"
        seen: set[str] | None = set() if full else None
        if full:
            cursor = 0
        pulled = 0
        # The next page is fetched while this one is applied: the server encodes it (in its own
        # process) while SQLite writes here; both release the GIL for most of that time.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as fetcher:
            ahead: Future[dict[str, Any]] | None = None
            while True:
                try:
                    page = ahead.result() if ahead is not None else self.api.pull(cursor, self.pull_limit)
                except ResyncRequired:
                    log.info("cursor too old; full resync")
                    with self.store.session() as session, session.begin():
                        set_state(session, "full_resync", "1")
                        set_state(session, "cursor", "0")
                    cursor, seen, ahead = 0, set(), None
                    continue
                ahead = None
                if page["has_more"]:
                    ahead = fetcher.submit(self.api.pull, int(page["cursor"]), self.pull_limit)
                with self.store.session() as session, session.begin():
                    pulled += self._apply_changes(session, page["changes"], seen)
                    cursor = int(page["cursor"])
                    set_state(session, "cursor", str(cursor))
                if not page["has_more"]:
                    break
        if seen is not None:
            with self.store.session() as session, session.begin():
                self._forget_unseen(session, seen)
                set_state(session, "full_resync", "0")
        return pulled

    @staticmethod
    def _forget_unseen(session: Session, seen: set[str]) -> None:
        """After a full resync: tickets the center no longer has (and nothing local waits on)."""
        busy = set(session.scalars(select(OutboxEntry.ticket_client_id))) | set(
            session.scalars(select(SyncConflict.ticket_client_id)))
        for ticket in session.scalars(select(Ticket).where(Ticket.official_no.is_not(None))).all():
            if ticket.client_id not in seen and ticket.client_id not in busy:
                session.execute(_DELETE_SEARCH, {"id": ticket.id, "body": searchable_text(ticket)})
                session.delete(ticket)

    def _apply_changes(self, session: Session, changes: list[dict[str, Any]],
                       seen: set[str] | None) -> int:
        servers = [c["ticket"] for c in changes if c["type"] == ChangeType.TICKET]
        client_ids = [t["client_id"] for t in servers]
        if seen is not None:
            seen.update(client_ids)
        busy = set(session.scalars(select(OutboxEntry.ticket_client_id).where(
            OutboxEntry.ticket_client_id.in_(client_ids)))) | set(session.scalars(
                select(SyncConflict.ticket_client_id).where(SyncConflict.ticket_client_id.in_(client_ids))))
        local = {r.client_id: r for r in session.execute(select(
            Ticket.id, Ticket.client_id, Ticket.version, Ticket.official_no, Ticket.deadline,
            *(getattr(Ticket, f) for f in _SEARCH_FIELDS)).where(Ticket.client_id.in_(client_ids)))}
        ticket_ids: dict[str, int] = {client_id: r.id for client_id, r in local.items()}
        inserts: list[tuple[dict[str, Any], str]] = []  # (server copy, local number)
        updates: list[dict[str, Any]] = []
        search_updates: list[tuple[int, str, str]] = []
        taken = 0
        for server in servers:
            if server["client_id"] in busy:
                continue  # local changes wait to be pushed; the push will settle it
            mine = local.get(server["client_id"])
            if mine is None:
                inserts.append((server, server["local_no"] or server["official_no"]))
                taken += 1
                continue
            row = _server_columns(server)
            if server["version"] > mine.version or (
                    server["version"] == mine.version and (
                        mine.official_no != server["official_no"] or row["deadline"] != mine.deadline)):
                row["id"] = mine.id
                updates.append(_keep_local_phone(row, server))
                old_body = index_text(*(getattr(mine, f) for f in _SEARCH_FIELDS))
                new_body = index_text(row["title"], row["description"], row["address"],
                                      row.get("caller_name", mine.caller_name))
                if new_body != old_body:
                    search_updates.append((mine.id, old_body, new_body))
            else:
                continue
            taken += 1
        if inserts:
            clashes = set(session.scalars(select(Ticket.local_no).where(
                Ticket.local_no.in_([local_no for _, local_no in inserts]))))
            raw = driver_connection(session)
            # A clash: two seats configured with the same seat id; the official number is unique.
            raw.executemany(_RAW_INSERT_TICKET, [
                _insert_values(server, server["official_no"] if local_no in clashes else local_no)
                for server, local_no in inserts])
            ids = dict(session.execute(select(Ticket.client_id, Ticket.id).where(
                Ticket.client_id.in_([server["client_id"] for server, _ in inserts]))).all())
            # Merged in the background when the seat is idle (app.store.upkeep).
            raw.executemany(_RAW_INSERT_SEARCH, [
                (ids[server["client_id"]], index_text(
                    server["title"], server["description"], server["address"],
                    "" if server.get("redacted") else server["caller_name"]))
                for server, _ in inserts])
            ticket_ids.update(ids)
        if updates:
            session.execute(update(Ticket), updates)
            for ticket_id, old_body, new_body in search_updates:
                session.execute(_DELETE_SEARCH, {"id": ticket_id, "body": old_body})
                session.execute(_INSERT_SEARCH, {"id": ticket_id, "body": new_body})
        self._take_events(session, changes, ticket_ids, busy)
        self._take_tombstones(session, [c["key"] for c in changes if c["type"] == ChangeType.TOMBSTONE])
        self._take_reference(session, [c for c in changes if c["type"] == ChangeType.REFERENCE])
        return taken

    @staticmethod
    def _take_events(session: Session, changes: list[dict[str, Any]], ticket_ids: dict[str, int],
                     busy: set[str]) -> None:
        events = [(c["ticket"]["client_id"], e) for c in changes
                  if c["type"] == ChangeType.TICKET for e in c.get("events") or []]
        if not events:
            return
        known = set(session.scalars(select(TicketEvent.mutation_id).where(
            TicketEvent.mutation_id.in_([e["event_id"] for _, e in events]))))
        rows = [{"ticket_id": ticket_ids[client_id], "at": naive_utc(e["at"]), "seat": e["seat"],
                 "actor": e["actor"], "kind": e["kind"], "mutation_id": e["event_id"],
                 "detail": json.dumps(e["detail"], ensure_ascii=False)}
                for client_id, e in events
                if e["event_id"] not in known and client_id in ticket_ids and client_id not in busy]
        if rows:
            session.execute(insert(cast(Table, TicketEvent.__table__)), rows)

    @staticmethod
    def _take_tombstones(session: Session, client_ids: list[str]) -> None:
        if not client_ids:
            return
        busy = set(session.scalars(select(OutboxEntry.ticket_client_id).where(
            OutboxEntry.ticket_client_id.in_(client_ids))))
        for ticket in session.scalars(select(Ticket).where(Ticket.client_id.in_(client_ids))).all():
            if ticket.client_id in busy:
                continue
            session.execute(_DELETE_SEARCH, {"id": ticket.id, "body": searchable_text(ticket)})
            session.execute(delete(TicketEvent).where(TicketEvent.ticket_id == ticket.id))
            session.execute(delete(SyncConflict).where(SyncConflict.ticket_client_id == ticket.client_id))
            session.delete(ticket)

    def _take_reference(self, session: Session, changes: Iterable[dict[str, Any]]) -> None:
        for change in changes:
            self._reference_changes += 1
            value = json.dumps(change["value"], ensure_ascii=False)
            session.execute(sqlite_insert(ReferenceItem).values(
                kind=change["kind"], key=change["key"], value=value,
            ).on_conflict_do_update(index_elements=["kind", "key"], set_={"value": value}))

    # ------------------------------------------------------------------ both ways

    def sync_once(self) -> SyncReport:
        pushed = self.push()
        pulled = self.pull()
        with self.store.session() as session, session.begin():
            set_state(session, "last_sync_at", utc_iso(utc_now()))
            now = counts(session)
        log.info("sync pushed=%d pulled=%d pending=%d", pushed, pulled, now.pending)
        reference_changes, self._reference_changes = self._reference_changes, 0
        return SyncReport(pushed, pulled, now.pending, now.conflicts, now.rejected, reference_changes)

    # ------------------------------------------------------------- user decisions

    def resolve_conflict(self, client_id: str, values: dict[str, Any], *, actor: Actor) -> None:
        """Settle a conflict: the ticket takes the server copy, then ``values`` (the fields the
        agent keeps from the local copy or merges) are pushed as a new update on top of it."""
        with self.store.session() as session, session.begin():
            conflict = session.scalar(select(SyncConflict).where(SyncConflict.ticket_client_id == client_id))
            ticket = session.scalar(select(Ticket).where(Ticket.client_id == client_id))
            if conflict is None or ticket is None:
                raise LookupError(NO_CONFLICT())
            server = json.loads(conflict.server_copy)
            self._overwrite(session, ticket, server)
            changes = {name: [server[name], values[name]] for name in EDITABLE_FIELDS
                       if name in values and values[name] != server[name]}
            if changes:
                apply_field_changes(session, ticket=ticket, changes=changes, actor=actor)
            session.delete(conflict)

    def resubmit(self, client_id: str) -> None:
        """After a rejected create was fixed locally: send the ticket as new again."""
        with self.store.session() as session, session.begin():
            ticket = session.scalar(select(Ticket).where(Ticket.client_id == client_id))
            if ticket is None or ticket.official_no:
                raise LookupError(ALREADY_AT_CENTER())
            session.execute(update(SyncRejection).where(SyncRejection.ticket_client_id == client_id)
                            .values(dismissed=True))
            session.execute(delete(OutboxEntry).where(OutboxEntry.ticket_client_id == client_id))
            ticket.version = 1
            session.add(OutboxEntry(mutation_id=str(uuid.uuid4()), ticket_client_id=client_id,
                                    kind="create", base_version=0, created_at=utc_now(),
                                    payload=json.dumps(ticket_snapshot(ticket), ensure_ascii=False,
                                                       default=str)))
