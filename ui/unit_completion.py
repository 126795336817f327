"""Completion of unit names (承办单位): any part of a name finds it (城市管理 → 市城市管理局), and a
field holding several names (协办单位, 、 or ， between them) completes the one being typed."""

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

_SEPARATOR = re.compile(r"[、，,；;\s]+")


def unit_completer(names: list[str], parent: QWidget | None = None) -> QCompleter:
    completer = QCompleter(names, parent)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return completer


def complete_unit(combo: QComboBox, names: list[str]) -> None:
    """An editable unit picker: the directory's names, completed from any part of them."""
    combo.setEditable(True)
    combo.setCompleter(unit_completer(names, combo))


class _ManyUnits(QCompleter):
    """Completes the last name of a list; choosing one keeps the names before it."""

    def __init__(self, names: list[str], edit: QLineEdit) -> None:
        super().__init__(edit)
        self._names = QStringListModel(names, self)  # owned here: a bare model is collected
        self.setModel(self._names)
        self._edit = edit
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def splitPath(self, path: str) -> list[str]:
        return [_SEPARATOR.split(path)[-1]]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        chosen = str(index.data())
        text = self._edit.text()
        last = _SEPARATOR.split(text)[-1]
        head = text[:len(text) - len(last)] if last else text
        return head + chosen


def complete_units(edit: QLineEdit, names: list[str]) -> None:
    """A line of several unit names, each completed from the directory."""
    edit.setCompleter(_ManyUnits(names, edit))
