"""``python -m app.store backup|restore``: an encrypted, consistent copy taken while the desk
saves; a restore that checks the copy before it replaces anything."""

import subprocess
import sys
import threading
from contextlib import closing
from pathlib import Path

import pytest

from app.domain.ticket import TicketInput
from app.seat import Seat, open_seat
from app.store.backup import key_description
from app.store.db import STORE_FILENAME, connect_file, is_plain
from app.store.unlock import find_key
from app.tickets.service import create_ticket
from tests.conftest import REPO_ROOT
from tests.core.test_encryption import snapshot

PHONE = "13812345678"


def store_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.store", *map(str, args)], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def save(seat: Seat, n: int) -> None:
    data = {"request_type": "投诉", "caller_phone": PHONE, "caller_name": "王女士", "category1": "城乡建设",
            "district": "梁园区", "address": "凯旋路100号", "title": f"路灯不亮{n}", "description": "凯旋路路灯连续三晚不亮"}
    with seat.store.session() as session, session.begin():
        create_ticket(session, data=TicketInput.from_dict(data), context=seat.context)


def tickets_in(path: Path, data_dir: Path) -> int:
    with closing(connect_file(path, find_key(data_dir))) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return int(connection.execute("SELECT count(*) FROM tickets").fetchone()[0])


@pytest.fixture
def seat(tmp_path: Path) -> Seat:
    opened = open_seat(tmp_path / "seat")
    for n in range(20):
        save(opened, n)
    return opened


def test_backup_while_saving_then_restore(seat: Seat, tmp_path: Path) -> None:
    stop = threading.Event()
    saved = [20]

    def keep_saving() -> None:
        while not stop.is_set():
            save(seat, saved[0])
            saved[0] += 1

    writer = threading.Thread(target=keep_saving)
    writer.start()
    try:
        out = tmp_path / "backups" / "seat.bak"
        done = store_cli("backup", "--data-dir", seat.data_dir, out)
    finally:
        stop.set()
        writer.join()
    assert done.returncode == 0, done.stderr
    assert f"到 {out}" in done.stdout and key_description(out).exists()
    assert not is_plain(out) and PHONE.encode() not in out.read_bytes()
    in_backup = tickets_in(out, seat.data_dir)
    assert 20 <= in_backup <= saved[0]
    assert f"已备份 {in_backup} 条工单" in done.stdout
    # A backup never overwrites a file.
    again = store_cli("backup", "--data-dir", seat.data_dir, out)
    assert again.returncode == 4 and "已存在" in again.stderr

    seat.close()
    restored = store_cli("restore", "--data-dir", seat.data_dir, out)
    assert restored.returncode == 0, restored.stderr
    assert tickets_in(seat.data_dir / STORE_FILENAME, seat.data_dir) == in_backup
    (replaced,) = seat.data_dir.glob("replaced-*")
    assert tickets_in(replaced / STORE_FILENAME, seat.data_dir) == saved[0]
    reopened = open_seat(seat.data_dir)  # the desk opens the restored store
    save(reopened, 999)
    reopened.close()


def test_restore_checks_the_backup_before_replacing_anything(seat: Seat, tmp_path: Path) -> None:
    out = tmp_path / "seat.bak"
    assert store_cli("backup", "--data-dir", seat.data_dir, out).returncode == 0
    seat.close()
    damaged = bytearray(out.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF  # one flipped byte in a page: its authentication fails
    out.write_bytes(bytes(damaged))
    before = snapshot(seat.data_dir)
    done = store_cli("restore", "--data-dir", seat.data_dir, out)
    assert done.returncode == 4 and "Traceback" not in done.stderr
    assert "备份" in done.stderr
    assert snapshot(seat.data_dir) == before
    key_description(out).unlink()
    missing = store_cli("restore", "--data-dir", seat.data_dir, out)
    assert missing.returncode == 4 and ".key.json" in missing.stderr
