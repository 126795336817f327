"""`make run` on Linux says in one message which packages the window needs (issue 13.13)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.desktop_check import _ldd, _xcb_plugin, check, missing_libraries, package_of

LDD = """\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /x/libQt6XcbQpa.so.6 (0x7f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-icccm.so.4 => not found
"""


def test_sonames_map_to_debian_packages() -> None:
    assert package_of("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert package_of("libxcb-render-util.so.0") == "libxcb-render-util0"
    assert package_of("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert package_of("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert package_of("libEGL.so.1") == "libegl1"


def test_every_missing_package_is_named_in_one_install_line(tmp_path: Path) -> None:
    assert missing_libraries(LDD) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxkbcommon-x11.so.0"]
    ok, message = check(ldd=lambda _p: LDD, plugin=tmp_path / "libqxcb.so", chinese_font=lambda: False,
                        keyring_ok=lambda: False, which=lambda _name: None)
    assert not ok
    installs = [line.strip() for line in message.splitlines() if "apt-get install" in line]
    assert installs[0] == "sudo apt-get install libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0"
    assert installs[1] == "sudo apt-get install fonts-wqy-microhei gnome-keyring poppler-utils"
    ok, message = check(ldd=lambda _p: "", plugin=tmp_path / "libqxcb.so", chinese_font=lambda: True,
                        keyring_ok=lambda: True, which=lambda name: f"/usr/bin/{name}")
    assert ok and message == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux desktop's check")
def test_the_check_agrees_with_the_dynamic_linker_here() -> None:
    plugin = _xcb_plugin()
    assert plugin is not None
    missing = {package_of(lib) for lib in missing_libraries(_ldd(plugin))}
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run([sys.executable, "-m", "ui.desktop_check"], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == (1 if missing else 0)
    assert "Traceback" not in done.stderr
    for package in missing:
        assert package in done.stderr
