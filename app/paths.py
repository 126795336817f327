"""Where a seat keeps its data: --data-dir, else $HOTLINE_DESK_DATA_DIR, else the platform's place."""

import os
from pathlib import Path

from platformdirs import user_data_path

DATA_DIR_ENV = "HOTLINE_DESK_DATA_DIR"


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    if env_value := os.environ.get(DATA_DIR_ENV):
        return Path(env_value).expanduser().resolve()
    return user_data_path("HotlineDesk", appauthor=False)
