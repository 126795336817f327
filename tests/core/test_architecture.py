"""The core under app/ never imports Qt: not in its source, and not through any dependency."""

import ast
import subprocess
import sys

from tests.conftest import REPO_ROOT

APP = REPO_ROOT / "app"
QT_ROOTS = ("PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "shiboken2", "sip", "qtpy")


def _qt_imports(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
              and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            names = [node.args[0].value]
        else:
            continue
        found += [n for n in names if n.split(".")[0] in QT_ROOTS]
    return found


def test_no_app_module_imports_qt_in_its_source() -> None:
    offenders = {}
    for path in sorted(APP.rglob("*.py")):
        if found := _qt_imports(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            offenders[str(path.relative_to(REPO_ROOT))] = found
    assert offenders == {}


def test_the_scan_catches_an_import() -> None:
    assert _qt_imports(ast.parse("from PySide6.QtCore import QObject\nimport PyQt6\n")) == ["PySide6.QtCore", "PyQt6"]
    assert _qt_imports(ast.parse("importlib.import_module('shiboken6')")) == ["shiboken6"]


def test_importing_every_app_module_loads_no_qt() -> None:
    modules = sorted(
        ".".join(path.relative_to(REPO_ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in APP.rglob("*.py")
        if "migrations" not in path.parts
    )
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {QT_ROOTS!r})\n"
        "print(len(sys.modules), loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    count, loaded = done.stdout.split(" ", 1)
    assert loaded.strip() == "[]"
    assert int(count) > 100  # the modules really were imported
