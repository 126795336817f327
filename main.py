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


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    from app.desk import open_desk
    from ui.application import create_application
    from ui.main_window import MainWindow

    # The window runs WAL checkpoints and search-index merges off the saving path (app.store.upkeep).
    desk = open_desk(resolve_data_dir(args.data_dir), background_checkpoints=True)
    app = create_application(args.lang or desk.settings.language)
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
