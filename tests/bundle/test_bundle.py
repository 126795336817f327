"""The bundle an office installs: ``make bundle`` (PyInstaller, packaging/hotline-desk.spec)
built here and started offscreen, with no Python of ours on its path, on a fresh data folder.

Its key goes to a real Secret Service (gnome-keyring under its own D-Bus session, as in
tests/e2e/test_keyring.py): the store it creates must be encrypted, and the window must still
be running a few seconds after the store appeared (no traceback: translations, reference data,
the assistant's files, migrations, Qt plugins and SQLCipher all found inside the bundle).
"""

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.store.db import STORE_FILENAME, is_plain
from app.store.keys import KEY_FILENAME, KeyFile
from tests.conftest import REPO_ROOT

SPEC = REPO_ROOT / "packaging" / "hotline-desk.spec"
ALIVE_S = 5

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("the bundle test runs on Linux (Windows: see README, 'A Windows seat')")
    out = tmp_path_factory.mktemp("bundle")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                           "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(SPEC)],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stderr[-3000:]
    folder = out / "dist" / "hotline-desk"
    size_mb = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20
    print(f"bundle built in {time.perf_counter() - started:.0f} s, {size_mb:.0f} MB")
    return folder


def test_bundle_holds_what_the_desk_reads(bundle: Path) -> None:
    inside = bundle / "_internal"
    for part in ("resources/translations/hotline_desk_en.qm", "resources/reference/units.csv",
                 "resources/assistant/category_prior.json", "resources/assistant/knowledge.json",
                 "app/store/migrations/env.py", "PySide6/Qt/plugins/platforms/libqoffscreen.so"):
        assert (inside / part).exists(), part


SESSION = textwrap.dedent("""
    echo -n 'bundle-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
    exec "$HD_BUNDLE" --data-dir "$HD_DATA" --lang en
""")


def test_bundle_starts_on_a_fresh_data_dir_with_an_encrypted_store(bundle: Path, tmp_path: Path) -> None:
    missing = [tool for tool in ("dbus-run-session", "gnome-keyring-daemon") if not shutil.which(tool)]
    if missing:
        pytest.skip(f"SKIPPING the bundle start — not installed: {', '.join(missing)} "
                    "(make test-setup installs Debian's gnome-keyring)")
    data_dir = tmp_path / "seat"
    (tmp_path / "home").mkdir()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen",
           "LANG": "C.UTF-8", "HD_BUNDLE": str(bundle / "hotline-desk"), "HD_DATA": str(data_dir)}
    desk = subprocess.Popen(["dbus-run-session", "--", "sh", "-c", SESSION], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        store = data_dir / STORE_FILENAME
        while not (store.exists() and store.stat().st_size) and desk.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)  # a subprocess's file: nothing to await but its appearance
        with pytest.raises(subprocess.TimeoutExpired):
            desk.wait(timeout=ALIVE_S)  # still running with its window up
    finally:
        os.killpg(desk.pid, 15)
        _, errors = desk.communicate(timeout=30)
    assert "Traceback" not in errors, errors[-3000:]
    assert store.exists() and not is_plain(store), errors[-3000:]
    described = KeyFile.read(data_dir)
    assert described is not None and described.account is not None, (data_dir / KEY_FILENAME).read_text()
