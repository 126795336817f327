"""The desktop seat against the real center: login, status bar, offline, conflicts, 401, and
the acceptance story of two running seats capturing offline and converging.

One SQLite server subprocess for the module (stopped and restarted to cut the network);
each test opens fresh seats as the app does (``open_seat`` + ``MainWindow``), with the token
in an in-memory keyring backend.
"""

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from e2e_support import PASSWORD, USERS, MemoryKeyring, server_tickets
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from app.domain.ticket import TicketInput
from app.seat import Seat, open_seat
from app.settings import Settings, load_settings, save_settings
from app.store.models import Ticket
from app.sync.client import RetryPolicy
from app.sync.credentials import SERVICE, TokenStore
from app.tickets.service import get_by_client_id, ticket_to_input, update_ticket
from server.testing import ServerProcess, add_users
from ui.conflict_dialog import LOCAL, SERVER
from ui.main_window import MainWindow
from ui.sync_controller import SyncController, SyncState

COMPLAINT = {"request_type": "投诉", "caller_name": "王女士", "caller_phone": "13812345678",
             "category1": "城市管理", "district": "梁园区", "street": "平原街道",
             "address": "株洲路财政局家属院", "description": "楼下小餐饮店用大喇叭播放录音揽客，影响午休。"}


@pytest.fixture(scope="module")
def center(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    data_dir = tmp_path_factory.mktemp("desk-center")
    process = ServerProcess(data_dir)  # the app's own reference data, as `make server` has
    try:
        process.start()
        add_users(f"sqlite:///{data_dir / 'hotline-server.sqlite3'}", USERS, PASSWORD)
        yield process
    finally:
        process.stop()


@dataclass
class Workstation:
    seat: Seat
    window: MainWindow
    keyring: MemoryKeyring

    @property
    def sync(self) -> SyncController:
        return self.window.sync

    def capture(self, qtbot: QtBot, title: str) -> int:
        """Type a ticket into the form (values set at once) and save it with the form's save."""
        form = self.window.form
        form.set_values(TicketInput.from_dict({**COMPLAINT, "title": title}))
        with qtbot.waitSignal(form.ticket_saved, timeout=10000) as saved:
            form.save()
        return int(saved.args[0])

    def sync_now(self, qtbot: QtBot) -> None:
        """F5, and wait for the round to end well."""
        with qtbot.waitSignal(self.sync.synced, timeout=30000):
            self.window.sync_action.trigger()

    def client_ids(self) -> list[str]:
        with self.seat.store.session() as session:
            return list(session.scalars(select(Ticket.client_id)))


@pytest.fixture
def open_desk(tmp_path: Path, center: ServerProcess, qtbot: QtBot) -> Iterator[Callable[..., Workstation]]:
    desks: list[Workstation] = []

    def open_(user: str = "agent1", *, login: bool = True) -> Workstation:
        data_dir = tmp_path / f"seat{len(desks)}"
        data_dir.mkdir()
        save_settings(data_dir, Settings(seat_id=f"S{uuid.uuid4().hex[:4].upper()}", agent_name=user,
                                         server_url=center.url, server_user=user, sync_interval=3600))
        seat = open_seat(data_dir)
        keyring = MemoryKeyring()
        layer = Desk(seat)
        controller = SyncController(layer, tokens=TokenStore(keyring),
                                    retry=RetryPolicy(attempts=1, backoff=0.01))
        window = MainWindow(layer, controller)  # starts a first round: no token yet → login
        qtbot.addWidget(window)
        window.show()
        desk = Workstation(seat, window, keyring)
        desks.append(desk)
        if login:
            log_in(desk, qtbot)
        return desk

    yield open_
    for desk in desks:
        desk.window.close()
        desk.seat.close()


def log_in(desk: Workstation, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: desk.window.login_dialog is not None and desk.window.login_dialog.isVisible())
    dialog = desk.window.login_dialog
    assert dialog is not None
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(desk.sync.synced, timeout=30000):
        dialog.login_button.click()
    assert not dialog.isVisible()


def _visible_dialogs() -> list[str]:
    return [w.windowTitle() for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog | QMessageBox) and w.isVisible()]


def _edit(desk: Workstation, client_id: str, **values: Any) -> None:
    with desk.seat.store.session() as session, session.begin():
        ticket = get_by_client_id(session, client_id)
        assert ticket is not None
        data = TicketInput.from_dict({**ticket_to_input(ticket).to_dict(), **values})
        update_ticket(session, ticket=ticket, data=data, context=desk.seat.context)
    desk.sync.local_change()


def test_login_stores_the_token_in_the_keyring_and_pending_drops_to_zero(
        open_desk: Callable[..., Workstation], qtbot: QtBot, center: ServerProcess) -> None:
    desk = open_desk("agent1", login=False)
    qtbot.waitUntil(lambda: desk.window.login_dialog is not None and desk.window.login_dialog.isVisible())
    assert desk.window.login_dialog is not None
    assert "登录已失效" not in desk.window.login_dialog.reason.text()  # a first login
    desk.capture(qtbot, "大喇叭扰民1")
    desk.capture(qtbot, "大喇叭扰民2")
    bar = desk.window.sync_status
    assert bar.pending_label.text() == "待同步 2 条"
    assert "未登录" in bar.state_label.text()

    log_in(desk, qtbot)
    assert bar.pending_label.text() == "待同步 0 条"
    assert "在线" in bar.state_label.text() and "上次同步" in bar.last_label.text()
    account = TokenStore.account(center.url, "agent1")
    token = desk.keyring.secrets[(SERVICE, account)]
    assert center.get("/auth/me", token).json()["username"] == "agent1"
    assert not bar.keyring_label.isVisible()
    saved = load_settings(desk.seat.data_dir)
    assert (saved.server_url, saved.server_user) == (center.url, "agent1")
    with desk.seat.store.session() as session:
        assert all(t.official_no for t in session.scalars(select(Ticket)))


def test_no_keyring_says_so_and_keeps_the_token_in_memory(
        tmp_path: Path, center: ServerProcess, qtbot: QtBot) -> None:
    from keyring.backends.fail import Keyring as FailKeyring

    data_dir = tmp_path / "seat"
    data_dir.mkdir()
    save_settings(data_dir, Settings(server_url=center.url, server_user="agent2", sync_interval=3600))
    seat = open_seat(data_dir)
    try:
        tokens = TokenStore(FailKeyring())
        layer = Desk(seat)
        window = MainWindow(layer, SyncController(layer, tokens=tokens,
                                                  retry=RetryPolicy(attempts=1, backoff=0.01)))
        qtbot.addWidget(window)
        window.show()
        desk = Workstation(seat, window, MemoryKeyring())
        qtbot.waitUntil(lambda: window.login_dialog is not None and window.login_dialog.isVisible())
        assert window.login_dialog is not None and window.login_dialog.notice.isVisible()
        log_in(desk, qtbot)
        assert window.sync_status.keyring_label.isVisible()
        assert tokens.get(TokenStore.account(center.url, "agent2"))  # in memory, for this run
        window.close()
    finally:
        seat.close()


def test_offline_shows_offline_keeps_tickets_pending_and_no_dialogs(
        open_desk: Callable[..., Workstation], qtbot: QtBot, center: ServerProcess) -> None:
    desk = open_desk("agent1")
    center.stop()
    try:
        desk.capture(qtbot, "断网时受理")
        for _ in range(2):  # the agent presses F5 twice: still no dialog, only the status bar
            with qtbot.waitSignal(desk.sync.status_changed, timeout=20000,
                                  check_params_cb=lambda s: s.state == SyncState.OFFLINE and not s.busy):
                desk.window.sync_action.trigger()
        bar = desk.window.sync_status
        assert "离线" in bar.state_label.text()
        assert bar.pending_label.text() == "待同步 1 条"
        assert bar.error_label.isVisible() and "恢复网络后自动同步" in bar.error_label.text()
        assert _visible_dialogs() == []
    finally:
        center.start()
    desk.sync_now(qtbot)
    assert desk.window.sync_status.pending_label.text() == "待同步 0 条"


def test_conflict_dialog_shows_both_values_and_resolving_converges(
        open_desk: Callable[..., Workstation], qtbot: QtBot, center: ServerProcess) -> None:
    a, b = open_desk("agent1"), open_desk("agent2")
    ticket_id = a.capture(qtbot, "原来的标题")
    a.sync_now(qtbot)
    b.sync_now(qtbot)
    with a.seat.store.session() as session:
        client_id = session.get(Ticket, ticket_id).client_id  # type: ignore[union-attr]
    _edit(a, client_id, title="A座席改的标题", address="A座席改的地址")
    a.sync_now(qtbot)
    _edit(b, client_id, title="B座席改的标题", address="B座席改的地址")
    b.sync_now(qtbot)

    bar = b.window.sync_status
    assert bar.conflicts_button.isVisible() and "冲突 1 张" in bar.conflicts_button.text()
    bar.conflicts_button.click()
    dialog = b.window.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    shown = {name: [label.text() for label in cells] for name, cells in dialog.cells.items()}
    assert shown == {"title": ["B座席改的标题", "A座席改的标题"], "address": ["B座席改的地址", "A座席改的地址"]}
    dialog.choose("title", LOCAL)  # merge: B's title, A's address
    dialog.choose("address", SERVER)
    with qtbot.waitSignal(b.sync.synced, timeout=30000):
        dialog.save_button.click()
    assert not bar.conflicts_button.isVisible()

    a.sync_now(qtbot)
    for desk in (a, b):
        with desk.seat.store.session() as session:
            ticket = get_by_client_id(session, client_id)
            assert ticket is not None
            assert (ticket.title, ticket.address) == ("B座席改的标题", "A座席改的地址")
    on_server = server_tickets(center, center.login("admin", PASSWORD))[client_id]
    assert (on_server["title"], on_server["address"]) == ("B座席改的标题", "A座席改的地址")


def test_revoked_token_brings_the_login_prompt(
        open_desk: Callable[..., Workstation], qtbot: QtBot, center: ServerProcess) -> None:
    desk = open_desk("agent1")
    account = TokenStore.account(center.url, "agent1")
    token = desk.keyring.secrets[(SERVICE, account)]
    requests.post(f"{center.url}/api/v1/auth/logout", headers={"Authorization": f"Bearer {token}"},
                  timeout=10).raise_for_status()
    desk.capture(qtbot, "令牌被吊销后受理")
    with qtbot.waitSignal(desk.sync.login_required, timeout=20000) as required:
        desk.window.sync_action.trigger()
    assert required.args == [True]
    dialog = desk.window.login_dialog
    assert dialog is not None and dialog.isVisible()
    assert "登录已失效" in dialog.reason.text()
    assert (SERVICE, account) not in desk.keyring.secrets  # the dead token is forgotten
    assert "未登录" in desk.window.sync_status.state_label.text()
    log_in(desk, qtbot)
    assert desk.window.sync_status.pending_label.text() == "待同步 0 条"


def test_two_seats_capture_with_the_network_cut_and_see_every_ticket_once(
        open_desk: Callable[..., Workstation], qtbot: QtBot, center: ServerProcess) -> None:
    """The acceptance story of issue 3, with two running windows against one real center."""
    a, b = open_desk("agent1"), open_desk("agent2")
    center.stop()  # the network is cut
    try:
        ours = [a.capture(qtbot, f"A座席断网受理{i}") for i in range(3)]
        ours += [b.capture(qtbot, f"B座席断网受理{i}") for i in range(2)]
        for desk, pending in ((a, 3), (b, 2)):
            with qtbot.waitSignal(desk.sync.status_changed, timeout=20000,
                                  check_params_cb=lambda s: s.state == SyncState.OFFLINE and not s.busy):
                desk.window.sync_action.trigger()
            assert desk.sync.status.pending == pending
        assert _visible_dialogs() == []
    finally:
        center.start()  # reconnected
    a.sync_now(qtbot)
    b.sync_now(qtbot)
    a.sync_now(qtbot)

    token = center.login("admin", PASSWORD)
    on_server = server_tickets(center, token)  # asserts no ticket is there twice
    titles = {f"A座席断网受理{i}" for i in range(3)} | {f"B座席断网受理{i}" for i in range(2)}
    assert sum(t["title"] in titles for t in on_server.values()) == 5
    for desk in (a, b):
        ids = desk.client_ids()
        assert len(ids) == len(set(ids))
        with desk.seat.store.session() as session:
            mine = [t for t in session.scalars(select(Ticket)) if t.title in titles]
        assert sorted(t.title for t in mine) == sorted(titles)
        assert all(t.official_no for t in mine)
        assert desk.sync.status.pending == 0
        desk.window.queue.select_view("all")  # not only the agent's own work queue
        model = desk.window.queue.model
        expected = len(ids)
        qtbot.waitUntil(lambda m=model, n=expected: m.rowCount() == n)  # type: ignore[misc]
    assert len(ours) == 5
