"""The window's WAL checkpoints: run in the background when the WAL was written, never by a save."""

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.store.db import Store
from ui.wal_checkpoints import CheckpointScheduler


def test_a_written_wal_is_checkpointed_in_the_background(tmp_path: Path, qtbot: QtBot) -> None:
    with Store(tmp_path, background_checkpoints=True) as store:
        scheduler = CheckpointScheduler(store)
        assert scheduler.active
        with store.session() as session, session.begin():
            session.execute(text("INSERT INTO counters(name, value) VALUES ('x', 1)"))
        with qtbot.waitSignal(scheduler.checkpointed, timeout=5000) as blocker:
            scheduler.tick()
        assert blocker.args == [True]
        scheduler.shutdown()


def test_a_store_that_checkpoints_itself_gets_no_schedule(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        scheduler = CheckpointScheduler(store)
        assert not scheduler.active
        scheduler.shutdown()
