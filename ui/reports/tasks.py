"""Run a function on the thread pool and get its result (or error) back on the GUI thread.

A stand-in with the same signature as main's ``ui.tasks.run_task`` (written in parallel): at merge,
replace this module's body with ``from ui.tasks import run_task`` so one threading style exists.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Lives on the GUI thread; its queued signals carry the worker's outcome back."""

    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.func = func
        self.relay = relay

    def run(self) -> None:
        try:
            value = self.func()
        except Exception as error:  # handed to the GUI thread, which shows it
            self.relay.failed.emit(error)
        else:
            self.relay.done.emit(value)


_live: set[_Relay] = set()


def run_task(
    func: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None] | None = None,
    *,
    pool: QThreadPool | None = None,
) -> None:
    """Call ``func`` on a worker thread; ``on_done(result)`` or ``on_error(exc)`` on this thread.

    ``func`` must not touch widgets.
    """
    relay = _Relay()
    _live.add(relay)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _live.discard(relay)
        relay.deleteLater()
        callback(value)

    relay.done.connect(lambda value: finish(on_done, value))
    relay.failed.connect(lambda error: finish(on_error or _ignore, error))
    (pool or QThreadPool.globalInstance()).start(_Task(func, relay))


def _ignore(_error: Exception) -> None:
    pass
