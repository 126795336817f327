"""The seat's folder on POSIX: 0700 folders, 0600 files, for everything the seat keeps there
(store, WAL, shm, drafts inside the store, key description, settings, the assistant's model,
backups and restores), an older folder tightened at start; and no caller data in temporary
files. Another user of the machine must not read, or even list, a seat's data."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.assistant.store_source import MODEL_FILENAME
from app.desk import Desk
from app.domain.ticket import TicketInput
from app.paths import secure_data_dir
from app.seat import open_seat
from app.settings import Settings
from app.store.backup import key_description, restore_backup, write_backup
from tests.core.test_importer import GOOD_ROWS, write_csv

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions; Windows keeps profile ACLs")

CALLER = {"request_type": "投诉", "title": "楼道堆放杂物", "description": "楼道里堆满杂物，消防通道被堵。",
          "caller_name": "赵女士", "caller_phone": "13912345678", "district": "梁园区", "category1": "城市管理",
          "street": "平原街道", "address": "凯旋路88号3单元"}


def modes(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` (itself included) whose mode lets anyone else in."""
    loose = {}
    for path in [folder, *folder.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        wanted = 0o700 if path.is_dir() else 0o600
        if mode != wanted:
            loose[str(path.relative_to(folder.parent))] = oct(mode)
    return loose


def live_seat(data_dir: Path) -> Desk:
    """A seat in use: tickets, a draft, an import, settings, the assistant's model retrained."""
    desk = Desk(open_seat(data_dir))
    desk.save_ticket(TicketInput.from_dict(CALLER), form_key="capture")
    desk.save_draft(TicketInput.from_dict({**CALLER, "title": "半截"}), form_key="capture")
    desk.import_file(write_csv(data_dir.parent / "in.csv", GOOD_ROWS))
    desk.save_settings(Settings(seat_id="S42", agent_name="agent1", server_url="https://12345.example.gov.cn"))
    return desk


def test_everything_the_seat_keeps_is_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "seat"
    desk = live_seat(data_dir)
    try:
        desk.sidebar_engine().train_model()  # the assistant's model, learned from ticket texts
        names = {p.name for p in data_dir.rglob("*")}
        assert {"hotline-desk.sqlite3", "hotline-desk.sqlite3-wal", "hotline-desk.sqlite3-shm",
                "settings.json", "store-key.json", MODEL_FILENAME} <= names, names
        assert modes(data_dir) == {}  # while the desk runs: store, WAL and shm included
        backup = write_backup(desk.seat.store, tmp_path / "backups" / "seat.db")
        for path in (backup.path, key_description(backup.path)):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    finally:
        desk.close()
    restore_backup(data_dir, backup.path)
    assert modes(data_dir) == {}  # the restored store and the replaced-<time>/ folder


def test_an_older_folder_is_tightened_at_start_and_nothing_else_is_touched(tmp_path: Path) -> None:
    data_dir = tmp_path / "seat"
    live_seat(data_dir).close()
    mine = data_dir / "notes-of-the-agent.txt"  # not the seat's: left as its owner made it
    mine.write_text("x")
    for path in [data_dir, *data_dir.rglob("*")]:  # as an earlier version left it
        path.chmod(0o755 if path.is_dir() else 0o644)
    assert modes(data_dir)
    Desk(open_seat(data_dir)).close()
    assert modes(data_dir) == {str(mine.relative_to(tmp_path)): "0o644"}


def test_secure_data_dir_makes_a_new_folder_private(tmp_path: Path) -> None:
    secure_data_dir(tmp_path / "a" / "seat")
    assert stat.S_IMODE((tmp_path / "a" / "seat").stat().st_mode) == 0o700


def test_no_caller_data_in_temporary_files(tmp_path: Path) -> None:
    """The command-line import and export with their own TMPDIR: nothing with the number lands there."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {**os.environ, "TMPDIR": str(temporary), "TEMP": str(temporary), "TMP": str(temporary)}
    source = write_csv(tmp_path / "in.csv", GOOD_ROWS)
    for command in (["import", "--data-dir", str(tmp_path / "seat"), str(source)],
                    ["export", "--data-dir", str(tmp_path / "seat"), str(tmp_path / "out.xlsx")]):
        subprocess.run([sys.executable, "-m", "app.tickets", *command], check=True, env=env,
                       capture_output=True, timeout=120)
    leaked = [p for p in temporary.rglob("*") if p.is_file() and b"13812345678" in p.read_bytes()]
    assert leaked == []
    assert modes(tmp_path / "seat") == {}
