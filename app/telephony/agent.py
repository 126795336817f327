"""The agent's state at the seat (示闲 / 示忙 / 小休 / 话后整理), kept as spans with their times so
that the reports can count after-call work and a supervisor can see who is free. Qt-free.

Calls are offered only in 示闲 (where the adapter can refuse: SIP answers 486 while busy).
After a call the seat enters 话后整理 (after-call work) until the agent is ready again or the
configured limit passes.
"""

import json
import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.models import AgentStateSpan, OutboxEntry
from app.sync.protocol import AGENT_STATE_KIND
from app.ticket_shape import utc_iso


class AgentState(StrEnum):
    AVAILABLE = "示闲"
    BUSY = "示忙"
    BREAK = "小休"
    AFTER_CALL = "话后整理"


def current_span(session: Session, *, seat: str) -> AgentStateSpan | None:
    return session.scalar(select(AgentStateSpan).where(AgentStateSpan.seat == seat, AgentStateSpan.ended_at.is_(None))
                          .order_by(AgentStateSpan.id.desc()).limit(1))


def set_state(session: Session, *, seat: str, agent: str, state: AgentState, at: datetime) -> AgentStateSpan:
    """End the seat's current span (if it is another state) and start one in ``state``; the
    center hears of it at the next sync (the supervisor's live view)."""
    span = current_span(session, seat=seat)
    if span is not None:
        if span.state == state.value and span.agent == agent:
            return span
        span.ended_at = at
    span = AgentStateSpan(seat=seat, agent=agent, state=state.value, started_at=at, ended_at=None)
    session.add(span)
    mutation_id = str(uuid.uuid4())
    payload = {"seat": seat, "agent": agent, "state": state.value, "since": utc_iso(at)}
    session.add(OutboxEntry(mutation_id=mutation_id, ticket_client_id=mutation_id, kind=AGENT_STATE_KIND,
                            base_version=0, created_at=at, payload=json.dumps(payload, ensure_ascii=False)))
    session.flush()
    return span
