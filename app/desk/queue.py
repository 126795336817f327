"""The queue's reads, behind the desk: ids for a filter and order, then rows for those ids.

A reader holds one driver connection of the store (keyed, app.store.db) (Anki's browser design: the queue keeps
only ids and builds the rows on screen; SQLAlchemy's per-row cost would show at a million
tickets). A reader may be used from one thread at a time; ``interrupt`` may be called from any.
"""

import contextlib
from array import array
from collections.abc import Iterator, Sequence

from app.store.db import Error, ProgrammingError, Store
from app.tickets import queue
from app.tickets.queue import QueueFilter, QueueRow, QueueSort, UnitCount


class QueueQueryError(Exception):
    """A queue query failed (or was interrupted); str() is SQLite's reason."""


class QueueReader:
    def __init__(self, store: Store) -> None:
        self._connection = store.raw_connection()
        self._closed = False

    def ids_page(self, flt: QueueFilter, sort: QueueSort, offset: int, limit: int) -> list[int]:
        with _query_errors():
            return queue.ids_page(self._connection, flt, sort, offset, limit)

    def all_ids(self, flt: QueueFilter, sort: QueueSort) -> "array[int]":
        """Every id in queue order (a million ids take 8 MB)."""
        ids = array("q")
        with _query_errors():
            for batch in queue.iter_ids(self._connection, flt, sort):
                ids.extend(batch)
        return ids

    def count(self, flt: QueueFilter) -> int:
        with _query_errors():
            return queue.count(self._connection, flt)

    def count_by_unit(self, flt: QueueFilter) -> list[UnitCount]:
        with _query_errors():
            return queue.count_by_unit(self._connection, flt)

    def rows(self, ids: Sequence[int]) -> dict[int, QueueRow]:
        """The display rows of ``ids`` (not in their order: the caller has the order)."""
        with _query_errors():
            return queue.fetch_rows(self._connection, ids)

    def interrupt(self) -> None:
        """Stop the query running on this reader (from another thread); it raises QueueQueryError."""
        if not self._closed:
            with contextlib.suppress(ProgrammingError):  # closed meanwhile
                self._connection.interrupt()

    def close(self) -> None:
        self._closed = True
        self._connection.close()


@contextlib.contextmanager
def _query_errors() -> Iterator[None]:
    try:
        yield
    except Error as error:
        raise QueueQueryError(str(error)) from error
