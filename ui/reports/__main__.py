"""Try the dashboard alone: ``python -m ui.reports --data-dir DIR [--demo] [--today 2024-01-17]``.

``--demo`` fills an empty store with the seed's week (1月8日至14日 2024) first.
"""

import argparse
import sys
from datetime import date

from PySide6.QtWidgets import QApplication

from app.desk import StoreKeyError, open_desk
from app.paths import resolve_data_dir
from ui.passphrase_dialog import ask_passphrase, show_unlock_failed
from ui.reports.dashboard import ReportsDashboard


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.reports")
    parser.add_argument("--data-dir")
    parser.add_argument("--demo", action="store_true", help="load the seed's week into an empty store")
    parser.add_argument("--today", type=date.fromisoformat, help="pretend today is this date")
    args = parser.parse_args(argv)
    app = QApplication(sys.argv[:1])
    try:
        desk = open_desk(resolve_data_dir(args.data_dir), prompt=ask_passphrase)
    except StoreKeyError as error:
        show_unlock_failed(error)
        return 4  # as every program whose store could not be unlocked (app.store.terminal)
    if args.demo:
        desk.fill_sample_week()
    today = args.today or (date(2024, 1, 17) if args.demo else None)
    widget = ReportsDashboard(desk, today=today)
    widget.setWindowTitle(widget.tr("报表与简报"))
    widget.resize(1280, 820)
    widget.show()
    code = app.exec()
    desk.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
