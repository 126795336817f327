"""The layers keep to their places: the core under app/ never imports Qt (not in its source, and
not through any dependency) nor the server; the windows under ui/ reach the store only through
the application layer (app.desk), never through the store, SQLAlchemy or sqlite3."""

import ast
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.conftest import REPO_ROOT

APP = REPO_ROOT / "app"
UI = REPO_ROOT / "ui"
QT_ROOTS = ("PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "shiboken2", "sip", "qtpy")
# What only the application layer may touch: the store, its ORM and driver.
STORE_MODULES = ("app.store", "sqlalchemy", "sqlite3")
# Handles on the store a window must not hold or call, whatever it imported.
STORE_HANDLES = frozenset({"store", "session", "raw_connection"})


def _imports(tree: ast.AST) -> list[str]:
    """Every module ``tree`` imports: import statements, importlib.import_module and __import__."""
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
        found += names
    return found


def _within(name: str, roots: tuple[str, ...]) -> bool:
    return any(name == root or name.startswith(root + ".") for root in roots)


def _qt_imports(tree: ast.AST) -> list[str]:
    return [n for n in _imports(tree) if n.split(".")[0] in QT_ROOTS]


def _offenders(package: Path, check: Callable[[ast.AST], list[str]]) -> dict[str, list[str]]:
    offenders = {}
    for path in sorted(package.rglob("*.py")):
        if found := check(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            offenders[str(path.relative_to(REPO_ROOT))] = found
    return offenders


def _store_reach(tree: ast.AST) -> list[str]:
    """The store modules ``tree`` imports, and the store handles it uses (``x.session()``…)."""
    found = [n for n in _imports(tree) if _within(n, STORE_MODULES)]
    found += [f".{node.attr}" for node in ast.walk(tree)
              if isinstance(node, ast.Attribute) and node.attr in STORE_HANDLES]
    return found


def test_no_app_module_imports_qt_in_its_source() -> None:
    assert _offenders(APP, _qt_imports) == {}


def test_no_app_module_imports_the_server() -> None:
    assert _offenders(APP, lambda tree: [n for n in _imports(tree) if _within(n, ("server",))]) == {}


def test_no_window_reaches_the_store_but_through_the_desk() -> None:
    assert _offenders(UI, _store_reach) == {}


def test_the_scans_catch_an_import() -> None:
    assert _qt_imports(ast.parse("from PySide6.QtCore import QObject\nimport PyQt6\n")) == ["PySide6.QtCore", "PyQt6"]
    assert _qt_imports(ast.parse("importlib.import_module('shiboken6')")) == ["shiboken6"]
    assert _store_reach(ast.parse("import sqlite3\nfrom app.store.db import Store\nfrom sqlalchemy import select\n"
                                  "from app.storefront import x\n")) == ["sqlite3", "app.store.db", "sqlalchemy"]
    assert _store_reach(ast.parse("with self._desk.seat.store.session() as s: pass")) == [
        ".session", ".store"]


def test_importing_every_app_module_loads_neither_qt_nor_the_server() -> None:
    modules = sorted(
        ".".join(path.relative_to(REPO_ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in APP.rglob("*.py")
        if "migrations" not in path.parts
    )
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {(*QT_ROOTS, 'server')!r})\n"
        "print(len(sys.modules), loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    count, loaded = done.stdout.split(" ", 1)
    assert loaded.strip() == "[]"
    assert int(count) > 100  # the modules really were imported
