"""The wire vocabulary of /api/v1 sync, shared by the client engine and the server."""

import hashlib
import json
from enum import StrEnum
from typing import Any

from app.domain.ticket import TicketInput

API_PREFIX = "/api/v1"
EDITABLE_FIELDS: tuple[str, ...] = tuple(TicketInput.__dataclass_fields__)
# Fields only the server sets; a pulled ticket carries them beside the editable ones.
SERVER_FIELDS: tuple[str, ...] = (
    "client_id", "official_no", "local_no", "status", "satisfaction", "deadline",
    "created_at", "updated_at", "created_seat", "created_by", "version",
)
CALLER_FIELDS: tuple[str, ...] = ("caller_name", "caller_phone")
# Lifecycle state the server sets (app.domain.rules); on the wire co_units is a list and the
# dates are ISO strings. A server copy without them (an older center) means "none".
LIFECYCLE_FIELDS: tuple[str, ...] = (
    "co_units", "escalation_level", "extension_to", "extension_reason", "extension_since",
    "reopen_count", "merged_into", "solved",
)
# Seat → center mutation kinds that are not about one ticket: a seat reports its exports to the
# audit log (ticket_client_id is a fresh id; payload {"rows", "format", "filter", "confidential"}).
EXPORT_KIND = "导出"
# A caller's number shown at a seat while the center could not be reached (audited on push).
REVEAL_KIND = "查看号码"


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
