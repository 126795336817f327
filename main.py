"""Hotline Desk (热线座席工作台): start the seat's workstation."""

import argparse
import logging
import sys

from app.paths import DATA_DIR_ENV, resolve_data_dir


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="热线座席工作台 Hotline Desk")
    parser.add_argument("--data-dir", help=f"本机数据目录（也可用环境变量 {DATA_DIR_ENV}）")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="界面语言 / UI language")
    parser.add_argument("--demo", action="store_true", help="先生成几千条演示工单")
    return parser.parse_args(argv)


def configure_logging() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Alembic's INFO lines (and a migration's docstring, "merged-into, solved.") said nothing
    # a user can act on at every start; its warnings and errors still show.
    logging.getLogger("alembic").setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    configure_logging()

    from app.desk import StoreKeyError, open_desk
    from app.settings import load_settings
    from app.store.terminal import STORE_LOCKED_EXIT
    from ui.application import create_application
    from ui.main_window import MainWindow
    from ui.passphrase_dialog import ask_passphrase, show_unlock_failed

    data_dir = resolve_data_dir(args.data_dir)
    app = create_application(args.lang or load_settings(data_dir).language)
    try:
        # The window runs WAL checkpoints and search-index merges off the saving path (app.store.upkeep).
        desk = open_desk(data_dir, prompt=ask_passphrase, background_checkpoints=True)
    except StoreKeyError as error:
        logging.error("store not opened: %s", type(error).__name__)
        show_unlock_failed(error)
        return STORE_LOCKED_EXIT
    if args.demo:
        desk.insert_demo()
    window = MainWindow(desk)
    window.show()
    try:
        return app.exec()
    finally:
        desk.close()


if __name__ == "__main__":
    sys.exit(main())
