"""What a Linux desktop needs before the window can open: ``python -m ui.desktop_check``.

Qt names only libxcb-cursor0 when its xcb platform plugin cannot load; a newcomer then installs
packages one error at a time. This asks the dynamic linker which libraries the plugin misses and
says, in one message, which Debian/Ubuntu packages to install, with the optional ones (Chinese
font, a system keyring, poppler for looking at PDFs). Imports no Qt: it must run when Qt cannot.
Exit 1 when the window cannot open, else 0.
"""

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

# Libraries whose Debian package is not the soname's own spelling (libfoo-bar.so.0 → libfoo-bar0).
_PACKAGES = {
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6", "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0", "libGLX.so.0": "libglx0", "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
    "libSM.so.6": "libsm6", "libICE.so.6": "libice6", "libXext.so.6": "libxext6",
    "libXrender.so.1": "libxrender1", "libxcb.so.1": "libxcb1",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.M)


def package_of(soname: str) -> str:
    """The Debian package that ships ``soname`` (libxcb-icccm.so.4 → libxcb-icccm4)."""
    if soname in _PACKAGES:
        return _PACKAGES[soname]
    name, _, version = soname.partition(".so.")
    base = name.lower()
    major = version.split(".")[0]
    return f"{base}-{major}" if base[-1:].isdigit() else f"{base}{major}"


def missing_libraries(ldd_output: str) -> list[str]:
    return sorted(set(_NOT_FOUND.findall(ldd_output)))


def _xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    plugin = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def _ldd(path: Path) -> str:
    return subprocess.run(["ldd", str(path)], capture_output=True, text=True, timeout=30).stdout


def _has_chinese_font() -> bool:
    if shutil.which("fc-list") is None:
        return True  # cannot tell: say nothing
    found = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, timeout=30).stdout
    return bool(found.strip())


def _has_keyring() -> bool:
    import keyring

    from app.sync.credentials import usable_backend

    return usable_backend(keyring.get_keyring())


def check(*, ldd: Callable[[Path], str] = _ldd, plugin: Path | None = None,
          chinese_font: Callable[[], bool] = _has_chinese_font,
          keyring_ok: Callable[[], bool] = _has_keyring,
          which: Callable[[str], str | None] = shutil.which) -> tuple[bool, str]:
    """(whether the window can open, the one message to print; "" when all is there)."""
    plugin = plugin or _xcb_plugin()
    required = sorted({package_of(lib) for lib in missing_libraries(ldd(plugin))}) if plugin else []
    optional: list[tuple[str, str]] = []
    if not chinese_font():
        optional.append(("fonts-wqy-microhei", "中文字体：没有它，中文显示为方框"))
    if not keyring_ok():
        installed = which("gnome-keyring-daemon") or which("kwalletd6") or which("kwalletd5")
        if installed:
            optional.append(("", "系统密钥环已安装但没有运行（它随桌面会话启动）：不在桌面会话里时，"
                                 "每次启动都要输入工单库口令、重新登录中心"))
        else:
            optional.append(("gnome-keyring", "系统密钥环，保管工单库的密钥和登录凭据：没有它，"
                                              "每次启动都要输入口令、重新登录中心"))
    if which("pdftoppm") is None:
        optional.append(("poppler-utils", "查看导出的 PDF 报表（pdftoppm）"))
    if not required and not optional:
        return True, ""
    lines = []
    if required:
        lines += ["Qt 在本机打开窗口还缺少这些系统库（Debian/Ubuntu 软件包）：",
                  "    sudo apt-get install " + " ".join(required)]
    if optional:
        lines.append("另外：" if required else "可以启动。另外：")
        lines += [f"    {package}：{why}" if package else f"    {why}" for package, why in optional]
        if packages := [p for p, _ in optional if p]:
            lines.append("    sudo apt-get install " + " ".join(packages))
    if required:
        lines.append("装好后再运行 make run。其他发行版请安装同名的库（见 README 的 “Linux desktop” 一节）。")
    return not required, "\n".join(lines)


def main() -> int:
    headless = os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal", "vnc")
    if not sys.platform.startswith("linux") or headless or shutil.which("ldd") is None:
        return 0
    ok, message = check()
    if message:
        print(message, file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
