"""The window's store upkeep: WAL checkpoints when the WAL was written, search-index merges
when the store is idle; never inside a save."""

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.desk import open_desk
from app.tickets.queue import QueueFilter
from tests.core.test_search_merge import save_tickets
from ui.store_upkeep import UpkeepScheduler


def test_a_written_wal_is_checkpointed_in_the_background(tmp_path: Path, qtbot: QtBot) -> None:
    desk = open_desk(tmp_path, background_checkpoints=True)
    scheduler = UpkeepScheduler(desk)
    assert scheduler.active
    with desk.seat.store.session() as session, session.begin():
        session.execute(text("INSERT INTO counters(name, value) VALUES ('x', 1)"))
    with qtbot.waitSignal(scheduler.checkpointed, timeout=5000) as blocker:
        scheduler.tick()
    assert blocker.args == [True]
    scheduler.shutdown()
    desk.close()


def test_the_search_index_is_merged_once_saving_stops(tmp_path: Path, qtbot: QtBot) -> None:
    desk = open_desk(tmp_path, background_checkpoints=True)
    scheduler = UpkeepScheduler(desk)
    save_tickets(desk.seat, 12)
    merges: list[int] = []
    scheduler.merged.connect(merges.append)
    # The first look after the saves sees a written WAL: a checkpoint, no merge.
    with qtbot.waitSignal(scheduler.checkpointed, timeout=5000):
        scheduler.tick()
    assert merges == []
    # Nothing written since: the store is idle, the twelve saves' segments are merged.
    with qtbot.waitSignal(scheduler.merged, timeout=5000) as merged:
        scheduler.tick()
    assert merged.args[0] > 0
    assert desk.count_queues([QueueFilter(search="油烟")]) == [12]
    scheduler.shutdown()
    desk.close()


def test_a_store_that_checkpoints_itself_gets_no_schedule(tmp_path: Path) -> None:
    desk = open_desk(tmp_path)
    scheduler = UpkeepScheduler(desk)
    assert not scheduler.active
    scheduler.shutdown()
    desk.close()
