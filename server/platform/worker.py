"""The serving process delivers transfers on a timer, in one daemon thread."""

import logging
import threading

from sqlalchemy import func, select

from server.db import Database
from server.platform.models import PlatformOutbox
from server.platform.service import deliver_due

log = logging.getLogger("server.platform")


def start_delivery(database: Database, interval: float) -> threading.Thread:
    """Deliver what is due every ``interval`` seconds; an error is logged (its kind only: a
    message could carry a URL's credentials) and the loop goes on."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(interval):
            try:
                with database.read_session() as session, session.begin():
                    waiting = session.scalar(select(func.count()).select_from(PlatformOutbox)
                                             .where(PlatformOutbox.done_at.is_(None)))
                if waiting:
                    deliver_due(database)
            except Exception as error:  # never let the thread die: the outbox waits for it
                log.warning("platform delivery error=%s", type(error).__name__)

    thread = threading.Thread(target=loop, name="platform-delivery", daemon=True)
    thread.start()
    return thread
