"""Push (idempotent batches of mutations) and pull (a commit-ordered change feed).

Ordering: every write transaction ends by taking the row lock of the counter "change_seq"
(``allocate_seqs``) and keeps it until commit, so change numbers are handed out in commit
order: a reader whose snapshot sees number N also sees every number below N. Pull runs in
one snapshot (REPEATABLE READ on PostgreSQL, a read transaction on SQLite) and may advance
the cursor up to the counter's value in that snapshot.
"""

import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.domain.calendar import LOCAL_TZ, deadline_for
from app.domain.enums import RequestType, Status
from app.domain.handoff import HandoffWay, handoff_text
from app.domain.lifecycle import Action
from app.domain.roles import CREATE_ROLES, Role, can_edit_field
from app.domain.ticket import FIELD_LABELS, TicketInput, validate_ticket
from app.messages import Message
from app.reference import ReferenceData
from app.sync.protocol import (
    AGENT_STATE_KIND,
    CALL_KIND,
    CALL_LINK_KIND,
    CALLER_FIELDS,
    EDITABLE_FIELDS,
    EXPORT_KIND,
    HANDOFF_KIND,
    REVEAL_KIND,
    ChangeType,
    MutationStatus,
    mutation_body_hash,
)
from server.audit.service import AuditAction
from server.audit.service import record as record_audit
from server.auth.models import User
from server.calls import service as calls
from server.lifecycle import service as lifecycle
from server.platform.feedback import queue_feedback
from server.reference.models import ReferenceItem
from server.reference.service import deadline_days
from server.sync.models import Counter, MutationRecord, Tombstone
from server.sync.schemas import MutationIn
from server.tickets.models import Ticket, TicketEvent
from server.tickets.service import caller_hidden, event_dict, restrict, ticket_dict, visible

log = logging.getLogger("server.sync")
LOCAL_OFFSET = LOCAL_TZ.utcoffset(None)  # the city's clock: the official number's date


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class ClockWindow:
    """The center's clock rules (issue 11 item 2): a seat's time is kept only when it is not
    ahead of the center by more than ``skew``, not older than ``offline`` (how long a seat may
    work offline), and not before the ticket's last accepted event (the seat acted on that
    state). Official numbers, deadlines and ratings read only times that passed."""

    skew: timedelta = timedelta(minutes=5)
    offline: timedelta = timedelta(days=30)

    def refusal(self, at: datetime | None, now: datetime, what: str) -> str | None:
        if at is None:
            return None
        if at > now + self.skew:
            return (f"{what}（{_local(at)}）比中心时间（{_local(now)}）晚了"
                    f"{_span(at - now)}，超过允许的{_span(self.skew)}：本机时钟可能不准，"
                    "请校准本机时间后重新提交。")
        if at < now - self.offline:
            return (f"{what}（{_local(at)}）早于中心时间{_span(now - at)}，超过离线提交的期限"
                    f"（{_span(self.offline)}）：请核对本机时间；确需补录旧工单请联系管理员。")
        return None


def _local(moment: datetime) -> str:
    return (moment + LOCAL_OFFSET).strftime("%Y-%m-%d %H:%M")


def _span(delta: timedelta) -> str:
    if delta >= timedelta(days=2):
        return f"{delta.days}天"
    if delta >= timedelta(hours=2):
        return f"{int(delta.total_seconds() // 3600)}小时"
    return f"{max(1, int(delta.total_seconds() // 60))}分钟"


class ResyncRequired(Exception):
    """The cursor is older than the tombstones kept: the seat must pull everything again."""


def allocate_seqs(session: Session, count: int) -> list[int]:
    """Take ``count`` change numbers; the counter's row lock is held until commit."""
    if count <= 0:
        return []
    end = session.execute(
        update(Counter).where(Counter.name == "change_seq")
        .values(value=Counter.value + count).returning(Counter.value)
    ).scalar_one()
    return list(range(int(end) - count + 1, int(end) + 1))


def _next_official(session: Session, day: str, count: int) -> list[int]:
    table = cast(Table, Counter.__table__)
    dialect = session.get_bind().dialect.name
    insert_: Any = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = insert_(table).values(name=f"official:{day}", value=count)
    upsert = statement.on_conflict_do_update(
        index_elements=["name"], set_={"value": table.c.value + count}
    ).returning(table.c.value)
    end = int(session.execute(upsert).scalar_one())
    return list(range(end - count + 1, end + 1))


@dataclass
class _Batch:
    user: User
    reference: ReferenceData
    config: dict[str, Any]
    city_prefix: str
    tickets: dict[str, Ticket]
    new: list[Ticket] = field(default_factory=list)
    touched: dict[str, Ticket] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)
    session: Session | None = None
    audits: list[dict[str, Any]] = field(default_factory=list)
    calls: set[str] = field(default_factory=set)  # call records stored by this batch
    window: ClockWindow = field(default_factory=ClockWindow)
    last_at: dict[str, datetime] = field(default_factory=dict)  # latest accepted event per ticket


def _answer(m: MutationIn, status: MutationStatus, **extra: Any) -> dict[str, Any]:
    return {"mutation_id": m.mutation_id, "ticket_client_id": m.ticket_client_id,
            "status": status.value, **extra}


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.astimezone(UTC).replace(tzinfo=None) if parsed.tzinfo else parsed


def _validation_errors(values: TicketInput, batch: _Batch) -> tuple[TicketInput, dict[str, Message]]:
    validation = validate_ticket(values, batch.reference)
    return validation.values, validation.errors


def _create(m: MutationIn, batch: _Batch, now: datetime) -> dict[str, Any]:
    role = Role(batch.user.role)
    if role not in CREATE_ROLES:
        return _answer(m, MutationStatus.REJECTED, reason="承办单位账号不能新建工单；请由座席受理。")
    existing = batch.tickets.get(m.ticket_client_id)
    if existing is not None:
        return _answer(m, MutationStatus.REJECTED, ticket=existing,
                       reason="中心已有这张工单（可能已由其他途径提交），已用中心副本替换本地内容。")
    values, errors = _validation_errors(TicketInput.from_dict(m.payload), batch)
    if errors:
        return _answer(m, MutationStatus.REJECTED, errors=errors,
                       reason="中心校验未通过：" + "；".join(errors.values()))
    created_at = _parse_time(m.payload.get("created_at")) or now
    accepted_on = (created_at + LOCAL_OFFSET).date()
    ticket = Ticket(
        **{name: getattr(values, name) for name in EDITABLE_FIELDS},
        client_id=m.ticket_client_id, official_no="", local_no=str(m.payload.get("local_no", ""))[:32],
        deadline=deadline_for(RequestType(values.request_type), accepted_on,
                              batch.reference.calendar, deadline_days(batch.config)),
        status=Status.ACCEPTED.value, satisfaction="", created_at=created_at, updated_at=now,
        created_seat=(m.seat or str(m.payload.get("created_seat", "")))[:32],
        created_by=(m.actor or str(m.payload.get("created_by", "")))[:50],
        created_user=batch.user.username, version=1, change_seq=0,
        # Bulk-inserted with Core below: column defaults are not applied, so set them here.
        co_units="[]", escalation_level="", extension_reason="", reopen_count=0, merged_into="",
        solved="",
    )
    batch.tickets[ticket.client_id] = ticket
    batch.new.append(ticket)
    batch.touched[ticket.client_id] = ticket
    detail = {k: v for k, v in m.payload.items() if k not in CALLER_FIELDS}
    _event(m, batch, ticket, "create", detail, now)
    return _answer(m, MutationStatus.APPLIED, _ticket=ticket)


def _event(m: MutationIn, batch: _Batch, ticket: Ticket, kind: str, detail: Any, now: datetime) -> None:
    at = m.at or now
    batch.last_at[ticket.client_id] = max(at, batch.last_at.get(ticket.client_id, at))
    batch.events.append({
        "event_id": m.mutation_id, "ticket_client_id": ticket.client_id, "at": at,
        "seat": m.seat[:32], "actor": m.actor[:50], "username": batch.user.username,
        "kind": kind, "detail": json.dumps(detail, ensure_ascii=False, default=str),
    })


def _visible(m: MutationIn, batch: _Batch) -> Ticket | dict[str, Any]:
    """The mutation's ticket if this user may see it, else the answer refusing it."""
    ticket = batch.tickets.get(m.ticket_client_id)
    if ticket is None or not visible(batch.user, ticket):
        if ticket is not None:  # another unit's ticket: a refused access
            batch.audits.append({"action": AuditAction.REFUSED, "ticket_client_id": ticket.client_id,
                                 "ticket_no": ticket.official_no, "reason": "处理非本单位的工单",
                                 "detail": {"kind": m.kind, "mutation_id": m.mutation_id}})
        # Another unit's ticket answers as unknown: its existence is not disclosed.
        return _answer(m, MutationStatus.REJECTED,
                       reason="中心没有这张工单，或您无权处理它；请先同步，或联系派单员。")
    return ticket


def _existing(m: MutationIn, batch: _Batch) -> Ticket | dict[str, Any]:
    found = _visible(m, batch)
    if isinstance(found, dict):
        return found
    ticket = found
    if m.base_version != ticket.version:
        return _answer(m, MutationStatus.CONFLICT, ticket=ticket,
                       reason=f"这张工单已被他人修改（中心版本{ticket.version}，本地基于版本"
                              f"{m.base_version}），请对照中心内容决定保留哪一方。")
    last = batch.last_at.get(ticket.client_id)
    if m.at is not None and last is not None and m.at < last - batch.window.skew:
        # Based on the current version, so done after its last event: the seat's clock is slow.
        return _answer(m, MutationStatus.REJECTED, ticket=ticket,
                       reason=f"操作时间（{_local(m.at)}）早于这张工单在中心的上一次记录"
                              f"（{_local(last)}）：本机时钟可能不准，请校准本机时间后重做此操作。")
    return ticket


def _update(m: MutationIn, batch: _Batch, now: datetime) -> dict[str, Any]:
    found = _existing(m, batch)
    if isinstance(found, dict):
        return found
    ticket = found
    changes = m.payload.get("changes")
    if not isinstance(changes, dict) or not changes:
        return _answer(m, MutationStatus.REJECTED, reason="修改内容为空或格式不对，请重新保存工单。")
    role = Role(batch.user.role)
    new_values: dict[str, object] = {}
    for name, pair in changes.items():
        if name not in EDITABLE_FIELDS or not isinstance(pair, list) or len(pair) != 2:
            return _answer(m, MutationStatus.REJECTED, reason=f"不能修改字段“{name}”。")
        if not can_edit_field(role, name):
            return _answer(m, MutationStatus.REJECTED, ticket=ticket,
                           reason=f"承办单位只能填写办理结果，不能修改“{FIELD_LABELS.get(name, name)}”。")
        new_values[name] = pair[1]
    if ticket.confidential and caller_hidden(batch.user, ticket) and set(new_values) & set(CALLER_FIELDS):
        return _answer(m, MutationStatus.REJECTED, ticket=ticket, reason="保密工单的来电人信息不能由您修改。")
    current = {name: getattr(ticket, name) for name in EDITABLE_FIELDS}
    values, errors = _validation_errors(TicketInput.from_dict({**current, **new_values}), batch)
    if errors:
        return _answer(m, MutationStatus.REJECTED, ticket=ticket, errors=errors,
                       reason="中心校验未通过：" + "；".join(errors.values()))
    for name in new_values:
        setattr(ticket, name, getattr(values, name))
    ticket.version += 1
    ticket.updated_at = now
    batch.touched[ticket.client_id] = ticket
    _event(m, batch, ticket, "update", {"changes": changes}, now)
    return _answer(m, MutationStatus.APPLIED, _ticket=ticket)


def _action(m: MutationIn, batch: _Batch, action: Action, now: datetime) -> dict[str, Any]:
    found = _existing(m, batch)
    if isinstance(found, dict):
        return found
    ticket = found

    def find_ticket(client_id: str) -> Ticket | None:
        main = batch.tickets.get(client_id)
        if main is None and batch.session is not None:
            main = batch.session.scalar(select(Ticket).where(Ticket.client_id == client_id))
        return main if main is not None and visible(batch.user, main) else None

    plan = lifecycle.plan_pushed_action(
        user=batch.user, ticket=ticket, action=action, payload=m.payload, at=m.at or now,
        reference=batch.reference, deadline_days=deadline_days(batch.config), find_ticket=find_ticket)
    if not plan.ok:
        reason = lifecycle.refusal_reason(plan)
        if lifecycle.is_access_refusal(batch.user, action, ticket):
            batch.audits.append({"action": AuditAction.REFUSED, "ticket_client_id": ticket.client_id,
                                 "ticket_no": ticket.official_no, "reason": reason,
                                 "detail": {"kind": action.value, "mutation_id": m.mutation_id}})
        return _answer(m, MutationStatus.REJECTED, ticket=ticket, reason=reason)
    lifecycle.apply_plan(ticket, plan)
    ticket.version += 1
    ticket.updated_at = now
    batch.touched[ticket.client_id] = ticket
    _event(m, batch, ticket, action.value, plan.detail, now)
    return _answer(m, MutationStatus.APPLIED, _ticket=ticket)


def _handoff(m: MutationIn, batch: _Batch, now: datetime) -> dict[str, Any]:
    """The caller of a ticket was handed off (已转119): a timeline line, no field changed, so
    it is not checked against the ticket's version (an edit elsewhere does not undo a transfer)."""
    found = _visible(m, batch)
    if isinstance(found, dict):
        return found
    if Role(batch.user.role) not in CREATE_ROLES:
        return _answer(m, MutationStatus.REJECTED, reason="只有受理来电的座席能记录转接。")
    service = str(m.payload["service"])
    batch.touched[found.client_id] = found  # a new change number: seats pull the line
    _event(m, batch, found, HANDOFF_KIND, {"service": service, "text": handoff_text(service),
                                           "way": m.payload.get("way", HandoffWay.MANUAL.value)}, now)
    return _answer(m, MutationStatus.APPLIED, _ticket=found)


def _export(m: MutationIn, batch: _Batch, now: datetime) -> dict[str, Any]:
    """A seat reports an export: an audit row (who, when, how many rows, which filter)."""
    batch.audits.append({"action": AuditAction.EXPORT, "at": m.at or now, "reason": "",
                         "detail": {k: m.payload.get(k) for k in ("rows", "format", "filter",
                                                                  "confidential", "seat")}})
    return _answer(m, MutationStatus.APPLIED)


def _reveal_report(m: MutationIn, batch: _Batch, now: datetime) -> dict[str, Any]:
    """A seat showed a caller's number offline (a ticket it took itself): audited like a reveal."""
    ticket = batch.tickets.get(str(m.payload.get("ticket", "")))
    batch.audits.append({"action": AuditAction.REVEAL, "at": m.at or now,
                         "reason": str(m.payload.get("reason", ""))[:200],
                         "ticket_client_id": str(m.payload.get("ticket", ""))[:36],
                         "ticket_no": ticket.official_no if ticket else "",
                         "detail": {"offline": True, "seat": m.payload.get("seat")}})
    return _answer(m, MutationStatus.APPLIED)


def _call(m: MutationIn, batch: _Batch, now: datetime) -> dict[str, Any]:
    """A seat's call record, a ticket linked to one, or its agent's state (server.calls.service)."""
    assert batch.session is not None
    try:
        if m.kind == AGENT_STATE_KIND:
            calls.record_seat_state(batch.session, user=batch.user, payload=m.payload, now=now)
        elif m.kind == CALL_KIND:
            calls.record_call(batch.session, user=batch.user, client_id=m.ticket_client_id,
                              payload=m.payload, pending=batch.calls, now=now)
        else:
            calls.link_ticket(batch.session, user=batch.user, payload=m.payload, pending=batch.calls)
    except calls.CallRefused as refused:
        return _answer(m, MutationStatus.REJECTED, reason=str(refused))
    return _answer(m, MutationStatus.APPLIED)


def push(
    session: Session, *, user: User, mutations: list[MutationIn], reference: ReferenceData,
    config: dict[str, Any], city_prefix: str, window: ClockWindow | None = None,
) -> list[dict[str, Any]]:
    """Answer each mutation; the caller commits (and retries the batch on a unique clash)."""
    now = utc_now()
    valid = [m for m in mutations if not m.invalid]  # the others never reach the database
    ids = list({m.mutation_id for m in valid})
    records = {r.mutation_id: r for r in session.scalars(
        select(MutationRecord).where(MutationRecord.mutation_id.in_(ids)))}
    client_ids = sorted({m.ticket_client_id for m in valid}
                        | {str(m.payload.get("ticket", "")) for m in valid if m.kind == REVEAL_KIND})
    tickets = {t.client_id: t for t in session.scalars(
        select(Ticket).where(Ticket.client_id.in_(client_ids))
        .order_by(Ticket.client_id).with_for_update())}
    batch = _Batch(user, reference, config, city_prefix, tickets, session=session,
                   window=window or ClockWindow())
    if tickets:
        batch.last_at.update((client_id, at) for client_id, at in session.execute(
            select(TicketEvent.ticket_client_id, func.max(TicketEvent.at))
            .where(TicketEvent.ticket_client_id.in_(list(tickets)))
            .group_by(TicketEvent.ticket_client_id)).tuples())
    answers: list[dict[str, Any]] = []
    fresh: dict[str, tuple[str, dict[str, Any]]] = {}
    for m in mutations:
        if m.invalid:  # refused by its wire schema: answered alone, never recorded
            answers.append(_answer(m, MutationStatus.REJECTED, reason=m.invalid))
            continue
        digest = mutation_body_hash(m.ticket_client_id, m.kind, m.base_version, m.payload)
        first: dict[str, Any] | None = None
        first_digest = ""
        if m.mutation_id in records:
            first_digest = records[m.mutation_id].body_hash
            first = json.loads(records[m.mutation_id].answer)
        elif m.mutation_id in fresh:
            first_digest, first = fresh[m.mutation_id]
        if first is not None:
            if first_digest == digest:
                answers.append({**first, "status": MutationStatus.REPLAYED.value,
                                "original_status": first["status"]})
            else:
                answers.append(_answer(m, MutationStatus.REFUSED,
                                       reason="同一变更编号已用于不同内容，已拒收；请联系管理员检查本机数据。"))
            continue
        refusal = batch.window.refusal(m.at, now, "操作时间") or (
            batch.window.refusal(_parse_time(m.payload.get("created_at")), now, "受理时间")
            if m.kind == "create" else None)
        if refusal:
            answer = _answer(m, MutationStatus.REJECTED, reason=refusal)
        elif m.kind == "create":
            answer = _create(m, batch, now)
        elif m.kind == "update":
            answer = _update(m, batch, now)
        elif m.kind in Action._value2member_map_:
            answer = _action(m, batch, Action(m.kind), now)
        elif m.kind == HANDOFF_KIND:
            answer = _handoff(m, batch, now)
        elif m.kind == EXPORT_KIND:
            answer = _export(m, batch, now)
        elif m.kind == REVEAL_KIND:
            answer = _reveal_report(m, batch, now)
        elif m.kind in (CALL_KIND, CALL_LINK_KIND, AGENT_STATE_KIND):
            answer = _call(m, batch, now)
        else:
            answer = _answer(m, MutationStatus.REJECTED, reason=f"未知的变更类型“{m.kind}”，请升级客户端。")
        fresh[m.mutation_id] = (digest, answer)
        answers.append(answer)

    # Numbers last, so that the counter locks are held for the shortest time.
    seqs = allocate_seqs(session, len(batch.touched))
    for ticket, seq in zip(batch.touched.values(), seqs, strict=True):
        ticket.change_seq = seq
    by_day: dict[str, list[Ticket]] = {}
    for ticket in batch.new:
        by_day.setdefault((ticket.created_at + LOCAL_OFFSET).strftime("%Y%m%d"), []).append(ticket)
    for day, day_tickets in sorted(by_day.items()):
        for ticket, number in zip(day_tickets, _next_official(session, day, len(day_tickets)), strict=True):
            ticket.official_no = f"{city_prefix}{day}{number:06d}"
    if batch.new:
        columns = [c.key for c in Ticket.__table__.columns if c.key != "id"]
        # Core inserts (executemany) throughout: the ORM's bulk path costs more than the database.
        session.execute(insert(cast(Table, Ticket.__table__)),
                        [{k: getattr(t, k) for k in columns} for t in batch.new])
        new_ids: dict[str, int] = dict(session.execute(select(Ticket.client_id, Ticket.id).where(
            Ticket.client_id.in_([t.client_id for t in batch.new]))).all())
        for ticket in batch.new:
            ticket.id = new_ids[ticket.client_id]
    for event in batch.events:
        event["change_seq"] = batch.touched[event["ticket_client_id"]].change_seq
    if batch.events:
        session.execute(insert(cast(Table, TicketEvent.__table__)), batch.events)
        # A ticket received from a parent center: its news goes back up (same transaction).
        queue_feedback(session, batch.touched, batch.events, now)
    session.flush()

    final: list[dict[str, Any]] = []
    records_out: list[dict[str, Any]] = []
    for answer in answers:
        ticket = answer.pop("_ticket", None)
        if ticket is not None:
            answer.update(version=ticket.version, official_no=ticket.official_no)
        copy = answer.get("ticket")
        if isinstance(copy, Ticket):
            answer["ticket"] = ticket_dict(copy, user)
        final.append(answer)
    for mutation_id, (digest, answer) in fresh.items():
        records_out.append({"mutation_id": mutation_id, "body_hash": digest, "username": user.username,
                            "answer": json.dumps(answer, ensure_ascii=False, default=str),
                            "received_at": now})
    if records_out:
        session.execute(insert(cast(Table, MutationRecord.__table__)), records_out)
    for audit in batch.audits:
        record_audit(session, username=user.username, role=user.role, **audit)
    applied = sum(a["status"] == MutationStatus.APPLIED for a in final)
    log.info("push user_id=%s mutations=%d applied=%d", user.id, len(mutations), applied)
    return final


def delete_ticket(session: Session, *, ticket: Ticket) -> None:
    """Delete a ticket and leave a tombstone that seats pull."""
    (seq,) = allocate_seqs(session, 1)
    session.add(Tombstone(change_seq=seq, entity="ticket", key=ticket.client_id,
                          handling_unit=ticket.handling_unit, deleted_at=utc_now()))
    session.execute(delete(TicketEvent).where(TicketEvent.ticket_client_id == ticket.client_id))
    session.delete(ticket)


def purge_tombstones(session: Session, *, older_than: datetime) -> int:
    """Forget old tombstones; cursors older than the newest forgotten one must resync fully."""
    rows = session.execute(
        delete(Tombstone).where(Tombstone.deleted_at < older_than).returning(Tombstone.change_seq)
    ).scalars().all()
    if rows:
        session.execute(update(Counter).where(Counter.name == "purged_seq", Counter.value < max(rows))
                        .values(value=max(rows)))
    return len(rows)


def pull(session: Session, *, user: User, cursor: int, limit: int) -> dict[str, Any]:
    """Changes after ``cursor``, in change order; run in one snapshot."""
    counters = dict(session.execute(select(Counter.name, Counter.value).where(
        Counter.name.in_(["change_seq", "purged_seq"]))).all())
    if 0 < cursor < counters.get("purged_seq", 0):
        raise ResyncRequired()
    # Plain rows, not ORM objects: a page is read once and turned into JSON (ticket_dict and
    # event_dict only read attributes, which rows have too).
    tickets = session.execute(restrict(select(*cast(Table, Ticket.__table__).columns), user)
                              .where(Ticket.change_seq > cursor)
                              .order_by(Ticket.change_seq).limit(limit + 1)).all()
    tomb_query = select(Tombstone.change_seq, Tombstone.key).where(Tombstone.change_seq > cursor)
    if user.role == Role.UNIT.value:
        tomb_query = tomb_query.where(Tombstone.handling_unit == user.unit)
    tombstones = session.execute(tomb_query.order_by(Tombstone.change_seq).limit(limit + 1)).all()
    references = session.execute(select(ReferenceItem.change_seq, ReferenceItem.kind, ReferenceItem.key,
                                        ReferenceItem.value)
                                 .where(ReferenceItem.change_seq > cursor)
                                 .order_by(ReferenceItem.change_seq).limit(limit + 1)).all()
    merged: list[tuple[int, ChangeType, Any]] = [(t.change_seq, ChangeType.TICKET, t) for t in tickets]
    if tombstones or references:
        merged += [(t.change_seq, ChangeType.TOMBSTONE, t) for t in tombstones]
        merged += [(r.change_seq, ChangeType.REFERENCE, r) for r in references]
        merged.sort(key=lambda triple: triple[0])
    has_more = len(merged) > limit
    merged = merged[:limit]
    page_tickets = [t for _, kind, t in merged if kind is ChangeType.TICKET]
    events: dict[str, list[Any]] = {}
    if page_tickets:
        event_table = cast(Table, TicketEvent.__table__)
        for event in session.execute(select(*event_table.columns).where(
                TicketEvent.ticket_client_id.in_([t.client_id for t in page_tickets]),
                TicketEvent.change_seq > cursor).order_by(TicketEvent.id)):
            events.setdefault(event.ticket_client_id, []).append(event)
    changes: list[dict[str, Any]] = []
    none = {"ticket": None, "events": None, "kind": None, "key": None, "value": None}
    for seq, kind, item in merged:
        if kind is ChangeType.TICKET:
            hide = caller_hidden(user, item)
            changes.append({**none, "seq": seq, "type": kind.value, "ticket": ticket_dict(item, user),
                            "events": [event_dict(e, hide) for e in events.get(item.client_id, ())]})
        elif kind is ChangeType.TOMBSTONE:
            changes.append({**none, "seq": seq, "type": kind.value, "key": item.key})
        else:
            changes.append({**none, "seq": seq, "type": kind.value, "kind": item.kind,
                            "key": item.key, "value": json.loads(item.value)})
    if has_more:
        next_cursor = merged[-1][0]
    else:
        # Every number up to the counter in this snapshot is committed and was looked at.
        next_cursor = max([cursor, int(counters.get("change_seq", 0)), *(s for s, _, _ in merged)])
    return {"changes": changes, "cursor": next_cursor, "has_more": has_more}
