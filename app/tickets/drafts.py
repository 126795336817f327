"""Autosaved drafts of the ticket form: what was typed survives a crash or a power cut."""

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.ticket import TicketInput
from app.store.models import Draft
from app.tickets.service import utc_now


@dataclass(frozen=True)
class SavedDraft:
    form_key: str
    ticket_client_id: str
    values: TicketInput
    updated_at: datetime

    def is_empty(self) -> bool:
        return self.values == TicketInput(channel=self.values.channel, urgency=self.values.urgency)


def save_draft(session: Session, *, form_key: str, values: TicketInput, ticket_client_id: str = "") -> None:
    """Replace the draft of form ``form_key`` with ``values``."""
    content = json.dumps(values.to_dict(), ensure_ascii=False)
    draft = session.scalar(select(Draft).where(Draft.form_key == form_key))
    if draft is None:
        session.add(Draft(form_key=form_key, ticket_client_id=ticket_client_id, content=content,
                          updated_at=utc_now()))
    else:
        draft.content = content
        draft.ticket_client_id = ticket_client_id
        draft.updated_at = utc_now()


def discard_draft(session: Session, *, form_key: str) -> None:
    session.execute(delete(Draft).where(Draft.form_key == form_key))


def pending_drafts(session: Session) -> list[SavedDraft]:
    """Drafts left behind by an earlier run, newest first, skipping empty forms."""
    drafts = [
        SavedDraft(d.form_key, d.ticket_client_id, TicketInput.from_dict(json.loads(d.content)),
                   d.updated_at)
        for d in session.scalars(select(Draft).order_by(Draft.updated_at.desc()))
    ]
    return [d for d in drafts if not d.is_empty()]
