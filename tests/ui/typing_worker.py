"""Run by tests/ui/test_app_killed_mid_typing.py as a subprocess, which SIGKILLs it.

    python -m tests.ui.typing_worker type DATA_DIR     # the real window; an agent types on and on
    python -m tests.ui.typing_worker restore DATA_DIR  # the next start: take the offered draft back

The window is opened as main.py opens it. In ``type`` mode the title is committed, then the
description one character every 60 ms (faster than the draft's debounce, never pausing), as an
input method commits it; a line with the description's length is printed (and flushed) after
each draft write has returned. ``restore`` prints one JSON line: the draft banner's text and
the form's title and description after clicking 恢复.
"""

import json
import os
import sys
from collections import deque
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.desk import open_desk
from app.domain.ticket import TicketInput
from tests.ui.typing import type_text
from ui.application import create_application
from ui.main_window import MainWindow

TITLE = "烧烤店油烟噪音扰民"
TEXT = "楼下烧烤店每晚营业到凌晨两点，油烟和噪音很大，孩子没法睡觉，请尽快处理！" * 40


def open_window(data_dir: Path) -> tuple[QApplication, MainWindow]:
    desk = open_desk(data_dir, background_checkpoints=True)
    app = create_application("zh_CN")
    window = MainWindow(desk)
    window.show()
    return app, window


def type_on(data_dir: Path) -> None:
    app, window = open_window(data_dir)
    form = window.form
    written: deque[int] = deque()
    form.draft_changed.connect(lambda values: written.append(len(values.description)))
    form.draft_stored.connect(lambda: print(written.popleft(), flush=True))
    type_text(form.title, TITLE)
    typed = 0

    def next_character() -> None:
        nonlocal typed
        type_text(form.description, TEXT[typed])
        typed += 1

    keys = QTimer()
    keys.setInterval(60)
    keys.timeout.connect(next_character)
    keys.start()
    app.exec()


def restore(data_dir: Path) -> None:
    _, window = open_window(data_dir)
    offered = window.draft_banner.text.text() if window.draft_banner.isVisibleTo(window) else ""
    window.draft_banner.restore_button.click()
    values: TicketInput = window.form.values()
    print(json.dumps({"offered": offered, "title": values.title, "description": values.description},
                     ensure_ascii=False), flush=True)
    window.form.wait_for_writes()
    window.desk.close()


if __name__ == "__main__":
    {"type": type_on, "restore": restore}[sys.argv[1]](Path(sys.argv[2]))
