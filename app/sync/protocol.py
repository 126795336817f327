"""The wire vocabulary of /api/v1 sync, shared by the client engine and the server (a ticket's
own wire form: app.ticket_shape)."""

import hashlib
import json
from enum import StrEnum
from typing import Any

from app.domain.ticket import EDITABLE_FIELDS as EDITABLE_FIELDS  # re-exported (one definition)
from app.messages import term

API_PREFIX = "/api/v1"
CALLER_FIELDS: tuple[str, ...] = ("caller_name", "caller_phone")
# Seat → center mutation kinds that are not about one ticket: a seat reports its exports to the
# audit log (ticket_client_id is a fresh id; payload {"rows", "format", "filter", "confidential"}).
EXPORT_KIND = term("Vocabulary", "导出")
# A caller's number shown at a seat while the center could not be reached (audited on push).
REVEAL_KIND = term("Vocabulary", "查看号码")
# A call's record once it is over (app.telephony): ticket_client_id is the call's client id,
# payload its wire form (app.telephony.calls.call_wire). Sent once per call.
CALL_KIND = "来电"
# A ticket linked to a call after its record was sent: payload {"call", "ticket"}.
CALL_LINK_KIND = "来电工单"
# The agent's state at a seat changed (app.telephony.agent): payload {"seat", "agent", "state", "since"};
# the center keeps each seat's latest for the supervisor's live view.
AGENT_STATE_KIND = "座席状态"
# A caller handed off to 110/119/120/122 or a department line (app.tickets.handoff): a line of the
# ticket's timeline, payload {"service", "text", "way"}; it changes no field, so no version.
HANDOFF_KIND = "handoff"


class MutationStatus(StrEnum):
    APPLIED = "applied"
    REPLAYED = "replayed"
    REFUSED = "refused"
    CONFLICT = "conflict"
    REJECTED = "rejected"


class ChangeType(StrEnum):
    TICKET = "ticket"
    TOMBSTONE = "tombstone"
    REFERENCE = "reference"
    REFERENCE_DELETED = "reference_deleted"


class AuditAction(StrEnum):
    """What the center's audit log records (the admin's audit page filters by it)."""

    REVEAL = "reveal"  # a caller's full number shown, with the reason given
    EXPORT = "export"  # a seat wrote tickets to a file
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    REFUSED = "refused"  # an access or action the user's role or unit does not allow
    ADMIN = "admin"  # users, units, categories, holidays changed
    PASSWORD = "password"  # a user changed their own password


class ReferenceKind(StrEnum):
    CATEGORY = "category"
    DISTRICT = "district"
    UNIT = "unit"
    HOTLINE = "hotline"
    HOLIDAY = "holiday"
    USER = "user"
    CONFIG = "config"


def mutation_body_hash(
    ticket_client_id: str, kind: str, base_version: int, payload: dict[str, Any]
) -> str:
    """A digest of what a mutation says; the same id with another digest is refused."""
    canonical = json.dumps(
        [ticket_client_id, kind, base_version, payload],
        ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()
