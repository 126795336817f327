"""Run by tests/core/test_durability.py as a subprocess, which SIGKILLs it at random moments.

    python tests/core/durability_worker.py tickets DATA_DIR   # saves tickets in a loop
    python tests/core/durability_worker.py draft DATA_DIR     # types a draft, one character a save

Each line is printed (and flushed) only after its transaction has committed, so every printed
client id / length is a save that had returned to the caller when the process was killed.
"""

import sys
import threading
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.domain.ticket import TicketInput
from app.seat import Seat, open_seat
from app.store.search_merge import SearchIndexMerger
from app.store.wal import WalCheckpointer
from app.tickets.drafts import pending_drafts, save_draft
from app.tickets.service import create_ticket

TYPED = "楼下餐馆油烟很大，晚上十点后还在营业，噪音扰民。请尽快处理！A5区12号楼 "
FORM_KEY = "durability-form"


def typed_text(length: int) -> str:
    """The draft's text after ``length`` keystrokes (deterministic, so the test can check it)."""
    return (TYPED * (length // len(TYPED) + 1))[:length]


def open_like_the_app(data_dir: Path) -> Seat:
    """As the desktop opens its store: saves never checkpoint nor merge the search index, a
    thread does (often, and without waiting for idle time, so that kills land in the middle
    of checkpoints and merges too)."""
    seat = open_seat(data_dir, background_checkpoints=True)
    checkpointer = WalCheckpointer(seat.store)
    merger = SearchIndexMerger(seat.store)

    def checkpoint_forever() -> None:
        while not threading.Event().wait(0.02):
            merger.run(budget_s=0.01, pause_s=0)
            if checkpointer.due():
                checkpointer.run()

    threading.Thread(target=checkpoint_forever, daemon=True).start()
    return seat


def save_tickets(data_dir: Path) -> None:
    seat = open_like_the_app(data_dir)
    data = TicketInput(request_type="投诉", caller_name="王女士", caller_phone="13812345678",
                       category1="城市管理", district="梁园区", address="凯旋路88号",
                       title="油烟扰民", description=TYPED)
    while True:
        client_id = str(uuid.uuid4())
        with seat.store.session() as session, session.begin():
            create_ticket(session, data=data, context=seat.context, client_id=client_id)
        print(client_id, flush=True)


def type_draft(data_dir: Path) -> None:
    seat = open_like_the_app(data_dir)
    with seat.store.session() as session:
        drafts = [d for d in pending_drafts(session) if d.form_key == FORM_KEY]
    # As the app does after a crash: the draft is offered back and typing goes on from it.
    length = len(drafts[0].values.description) if drafts else 0
    while True:
        length += 1
        with seat.store.session() as session, session.begin():
            save_draft(session, form_key=FORM_KEY,
                       values=TicketInput(request_type="投诉", description=typed_text(length)))
        print(length, flush=True)


if __name__ == "__main__":
    {"tickets": save_tickets, "draft": type_draft}[sys.argv[1]](Path(sys.argv[2]))
