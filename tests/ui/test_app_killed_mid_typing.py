"""The real window, killed (SIGKILL) while an agent types without a pause, offers the draft
back whole at the next start: every character whose draft write had returned, and no
character that was not typed."""

import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.ui.typing_worker import TEXT, TITLE

REPO = Path(__file__).resolve().parents[2]
# As a module: run as a script, tests/ui would come first on sys.path and its typing.py would
# shadow the standard library's.
WORKER = [sys.executable, "-m", "tests.ui.typing_worker"]
ROUNDS = 3
DRAFT_TIMEOUT_S = 30

pytestmark = pytest.mark.slow


def type_then_kill(data_dir: Path, drafts: int) -> list[int]:
    """Let ``drafts`` draft writes return, SIGKILL; the lengths every returned write held."""
    worker = subprocess.Popen([*WORKER, "type", str(data_dir)], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stdout = worker.stdout
    assert stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in stdout], daemon=True)
    reader.start()
    written = []
    try:
        for _ in range(drafts):
            # The window starts in a few seconds; then a draft is due every two at the latest.
            written.append(int(lines.get(timeout=DRAFT_TIMEOUT_S)))
    except queue.Empty:
        pass
    finally:
        os.kill(worker.pid, signal.SIGKILL)
        _, errors = worker.communicate(timeout=30)
    reader.join(timeout=30)
    assert len(written) == drafts, f"no draft written within {DRAFT_TIMEOUT_S} s of typing: {errors}"
    # Lines still in the pipe were printed before the kill: those writes had returned too.
    while not lines.empty():
        written.append(int(lines.get()))
    return written


def test_the_draft_typed_until_the_kill_comes_back_whole(tmp_path: Path, rng: random.Random) -> None:
    for round_no in range(ROUNDS):
        data_dir = tmp_path / f"seat-{round_no}"
        written = type_then_kill(data_dir, rng.randint(1, 3))
        # Written while the agent never paused for the debounce: at most every two seconds.
        assert written[0] > 0 and written == sorted(written)
        restarted = subprocess.run([*WORKER, "restore", str(data_dir)], cwd=REPO,
                                   capture_output=True, text=True, timeout=120, check=True)
        shown = json.loads(restarted.stdout.strip().splitlines()[-1])
        assert TITLE in shown["offered"]
        assert shown["title"] == TITLE
        assert len(shown["description"]) >= written[-1]
        assert shown["description"] == TEXT[:len(shown["description"])]
