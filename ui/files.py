"""Where the file dialogs open: the user's documents folder, not the folder the program was
started from (a checkout, or the bundle's folder)."""

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def in_documents(name: str = "") -> str:
    """The documents folder, with ``name`` proposed in it when given."""
    folder = (QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
              or str(Path.home()))
    return str(Path(folder) / name) if name else folder
