"""Counts and messages stay current (issue 13.6): 待同步 after demo data and an import, no
"正在导入…" left behind, import progress with a count and 取消, the hint counter while fixing,
and a report export that says where the file went."""

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.desk import Desk
from app.seat import Seat
from app.store.models import OutboxEntry, Ticket
from app.tickets import importer
from tests.ui.test_ticket_form import _type_noise_complaint
from tests.ui.typing import type_text
from ui.main_window import MainWindow


@pytest.fixture
def window(seat: Seat, qtbot: QtBot) -> Iterator[MainWindow]:
    main = MainWindow(Desk(seat))
    qtbot.addWidget(main)
    main.show()
    yield main
    main.form.wait_for_writes()


def _sheet(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["受理时间", "诉求类型", "联系电话", "一级分类", "区县", "地址", "标题", "诉求内容"])
        for n in range(rows):
            out.writerow([f"2026-11-{1 + n % 28:02d} 09:{n % 60:02d}", "咨询", f"1381234{n:04d}", "城市管理",
                          "梁园区", f"凯旋路{n}号", f"咨询{n}", f"第{n}位市民咨询垃圾分类时间"])
    return path


def _pending(seat: Seat) -> int:
    with seat.store.session() as session:
        return session.scalar(select(func.count()).select_from(OutboxEntry)) or 0


def test_an_import_updates_pending_and_leaves_no_importing_message(
        window: MainWindow, seat: Seat, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    window.import_path(_sheet(tmp_path / "calls.csv", 30))
    assert "正在导入" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert _pending(seat) == 30
    assert window.sync_status.pending_label.text() == "待同步 30 条"
    assert "正在导入" not in window.statusBar().currentMessage()
    assert window.import_progress is not None and not window.import_progress.isVisible()


def test_an_import_shows_its_count_and_can_be_cancelled_between_batches(
        window: MainWindow, seat: Seat, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "BATCH_SIZE", 10)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    progress = window.import_path(_sheet(tmp_path / "calls.csv", 45))
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "取消"
    cancel.click()  # at once: the batch under way is written, then the import stops
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    with seat.store.session() as session:
        kept = session.scalar(select(func.count()).select_from(Ticket))
    assert kept == 10 and "10 行已保存" in shown[0]
    assert window.sync_status.pending_label.text() == "待同步 10 条"
    assert not progress.isVisible()


def test_pending_counts_a_saved_ticket_and_no_demo_ticket(window: MainWindow, seat: Seat, qtbot: QtBot) -> None:
    _type_noise_complaint(qtbot, window.form)
    with qtbot.waitSignal(window.form.ticket_saved, timeout=10000):
        window.form.save()
    assert window.sync_status.pending_label.text() == "待同步 1 条"
    with qtbot.waitSignal(window.queue.model.ids_loaded, timeout=20000):
        window.fill_demo()
    qtbot.waitUntil(lambda: "已生成" in window.statusBar().currentMessage(), timeout=20000)
    assert window.sync_status.pending_label.text() == "待同步 1 条" and _pending(seat) == 1


def test_the_hint_counter_follows_the_fixes(window: MainWindow, qtbot: QtBot) -> None:
    form = window.form
    form.save()
    assert "还有" in form.status_line.text()
    _type_noise_complaint(qtbot, form)
    form.caller_phone.editingFinished.emit()
    qtbot.waitUntil(lambda: "还有" not in form.status_line.text())
    assert "已全部改好" in form.status_line.text()
    form.caller_phone.clear()
    type_text(form.caller_phone, "12")
    form.caller_phone.editingFinished.emit()
    assert "还有 1 处" in form.status_line.text()
