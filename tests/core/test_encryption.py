"""The seat's store at rest: encrypted with a key from the keyring or a passphrase, never
readable without it, and a wrong key changes nothing."""

import hashlib
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from keyring.backends.fail import Keyring as FailKeyring

from app.domain.ticket import TicketInput
from app.seat import open_seat
from app.store.convert import plain_backup
from app.store.db import STORE_FILENAME, connect_file, create_store_engine, is_plain, upgrade
from app.store.keys import (
    KEY_FILENAME,
    NO_KEYRING_REASON,
    KeyFile,
    KeyLostError,
    PassphraseCancelled,
    PassphraseRequest,
    StoreKey,
    StoreKeyError,
    WrongKeyError,
)
from app.store.unlock import open_store
from app.sync.credentials import SERVICE
from app.tickets.drafts import save_draft
from app.tickets.queue import QueueFilter, count
from app.tickets.service import create_ticket
from tests.conftest import REPO_ROOT
from tests.file_keyring import FileKeyring

PHONES = ["13812345678", "15937012345", "18603701234"]
PASSPHRASE = "西瓜汁-correct-horse"


def snapshot(directory: Path) -> dict[str, str]:
    """Every file under ``directory`` by its bytes' hash."""
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file()}


def files_holding(directory: Path, needles: list[str]) -> list[str]:
    found = []
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}: {n}" for n in needles
                      if n.encode() in data or n.encode("utf-16-le") in data]
    return found


class Prompt:
    """A person at the passphrase prompt: answers in turn, remembers what was asked."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.asked: list[PassphraseRequest] = []

    def __call__(self, request: PassphraseRequest) -> str | None:
        self.asked.append(request)
        return self.answers.pop(0)


def test_new_store_is_encrypted_with_a_random_key_kept_in_the_keyring(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        assert store.encrypted
    path = tmp_path / STORE_FILENAME
    assert not is_plain(path)
    described = KeyFile.read(tmp_path)
    assert described is not None and described.account is not None and described.argon2 is None
    stored = FileKeyring().get_password(SERVICE, described.account)
    assert stored is not None and len(bytes.fromhex(stored)) == 32
    assert stored not in (tmp_path / KEY_FILENAME).read_text()  # the file names the entry only
    # Python's own sqlite3 (no SQLCipher) sees no database at all.
    import sqlite3

    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_wrong_key_is_refused_clearly_and_changes_nothing(seat_with_calls: Path) -> None:
    described = KeyFile.read(seat_with_calls)
    assert described is not None and described.account is not None
    right = FileKeyring().get_password(SERVICE, described.account)
    before = snapshot(seat_with_calls)
    FileKeyring().set_password(SERVICE, described.account, StoreKey.generate().raw.hex())
    try:
        with pytest.raises(WrongKeyError, match=r"打不开本机工单库.*没有任何改动"):
            open_seat(seat_with_calls)
    finally:
        FileKeyring().set_password(SERVICE, described.account, str(right))
    assert snapshot(seat_with_calls) == before
    seat = open_seat(seat_with_calls)  # the right key still opens it
    with seat.store.raw_connection() as connection:
        assert count(connection, QueueFilter(search="噪音")) == 3
    seat.close()


def test_lost_key_says_the_center_still_has_the_synced_tickets(seat_with_calls: Path) -> None:
    described = KeyFile.read(seat_with_calls)
    assert described is not None and described.account is not None
    right = FileKeyring().get_password(SERVICE, described.account)
    FileKeyring().delete_password(SERVICE, described.account)
    before = snapshot(seat_with_calls)
    try:
        with pytest.raises(KeyLostError, match=r"还在中心.*改名保留.*同步"):
            open_store(seat_with_calls)
    finally:
        FileKeyring().set_password(SERVICE, described.account, str(right))
    assert snapshot(seat_with_calls) == before


def test_no_keyring_asks_for_a_passphrase_says_why_and_never_stores_it(tmp_path: Path) -> None:
    first = Prompt(PASSPHRASE)
    with (open_store(tmp_path, backend=FailKeyring(), prompt=first) as store,
          closing(store.raw_connection()) as connection, connection):
        connection.execute("INSERT INTO counters(name, value) VALUES ('x', 1)")
    assert [(r.new, r.reason) for r in first.asked] == [(True, NO_KEYRING_REASON)]
    described = KeyFile.read(tmp_path)
    assert described is not None and described.argon2 is not None
    assert described.argon2.memory_kib >= 64 * 1024  # memory-hard
    assert files_holding(tmp_path, [PASSPHRASE]) == []

    # A wrong passphrase is asked again (three tries), then refused; nothing changes.
    before = snapshot(tmp_path)
    wrong = Prompt("not it at all", "still not it", "nope nope nope")
    with pytest.raises(WrongKeyError, match=r"口令不正确.*没有任何改动"):
        open_store(tmp_path, backend=FailKeyring(), prompt=wrong)
    assert [r.retry for r in wrong.asked] == [False, True, True]
    assert snapshot(tmp_path) == before
    # The right one on a second try opens it.
    with (open_store(tmp_path, backend=FailKeyring(), prompt=Prompt("typo typo typo", PASSPHRASE)) as store,
          closing(store.raw_connection()) as connection):
        assert connection.execute("SELECT value FROM counters WHERE name = 'x'").fetchone() == (1,)


def test_passphrase_prompt_closed_or_too_short_opens_nothing(tmp_path: Path) -> None:
    with pytest.raises(PassphraseCancelled):
        open_store(tmp_path, backend=FailKeyring(), prompt=Prompt(None))
    with pytest.raises(StoreKeyError, match="至少要 10 个字符"):
        open_store(tmp_path, backend=FailKeyring(), prompt=Prompt("short"))
    with pytest.raises(StoreKeyError, match="无法输入口令"):
        open_store(tmp_path, backend=FailKeyring())
    assert not (tmp_path / STORE_FILENAME).exists() and not (tmp_path / KEY_FILENAME).exists()


def test_an_interrupted_conversion_goes_on_from_its_backup(tmp_path: Path) -> None:
    engine = create_store_engine(tmp_path / STORE_FILENAME, None)
    upgrade(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO counters(name, value) VALUES ('before', 7)")
    engine.dispose()
    # As a crash right after the plain file was moved aside would leave it.
    (tmp_path / STORE_FILENAME).rename(plain_backup(tmp_path))
    (tmp_path / (STORE_FILENAME + ".encrypting")).write_bytes(b"half-written")
    with open_store(tmp_path) as store, store.raw_connection() as connection:
        assert connection.execute("SELECT value FROM counters WHERE name = 'before'").fetchone() == (7,)
    assert not plain_backup(tmp_path).exists() and not is_plain(tmp_path / STORE_FILENAME)
    assert not (tmp_path / (STORE_FILENAME + ".encrypting")).exists()


@pytest.fixture
def seat_with_calls(tmp_path: Path) -> Path:
    """A seat's data folder after ``python -m app.tickets import`` of a CSV with caller numbers."""
    data_dir = tmp_path / "seat"
    source = tmp_path / "calls.csv"
    rows = [f"2025-03-0{n + 1} 09:30,电话,投诉,城市管理,梁园区,凯旋路{n}号,夜间噪音,工地每晚打桩噪音,王女士,{phone}"
            for n, phone in enumerate(PHONES)]
    source.write_text("受理时间,渠道,诉求类型,一级分类,区县,地址,标题,诉求内容,来电人,联系电话\n"
                      + "\n".join(rows) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "app.tickets", "import", "--data-dir", str(data_dir),
                           str(source)], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "导入 3 条" in done.stdout, done.stderr
    return data_dir


def test_no_caller_number_in_any_byte_of_the_data_folder(seat_with_calls: Path, tmp_path: Path) -> None:
    assert files_holding(seat_with_calls, PHONES) == []
    # While the desk runs too: a save and a draft sit in the WAL, not yet in the file.
    seat = open_seat(seat_with_calls, background_checkpoints=True)
    try:
        data = {"request_type": "咨询", "caller_phone": "13700001111", "title": "落户咨询",
                "category1": "城乡建设",
                "description": "来电人13700001111咨询落户", "caller_name": "赵先生"}
        with seat.store.session() as session, session.begin():
            create_ticket(session, data=TicketInput.from_dict(data), context=seat.context)
        with seat.store.session() as session, session.begin():
            save_draft(session, form_key="new", values=TicketInput.from_dict(
                {**data, "caller_phone": "13900002222", "description": "草稿13900002222"}))
        assert (seat_with_calls / f"{STORE_FILENAME}-wal").stat().st_size > 0
        assert files_holding(seat_with_calls, [*PHONES, "13700001111", "13900002222"]) == []
        with seat.store.raw_connection() as connection:  # and the store still searches
            assert count(connection, QueueFilter(search="噪音")) == 3
            assert count(connection, QueueFilter(search="落户")) == 1
    finally:
        seat.close()
    exported = tmp_path / "out.csv"  # an export the user asks for stays as asked
    done = subprocess.run([sys.executable, "-m", "app.tickets", "export", "--data-dir", str(seat_with_calls),
                           str(exported)], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "已导出 4 条工单" in done.stdout, done.stderr
    assert files_holding(seat_with_calls, [*PHONES, "13700001111", "13900002222"]) == []


def test_a_plain_file_of_the_old_kind_holds_the_numbers_this_test_looks_for(tmp_path: Path) -> None:
    """The byte scan can fail: on a plain store it finds every number."""
    connection = connect_file(tmp_path / "plain.sqlite3", None)
    connection.execute("CREATE TABLE t(phone)")
    connection.executemany("INSERT INTO t VALUES (?)", [(p,) for p in PHONES])
    connection.commit()
    connection.close()
    assert len(files_holding(tmp_path, PHONES)) == len(PHONES)


def test_command_lines_refuse_a_store_they_cannot_unlock(seat_with_calls: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO_ROOT),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    before = snapshot(seat_with_calls)
    done = subprocess.run([sys.executable, "-m", "app.tickets", "export", "--data-dir", str(seat_with_calls),
                           str(seat_with_calls.parent / "out.csv")], cwd=REPO_ROOT, capture_output=True,
                          text=True, timeout=120, env=env, stdin=subprocess.DEVNULL)
    assert done.returncode == 4
    assert "没有可用的密钥环" in done.stderr and "Traceback" not in done.stderr
    assert snapshot(seat_with_calls) == before
