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


# -- the seat's folder is private (POSIX) --------------------------------------------------------
# It holds callers' numbers and names (encrypted, but also the key's description, the model
# learned from ticket texts, settings): 0700 for folders, 0600 for files, so that no other
# user of the machine can read or list them. Windows keeps its per-user profile ACLs.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
# What a seat writes in its folder, and so tightens there: a folder given as --data-dir may
# hold other things, which are not ours to change.
_SEAT_FILE_PREFIXES = ("hotline-desk.sqlite3", "settings.json", "store-key.json")
_SEAT_DIR_PREFIXES = ("assistant", "restore-staging", "replaced-")


def _posix() -> bool:
    return os.name == "posix"


def make_private(path: Path) -> None:
    """A file only its owner can read and write (a folder: open, list, write)."""
    if _posix() and path.exists() and not path.is_symlink():
        path.chmod(PRIVATE_DIR_MODE if path.is_dir() else PRIVATE_FILE_MODE)


def private_dir(path: Path) -> Path:
    """``path`` created if missing (parents too), then made private; returns it."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    make_private(path)
    return path


def write_private_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file born 0600, then renamed in place."""
    temporary = path.with_name(path.name + ".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    make_private(temporary)  # an existing temporary kept its old mode through O_CREAT
    temporary.replace(path)


def secure_data_dir(data_dir: Path) -> None:
    """The seat's folder made private, with everything the seat keeps in it: run at every
    start, so a folder made by an earlier version (0755 with a 0644 store) is tightened too."""
    private_dir(data_dir)
    if not _posix():
        return
    for entry in data_dir.iterdir():
        if entry.is_symlink():
            continue
        if entry.is_dir() and entry.name.startswith(_SEAT_DIR_PREFIXES):
            make_private(entry)
            for root, dirs, files in os.walk(entry):
                for name in [*dirs, *files]:
                    make_private(Path(root) / name)
        elif entry.is_file() and entry.name.startswith(_SEAT_FILE_PREFIXES):
            make_private(entry)
