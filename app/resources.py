"""Where the application's own data files are: one function for a checkout, an installed
wheel and the PyInstaller bundle.

``resources/`` is a package of data files (package data in the wheel, collected beside the
code in the bundle), so it is found through its import instead of a path relative to a
source file that only a checkout has.
"""

from pathlib import Path

import resources


def resource_path(*parts: str) -> Path:
    """``resource_path("reference", "units.csv")``: a file or folder under ``resources/``."""
    return Path(resources.__file__).resolve().parent.joinpath(*parts)
