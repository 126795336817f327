"""Links between centers and 转办 down them, exactly once.

The sending center writes the transfer (the ticket dispatched to the linked platform, its
timeline event and an outbox row) in one transaction. ``deliver_due`` sends what is due over
each link (sign-in as the link's service account there, POST /api/v1/platform/receive) and
keeps a row until it is answered: a lost answer is retried with backoff under the same
mutation id, which the receiving center answers as ``replayed`` (sync's own mutation log), so
nothing is created twice. The receiving center creates the ticket through sync's push (the
same validation and numbering as a seat's), on the link's channel, with the origin's number
kept beside its own and the deadline as the origin gave it. A transfer the receiving center
refuses returns to the origin's dispatcher (退单, with the reason).
"""

import json
import logging
import os
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import requests
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain.enums import Channel, Status
from app.domain.rules import TicketState, return_to_origin_errors, transfer_errors
from app.sync.protocol import API_PREFIX, EDITABLE_FIELDS, MutationStatus, mutation_body_hash
from server.auth.models import User
from server.db import Database
from server.lifecycle.service import performer_of
from server.platform.feedback import FEEDBACK_KIND, queue_feedback
from server.platform.models import PlatformLink, PlatformOutbox, TransferOrigin
from server.reference.service import current_reference
from server.sync import service as sync_service
from server.sync.models import MutationRecord
from server.sync.schemas import MutationIn
from server.tickets.models import Ticket, TicketEvent
from server.tickets.service import visible

log = logging.getLogger("server.platform")
LINK_KINDS = ("parent", "child")
TRANSFER_KIND = "转办"
RETURNED_KIND = "转办退回"
BACK_KIND = "退回"  # a child sends a received ticket back to its parent
MAX_BACKOFF_SECONDS = 300
BATCH = 100
TIMEOUT = (5.0, 30.0)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class TransferRefused(Exception):
    """A transfer the rules or the link refuse; the message is for the user."""


# ---- links ------------------------------------------------------------------------------------

def add_link(session: Session, *, name: str, kind: str, url: str = "", account: str = "",
             password_env: str = "", peer_account: str = "", channel: str = "") -> PlatformLink:
    name, account, url = name.strip(), account.strip(), url.strip().rstrip("/")
    peer_account = peer_account.strip()
    if not name or len(name) > 64:
        raise ValueError("平台名称不能为空，最多64字。")
    if kind not in LINK_KINDS:
        raise ValueError("链接类型只能是 parent（上级平台）或 child（下级平台）。")
    if url and not url.startswith(("http://", "https://")):
        raise ValueError("平台地址应以 http:// 或 https:// 开头。")
    if kind == "child" and not (url and account and password_env):
        raise ValueError("下级平台需要地址（--url）、我方在其上的服务账号（--account）和存放其密码的"
                         "环境变量名（--password-env）。")
    if kind == "parent" and not peer_account:
        raise ValueError("上级平台需要其在本中心的服务账号（--peer-account）。")
    if kind == "parent" and channel not in Channel._value2member_map_:
        raise ValueError(f"上级平台转来的工单须有受理渠道，如“{Channel.PROVINCIAL.value}”。")
    if bool(url) != bool(account and password_env):
        raise ValueError("向对方发送（转办或反馈）需要地址、服务账号和密码环境变量三者齐全。")
    if session.scalar(select(PlatformLink).where(PlatformLink.name == name)) is not None:
        raise ValueError(f"已有名为“{name}”的平台链接。")
    link = PlatformLink(name=name, kind=kind, url=url, account=account, password_env=password_env,
                        peer_account=peer_account, channel=channel, active=True,
                        created_at=utc_now())
    session.add(link)
    return link


def remove_link(session: Session, *, name: str) -> bool:
    """Deactivate (kept: transfers name it)."""
    result = session.execute(update(PlatformLink).where(PlatformLink.name == name.strip(),
                                                        PlatformLink.active.is_(True))
                             .values(active=False))
    return bool(getattr(result, "rowcount", 0))


def list_links(session: Session) -> list[PlatformLink]:
    return list(session.scalars(select(PlatformLink).order_by(PlatformLink.name)))


def link_dict(link: PlatformLink) -> dict[str, Any]:
    """What an admin sees: never a password (only the variable's name)."""
    return {"name": link.name, "kind": link.kind, "url": link.url, "account": link.account,
            "password_env": link.password_env, "peer_account": link.peer_account,
            "channel": link.channel, "active": link.active}


# ---- sending ----------------------------------------------------------------------------------

def _stamp(session: Session, ticket: Ticket, *, kind: str, username: str, detail: dict[str, Any],
           now: datetime) -> None:
    """A timeline event and a new change number for ``ticket`` (seats pull it)."""
    (seq,) = sync_service.allocate_seqs(session, 1)
    ticket.version += 1
    ticket.updated_at = now
    ticket.change_seq = seq
    encoded = json.dumps(detail, ensure_ascii=False, default=str)
    session.add(TicketEvent(event_id=str(uuid.uuid4()), ticket_client_id=ticket.client_id, at=now,
                            seat="", actor=username[:50], username=username[:64], kind=kind,
                            detail=encoded, change_seq=seq))
    # A ticket that came from a parent: the parent hears of it (and its parent after it).
    queue_feedback(session, {ticket.client_id: ticket},
                   [{"kind": kind, "ticket_client_id": ticket.client_id, "detail": encoded,
                     "at": now}], now)


def transfer(session: Session, *, user: User, ticket_client_id: str, link_name: str,
             note: str = "") -> PlatformOutbox:
    """转办: the ticket is dispatched to the linked platform and queued for delivery."""
    ticket = session.scalar(select(Ticket).where(Ticket.client_id == ticket_client_id)
                            .with_for_update())
    if ticket is None or not visible(user, ticket):
        raise TransferRefused("中心没有这张工单，或您无权处理它。")
    link = session.scalar(select(PlatformLink).where(
        PlatformLink.name == link_name, PlatformLink.kind == "child", PlatformLink.active.is_(True)))
    if link is None:
        raise TransferRefused(f"没有名为“{link_name}”的下级平台链接，请联系管理员。")
    errors = transfer_errors(TicketState.of(ticket), performer_of(user))
    if errors:
        raise TransferRefused("；".join(errors))
    now = utc_now()
    fields: dict[str, Any] = {name: getattr(ticket, name) for name in EDITABLE_FIELDS}
    fields["handling_unit"] = ""  # the receiving center dispatches to its own units
    payload = {
        # The receiving center's id for its copy, fixed now: every retry names the same ticket.
        "ticket_client_id": str(uuid.uuid4()),
        "origin_client_id": ticket.client_id, "origin_no": ticket.official_no,
        "ticket": fields,
        "deadline": ticket.deadline.isoformat() if ticket.deadline else None,
        "note": note[:500],
    }
    outbox = PlatformOutbox(mutation_id=str(uuid.uuid4()), link=link.name,
                            ticket_client_id=ticket.client_id, kind=TRANSFER_KIND,
                            payload=json.dumps(payload, ensure_ascii=False), created_at=now,
                            attempts=0, next_attempt_at=now, done_at=None, status="",
                            remote_no="", last_error="")
    session.add(outbox)
    previous = ticket.status
    ticket.status = Status.DISPATCHED.value
    ticket.handling_unit = link.name
    _stamp(session, ticket, kind=TRANSFER_KIND, username=user.username, now=now,
           detail={"from": previous, "to": ticket.status, "note": note[:500], "unit": link.name,
                   "platform": link.name})
    return outbox


def return_to_origin(session: Session, *, user: User, ticket_client_id: str, reason: str) -> None:
    """退回: a ticket received from a parent goes back to it (archived here, 退单 there)."""
    ticket = session.scalar(select(Ticket).where(Ticket.client_id == ticket_client_id)
                            .with_for_update())
    if ticket is None or not visible(user, ticket):
        raise TransferRefused("中心没有这张工单，或您无权处理它。")
    if session.get(TransferOrigin, ticket.client_id) is None:
        raise TransferRefused("这张工单不是上级平台转来的，不能退回；请按本地流程派单。")
    errors = return_to_origin_errors(TicketState.of(ticket), performer_of(user), reason)
    if errors:
        raise TransferRefused("；".join(errors))
    previous = ticket.status
    ticket.status = Status.ARCHIVED.value
    _stamp(session, ticket, kind=BACK_KIND, username=user.username, now=utc_now(),
           detail={"from": previous, "to": ticket.status, "note": reason.strip()[:500],
                   "reason": reason.strip()[:500]})


def backoff(attempts: int) -> timedelta:
    """1, 2, 4 … seconds up to five minutes, with jitter (links recovering together do not
    all retry at once)."""
    seconds = min(MAX_BACKOFF_SECONDS, 2 ** max(0, attempts - 1))
    return timedelta(seconds=seconds * random.uniform(0.5, 1.0))


@dataclass
class Delivery:
    sent: int = 0
    answered: int = 0
    failed: int = 0


# Sign-in tokens per link, in this process's memory only (never stored): a sign-in costs the
# other center an argon2id hash (~1 s on a busy machine), a delivery round should not.
_tokens: dict[str, str] = {}


def _sign_in(link: PlatformLink, http: requests.Session) -> str:
    password = os.environ.get(link.password_env, "")
    if not password:
        raise RuntimeError(f"环境变量 {link.password_env} 未设置（下级平台服务账号的密码）")
    login = http.post(f"{link.url}{API_PREFIX}/auth/login", timeout=TIMEOUT,
                      json={"username": link.account, "password": password})
    login.raise_for_status()
    token: str = login.json()["token"]
    _tokens[link.name] = token
    return token


_PATHS = {TRANSFER_KIND: ("/platform/receive", "transfers"), FEEDBACK_KIND: ("/platform/feedback", "items")}


def _post(link: PlatformLink, kind: str, rows: list[PlatformOutbox],
          http: requests.Session) -> list[dict[str, Any]]:
    path, field = _PATHS[kind]
    body = {field: [{"mutation_id": r.mutation_id, **json.loads(r.payload)} for r in rows]}
    token = _tokens.get(link.name) or _sign_in(link, http)
    for attempt in range(2):
        answer = http.post(f"{link.url}{API_PREFIX}{path}", json=body, timeout=TIMEOUT,
                           headers={"Authorization": f"Bearer {token}"})
        if answer.status_code == 401 and attempt == 0:  # expired or revoked: sign in again
            token = _sign_in(link, http)
            continue
        answer.raise_for_status()
        break
    answers: list[dict[str, Any]] = answer.json()["answers"]
    return answers


def deliver_due(database: Database, *, http: requests.Session | None = None,
                now: Callable[[], datetime] = utc_now) -> Delivery:
    """Send every due outbox row, link by link, kind by kind, oldest first; no transaction is
    held over the network."""
    http = http or requests.Session()
    done = Delivery()
    with database.read_session() as session, session.begin():
        links = {link.name: link for link in session.scalars(
            select(PlatformLink).where(PlatformLink.active.is_(True), PlatformLink.url != ""))}
        due = list(session.scalars(select(PlatformOutbox).where(
            PlatformOutbox.done_at.is_(None), PlatformOutbox.next_attempt_at <= now(),
            PlatformOutbox.link.in_(list(links))).order_by(PlatformOutbox.id).limit(BATCH)))
        session.expunge_all()
    groups: dict[tuple[str, str], list[PlatformOutbox]] = {}
    for row in due:
        groups.setdefault((row.link, row.kind), []).append(row)
    for (name, kind), rows in groups.items():
        done.sent += len(rows)
        try:
            answers = {a["mutation_id"]: a for a in _post(links[name], kind, rows, http)}
        except (requests.RequestException, RuntimeError, KeyError, ValueError) as error:
            reason = str(error) if isinstance(error, RuntimeError) else type(error).__name__
            if isinstance(error, requests.HTTPError) and error.response is not None:
                reason = f"HTTP {error.response.status_code}"
            log.info("platform delivery failed link=%s kind=%s rows=%d reason=%s",
                     name, kind, len(rows), reason)
            with database.write_session() as session, session.begin():
                for row in rows:
                    session.execute(update(PlatformOutbox).where(PlatformOutbox.id == row.id).values(
                        attempts=row.attempts + 1, last_error=reason[:300],
                        next_attempt_at=now() + backoff(row.attempts + 1)))
            done.failed += len(rows)
            continue
        with database.write_session() as session, session.begin():
            for row in rows:
                answer = answers.get(row.mutation_id)
                if answer is None:  # not answered: try again later
                    session.execute(update(PlatformOutbox).where(PlatformOutbox.id == row.id)
                                    .values(next_attempt_at=now() + backoff(row.attempts + 1),
                                            attempts=row.attempts + 1))
                    continue
                _answered(session, row, answer, now())
                done.answered += 1
    return done


def _answered(session: Session, row: PlatformOutbox, answer: dict[str, Any], now: datetime) -> None:
    status = answer.get("original_status") or answer["status"]
    stored = session.get(PlatformOutbox, row.id, with_for_update=True)
    if stored is None or stored.done_at is not None:
        return  # another delivery run answered it first
    stored.done_at, stored.status = now, status
    stored.remote_no = str(answer.get("official_no") or "")[:32]
    stored.attempts = row.attempts + 1
    if status == MutationStatus.APPLIED.value:
        return
    reason = str(answer.get("reason") or "对方平台未接收")[:500]
    stored.last_error = reason[:300]
    if row.kind != TRANSFER_KIND:
        log.warning("platform feedback refused link=%s mutation=%s", row.link, row.mutation_id)
        return
    # A transfer refused over there: back to our dispatcher, with the reason (退回).
    ticket = session.scalar(select(Ticket).where(Ticket.client_id == row.ticket_client_id)
                            .with_for_update())
    if ticket is None or ticket.handling_unit != row.link:
        return
    previous = ticket.status
    ticket.status, ticket.handling_unit = Status.RETURNED.value, ""
    _stamp(session, ticket, kind=RETURNED_KIND, username=f"platform:{row.link}", now=now,
           detail={"from": previous, "to": ticket.status, "note": reason, "unit": row.link,
                   "reason": reason})


# ---- receiving --------------------------------------------------------------------------------

def parent_link(session: Session, user: User) -> PlatformLink | None:
    """The parent link whose service account ``user`` is (None: not a platform account)."""
    return session.scalar(select(PlatformLink).where(
        PlatformLink.kind == "parent", PlatformLink.peer_account == user.username,
        PlatformLink.active.is_(True)))


def receive(session: Session, *, user: User, link: PlatformLink, transfers: list[dict[str, Any]],
            database_url: str, city_prefix: str) -> list[dict[str, Any]]:
    """Create the transferred tickets (a replayed mutation id answers as before)."""
    reference, config = current_reference(session, database_url)
    mutations: list[MutationIn] = []
    for item in transfers:
        fields = {k: v for k, v in dict(item.get("ticket") or {}).items() if k in EDITABLE_FIELDS}
        fields.update(channel=link.channel, handling_unit="")
        mutations.append(MutationIn(
            mutation_id=str(item["mutation_id"]), ticket_client_id=str(item["ticket_client_id"]),
            kind="create", base_version=0, seat="platform", actor=link.name[:50],
            payload={**fields, "local_no": str(item.get("origin_no") or "")[:32],
                     "origin_client_id": str(item.get("origin_client_id") or "")[:36],
                     "deadline": item.get("deadline"), "note": str(item.get("note") or "")[:500]}))
    answers = sync_service.push(session, user=user, mutations=mutations, reference=reference,
                                config=config, city_prefix=city_prefix)
    now = utc_now()
    for mutation, answer in zip(mutations, answers, strict=True):
        if answer["status"] != MutationStatus.APPLIED.value:
            continue
        given = mutation.payload.get("deadline")
        if isinstance(given, str):
            try:
                deadline = date.fromisoformat(given)
            except ValueError:
                deadline = None
            if deadline is not None:  # the origin's deadline, not ours
                session.execute(update(Ticket).where(Ticket.client_id == mutation.ticket_client_id)
                                .values(deadline=deadline))
        session.add(TransferOrigin(
            ticket_client_id=mutation.ticket_client_id, link=link.name,
            origin_client_id=str(mutation.payload["origin_client_id"]),
            origin_no=str(mutation.payload["local_no"]), received_at=now))
    return answers


# ---- feedback from a child --------------------------------------------------------------------

def child_link(session: Session, user: User) -> PlatformLink | None:
    """The child link whose service account here ``user`` is (None: not a platform account)."""
    return session.scalar(select(PlatformLink).where(
        PlatformLink.kind == "child", PlatformLink.peer_account == user.username,
        PlatformLink.active.is_(True)))


# What a child's event does to our copy (the ticket we transferred); others go on the timeline.
_CLOSING = {Status.COMPLETED.value, Status.CALLED_BACK.value}


def _apply_feedback(session: Session, link: PlatformLink, item: dict[str, Any],
                    now: datetime) -> dict[str, Any]:
    ticket = session.scalar(select(Ticket).where(
        Ticket.client_id == str(item.get("origin_client_id", ""))).with_for_update())
    if ticket is None or ticket.handling_unit != link.name:
        # Only a ticket sent to this link: a child never touches another ticket of ours.
        return {"status": MutationStatus.REJECTED.value, "reason": "这张工单不是转给贵平台的，未更新。"}
    child_status = str(item.get("status") or "")
    previous = ticket.status
    if item.get("event") == BACK_KIND:  # sent back: our dispatcher routes it again
        ticket.status, ticket.handling_unit = Status.RETURNED.value, ""
    elif child_status in _CLOSING:
        ticket.status = child_status
        ticket.result = str(item.get("result") or "")[:5000]
        ticket.solved = str(item.get("solved") or "")[:8]
        ticket.satisfaction = str(item.get("satisfaction") or "")[:8]
    elif previous in _CLOSING and child_status == Status.DISPATCHED.value:
        ticket.status = Status.DISPATCHED.value  # reopened down there (不满意, 重办)
        ticket.satisfaction = str(item.get("satisfaction") or "")[:8]
    _stamp(session, ticket, kind=FEEDBACK_KIND, username=f"platform:{link.name}", now=now, detail={
        "from": previous, "to": ticket.status, "note": str(item.get("note") or "")[:500],
        "platform": link.name, "event": str(item.get("event") or "")[:16],
        "remote_no": str(item.get("remote_no") or "")[:32], "remote_status": child_status[:8],
        "unit": str(item.get("handling_unit") or "")[:100], "result": ticket.result,
        "satisfaction": ticket.satisfaction})
    return {"status": MutationStatus.APPLIED.value, "official_no": ticket.official_no}


def receive_feedback(session: Session, *, user: User, link: PlatformLink,
                     items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Apply a child's feedback in order; a mutation id seen before answers as before."""
    now = utc_now()
    ids = [str(i["mutation_id"]) for i in items]
    records = {r.mutation_id: r for r in session.scalars(
        select(MutationRecord).where(MutationRecord.mutation_id.in_(ids)))}
    answers: list[dict[str, Any]] = []
    for item in items:
        mutation_id = str(item["mutation_id"])
        body = {k: v for k, v in item.items() if k != "mutation_id"}
        digest = mutation_body_hash(str(body.get("origin_client_id", "")), FEEDBACK_KIND, 0, body)
        record = records.get(mutation_id)
        if record is not None:
            first = json.loads(record.answer)
            if record.body_hash == digest:
                answers.append({**first, "status": MutationStatus.REPLAYED.value,
                                "original_status": first["status"]})
            else:
                answers.append({"mutation_id": mutation_id, "status": MutationStatus.REFUSED.value,
                                "reason": "同一变更编号已用于不同内容，已拒收。"})
            continue
        answer = {"mutation_id": mutation_id, **_apply_feedback(session, link, item, now)}
        record = MutationRecord(mutation_id=mutation_id, body_hash=digest, username=user.username,
                                answer=json.dumps(answer, ensure_ascii=False), received_at=now)
        session.add(record)
        records[mutation_id] = record
        answers.append(answer)
    return answers
