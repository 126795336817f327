"""The Qt binding itself: PySide6 6.12.0's Signal.emit() dropped a reference to the bool it
returns, so that a running window aborted after a few hundred signals ("Fatal Python error:
bool_dealloc"). pyproject.toml keeps that release out; this fails if a release brings it back."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_emitting_a_signal_keeps_every_reference_count() -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.fired.connect(received.append)
    before = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    for _ in range(200):
        emitter.fired.emit(None)
    after = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    assert len(received) == 200
    # A few references may come and go elsewhere; the bug lost one per emit (-200).
    assert all(a - b > -20 for a, b in zip(after, before, strict=True)), (before, after)
