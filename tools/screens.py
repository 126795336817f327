"""Screenshots of every window, tab and dialog of each role, in both languages, at 1280x720 and
1920x1080: ``make screens`` (or ``python tools/screens.py --out DIR``).

Each role gets a fresh seat with demo tickets, signed in as that role on the seat (no center:
the admin pages say the center cannot be reached). Files: ``DIR/<lang>/<WxH>/<role>-<what>.png``.
Look at every one after a UI change; the issue's closing note says what changed after looking.
Runs offscreen; each language in its own process (Qt's translators are application-wide).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = ((1280, 720), (1920, 1080))
ROLES = ("offline", "agent", "dispatcher", "unit", "supervisor", "admin")
PASSPHRASE = "screens only, never a real seat"  # a throwaway store per role


def _one_language(language: str, out: Path, roles: tuple[str, ...], demo: int) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

    from app.desk import open_desk
    from app.domain.enums import Status
    from app.domain.roles import Role
    from app.sync.credentials import TokenStore
    from app.sync.identity import Identity, remember_identity
    from app.tickets.demo import insert_demo_tickets
    from ui.application import create_application
    from ui.main_window import MainWindow
    from ui.settings_dialog import SettingsDialog
    from ui.sync_controller import SyncController

    app = create_application(language)
    identities = {
        "offline": None, "agent": Identity("lina", "李娜", Role.AGENT),
        "dispatcher": Identity("wangfang", "王芳", Role.DISPATCHER),
        "unit": Identity("chengguan", "张伟", Role.UNIT, "市城市管理局"),
        "supervisor": Identity("boss", "赵班长", Role.SUPERVISOR), "admin": Identity("admin", "管理员", Role.ADMIN),
    }
    saved = 0

    def settle() -> None:
        for _ in range(20):
            app.processEvents()

    def wait(ready: Callable[[], bool], seconds: float = 15.0) -> None:
        """Until background work (a count, a report) has arrived: a screenshot of 正在统计… shows nothing."""
        end = time.monotonic() + seconds
        while not ready() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    for role in roles:
        data_dir = Path(tempfile.mkdtemp(prefix=f"screens-{role}-"))
        desk = open_desk(data_dir, prompt=lambda _request: PASSPHRASE)
        insert_demo_tickets(desk.seat.store, desk.seat.context, demo)
        remember_identity(desk.seat, identities[role])
        window = MainWindow(desk, SyncController(desk, tokens=TokenStore()))
        for width, height in SIZES:
            folder = out / language / f"{width}x{height}"
            folder.mkdir(parents=True, exist_ok=True)

            def shoot(name: str, widget: QWidget, folder: Path = folder, role: str = role) -> None:
                nonlocal saved
                settle()
                widget.grab().save(str(folder / f"{role}-{name}.png"))
                saved += 1

            window.resize(width, height)
            window.show()
            settle()
            for index in range(window.tabs.count()):
                if not window.tabs.isTabVisible(index):
                    continue
                window.tabs.setCurrentIndex(index)
                widget = window.tabs.widget(index)
                if widget is window.queue:
                    for view in range(max(1, window.queue.views.count())):
                        window.queue.views.setCurrentIndex(view)
                        wait(window.queue.model.is_fully_loaded)
                        shoot(f"tab{index}-queue{view}", window)
                elif window.admin is not None and widget is window.admin:
                    for key in list(window.admin.pages):
                        window.admin.select(key)
                        shoot(f"tab{index}-admin-{key}", window)
                else:
                    settle()
                    reports = window.reports
                    if reports is not None and widget is reports:
                        wait(lambda r=reports: r.dashboard is not None)
                        for sub in range(reports.tabs.count()):
                            reports.tabs.setCurrentIndex(sub)
                            shoot(f"tab{index}-reports{sub}", window)
                        reports.tabs.setCurrentIndex(0)
                    else:
                        shoot(f"tab{index}", window)
            dialogs: list[tuple[str, Callable[[], QWidget | None]]] = [
                ("login", lambda w=window: w.show_login(expired=False)),
                ("settings", lambda w=window, d=desk: SettingsDialog(d.settings, w)),
                ("demo-question", window.ask_demo),
            ]
            for name, make in dialogs:
                dialog = make()
                if dialog is None:
                    continue
                dialog.show()
                shoot(name, dialog)
                dialog.close()
            if window.tabs.isTabVisible(0):
                window.tabs.setCurrentIndex(0)
                window.form.save()  # an empty form: every hint shows
                shoot("capture-hints", window)
                window.form.title.setText("半截的标题")
                question = window.start_new_ticket()
                if isinstance(question, QMessageBox):
                    shoot("new-ticket-question", question)
                    question.button(QMessageBox.StandardButton.Yes).click()
            for status in (Status.ACCEPTED, Status.DISPATCHED, Status.COMPLETED):
                ticket_id = _first_of(desk, status.value)
                if ticket_id is None:
                    continue
                detail = window.open_ticket(ticket_id)
                detail.show()
                shoot(f"ticket-{status.name.lower()}", detail)
                for action in list(detail.action_buttons):
                    dialog = detail.open_action(action)
                    shoot(f"ticket-{status.name.lower()}-action-{action.name.lower()}", dialog)
                    dialog.reject()
                if detail.reveal_button.isVisible() and detail.reveal_button.isEnabled():
                    detail.reveal_button.click()
                    if detail.reveal_dialog is not None:
                        shoot(f"ticket-{status.name.lower()}-reveal", detail.reveal_dialog)
                        detail.reveal_dialog.reject()
                detail.close()
            for child in window.findChildren(QDialog):
                child.close()
        window.form.wait_for_writes()
        window.close()
        desk.close()
    print(f"{language}: {saved} screenshots in {out / language}")
    return 0


def _first_of(desk: object, status: str) -> int | None:
    """The oldest ticket in ``status`` (a read through the desk's queue reader)."""
    from app.desk import Desk
    from app.tickets.queue import QueueFilter, QueueSort

    assert isinstance(desk, Desk)
    reader = desk.queue_reader()
    try:
        ids = reader.ids_page(QueueFilter(statuses=(status,)), QueueSort(), 0, 1)
    finally:
        reader.close()
    return ids[0] if ids else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / "screens"), help="folder for the screenshots")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="one language only (default: both)")
    parser.add_argument("--roles", default=",".join(ROLES), help="comma-separated: " + ",".join(ROLES))
    parser.add_argument("--demo", type=int, default=400, help="demo tickets per role's seat")
    args = parser.parse_args()
    out = Path(args.out)
    roles = tuple(r for r in args.roles.split(",") if r)
    if args.lang:
        return _one_language(args.lang, out, roles, args.demo)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    for language in ("zh_CN", "en"):
        done = subprocess.run([sys.executable, __file__, "--out", str(out), "--lang", language,
                               "--roles", ",".join(roles), "--demo", str(args.demo)], env=env, check=False)
        if done.returncode:
            return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
