"""Every table of the server, imported in one place for Alembic."""

from server.audit.models import AuditEntry
from server.auth.models import AuthToken, LoginThrottle, User
from server.calls.models import CallRecord, CallTicketLink, SeatState
from server.db import Base
from server.open311.models import Open311Key, Open311Request, Open311Window
from server.platform.models import PlatformLink, PlatformOutbox, TransferOrigin
from server.reference.models import ReferenceItem
from server.sync.models import Counter, MutationRecord, Tombstone
from server.tickets.models import Ticket, TicketEvent

__all__ = [
    "AuditEntry", "AuthToken", "Base", "CallRecord", "CallTicketLink", "Counter", "LoginThrottle",
    "MutationRecord", "Open311Key", "Open311Request", "Open311Window", "PlatformLink",
    "PlatformOutbox", "ReferenceItem", "SeatState", "Ticket", "TicketEvent", "Tombstone",
    "TransferOrigin", "User",
]
