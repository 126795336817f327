"""Opening a seat: its data directory, settings, reference data and store, in one place."""

from dataclasses import dataclass
from pathlib import Path

from app.reference import ReferenceData, default_reference, load_reference
from app.settings import Settings, load_settings
from app.store.db import Store
from app.tickets.service import Actor, TicketContext


@dataclass
class Seat:
    data_dir: Path
    settings: Settings
    store: Store
    context: TicketContext

    def close(self) -> None:
        self.store.close()


def load_seat_reference(settings: Settings) -> ReferenceData:
    if settings.categories_csv:
        return load_reference(categories_csv=Path(settings.categories_csv))
    return default_reference()


def open_seat(data_dir: Path, *, background_checkpoints: bool = False) -> Seat:
    """Open (and migrate) the store in ``data_dir``, creating the directory if needed.

    ``background_checkpoints``: the caller runs the WAL checkpoints (see app.store.wal).
    """
    settings = load_settings(data_dir)
    store = Store(data_dir, background_checkpoints=background_checkpoints)
    context = TicketContext(
        Actor(settings.seat_id, settings.agent_name), load_seat_reference(settings), settings
    )
    return Seat(data_dir, settings, store, context)
