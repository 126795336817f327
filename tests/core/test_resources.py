"""``resources/`` is found through one function in a checkout and in an installed wheel (the
bundle: tests/bundle/test_bundle.py)."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.resources import resource_path
from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow

IN_THE_WHEEL = textwrap.dedent("""
    import sys
    from pathlib import Path
    import app.resources, app.store.db
    from app.reference import default_reference
    from app.store.db import Store
    from app.store.keys import StoreKey
    site = Path(sys.argv[1]).resolve()
    assert Path(app.resources.__file__).resolve().is_relative_to(site), app.resources.__file__
    assert app.resources.resource_path("translations", "hotline_desk_en.qm").is_file()
    assert len(default_reference().unit_names()) > 10
    with Store(Path(sys.argv[2]), key=StoreKey.generate()) as store:  # migrations from the wheel
        print(store.path.exists())
""")


def test_resources_in_a_checkout() -> None:
    assert resource_path("reference", "units.csv") == REPO_ROOT / "resources" / "reference" / "units.csv"


def test_an_installed_wheel_carries_resources_and_migrations(tmp_path: Path) -> None:
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / "wheel"),
                            str(REPO_ROOT)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp_path / "wheel").glob("hotline_desk-*.whl")
    site = tmp_path / "site"
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site),
                                str(wheel)], capture_output=True, text=True, timeout=600)
    assert installed.returncode == 0, installed.stderr[-2000:]
    # Outside the checkout, the wheel's copy first on the path.
    done = subprocess.run([sys.executable, "-c", IN_THE_WHEEL, str(site), str(tmp_path / "seat")],
                          cwd=tmp_path, env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "True", done.stderr[-2000:]
