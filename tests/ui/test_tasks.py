"""run_task: answers come back on the GUI thread; an older request's answer is dropped."""

import threading

from PySide6.QtCore import QObject, QThreadPool
from pytestqt.qtbot import QtBot

from ui.tasks import Newest, run_task


def test_the_answer_of_a_replaced_request_is_dropped_result_or_error(qtbot: QtBot) -> None:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)  # in order: the older request finishes first
    release = threading.Event()
    newest = Newest()
    shown: list[str] = []
    errors: list[str] = []

    def older() -> str:
        release.wait(10)
        return "older"

    def failing() -> str:
        raise ValueError("older failure")

    newest.begin()
    run_task(older, shown.append, lambda e: errors.append(str(e)), pool=pool, newest=newest)
    run_task(failing, shown.append, lambda e: errors.append(str(e)), pool=pool, newest=newest)
    token = newest.begin()  # the user typed on
    run_task(lambda: "newer", shown.append, lambda e: errors.append(str(e)), pool=pool, newest=newest)
    assert newest.running == 3 and newest.is_current(token)
    release.set()
    qtbot.waitUntil(lambda: newest.running == 0, timeout=5000)
    assert (shown, errors) == (["newer"], [])


def test_without_a_guard_every_answer_arrives_and_a_gone_owner_gets_none(qtbot: QtBot) -> None:
    shown: list[int] = []
    for n in range(3):
        run_task(lambda n=n: n, shown.append)
    qtbot.waitUntil(lambda: len(shown) == 3, timeout=5000)
    assert sorted(shown) == [0, 1, 2]

    owner = QObject()
    release = threading.Event()
    newest = Newest()
    run_task(lambda: release.wait(10), shown.append, owner=owner, newest=newest)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: newest.running == 0, timeout=5000)
    assert len(shown) == 3


def _alive(obj: QObject) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))
