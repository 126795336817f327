"""Opening a seat: its data directory, settings, reference data and store, in one place."""

from dataclasses import dataclass, replace
from pathlib import Path

from keyring.backend import KeyringBackend

from app.reference import ReferenceData, default_reference, load_reference
from app.settings import Settings, load_settings
from app.store.db import Store
from app.store.keys import PassphrasePrompt
from app.store.unlock import open_store
from app.sync.reference_mirror import mirrored_reference
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


def reload_reference(seat: Seat) -> None:
    """Rebuild the seat's rules from the reference data the center sent last (after a pull)."""
    with seat.store.session() as session:
        reference = mirrored_reference(session, load_seat_reference(seat.settings))
    seat.context = replace(seat.context, reference=reference)


def open_seat(data_dir: Path, *, prompt: PassphrasePrompt | None = None,
              keyring_backend: KeyringBackend | None = None, background_checkpoints: bool = False) -> Seat:
    """Open (and migrate) the encrypted store in ``data_dir``, creating the directory if needed.

    ``prompt`` asks for the passphrase where no keyring keeps the key (app.store.keys);
    ``background_checkpoints``: the caller runs the WAL checkpoints (see app.store.wal).

    Raises:
        StoreKeyError: the store could not be unlocked; its text says what to do.
    """
    store = open_store(data_dir, backend=keyring_backend, prompt=prompt,
                       background_checkpoints=background_checkpoints)
    return seat_on(data_dir, store)


def seat_on(data_dir: Path, store: Store) -> Seat:
    """The seat of an already opened store (``open_seat`` opens it; the benchmark's plain
    figures pass a plain one)."""
    settings = load_settings(data_dir)
    with store.session() as session:
        # The center's units, categories and holidays once a sync has brought them.
        reference = mirrored_reference(session, load_seat_reference(settings))
    context = TicketContext(Actor(settings.seat_id, settings.agent_name), reference, settings)
    return Seat(data_dir, settings, store, context)
