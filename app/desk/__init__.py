"""The application layer: the seat's use cases between the windows and the store.

``Desk`` (``app.desk.desk``) owns sessions and transactions and returns plain views
(``app.desk.views``); the queue reads through ``QueueReader`` (``app.desk.queue``). Widgets use
this package and never the store, SQLAlchemy or sqlite3 (tests/core/test_architecture.py).
"""

from app.desk.desk import Desk, open_desk
from app.desk.errors import MergeTargetMissing, NumberAtCenter, TicketMissing
from app.desk.queue import QueueQueryError, QueueReader
from app.store.keys import MIN_PASSPHRASE_CHARS, PassphraseRequest, StoreKeyError
from app.store.upkeep import UpkeepResult
from app.tickets.demo import DEMO_COUNT
from app.tickets.importer import ImportCancelled

__all__ = ["DEMO_COUNT", "MIN_PASSPHRASE_CHARS", "Desk", "ImportCancelled", "MergeTargetMissing", "NumberAtCenter", "PassphraseRequest",
           "QueueQueryError", "QueueReader", "StoreKeyError", "TicketMissing", "UpkeepResult", "open_desk"]
