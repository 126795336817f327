"""Role views in the UI's language: the titles declared in Chinese in app/tickets/queues.py and
the role names of app/domain/roles.py (marked there with ``term``), and a list model of views
(the admin's pages use it)."""

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.domain.roles import ROLE_LABELS, Role
from app.tickets.queues import RoleView

_Index = QModelIndex | QPersistentModelIndex
ViewKeyRole = Qt.ItemDataRole.UserRole + 1
CountRole = Qt.ItemDataRole.UserRole + 2
CONTEXT = "RoleViews"
LIST_STYLE = "QListView::item { padding: 5px 4px; }"

def translated(text: str) -> str:
    """A view title or role name (declared in Chinese in app/) in the UI's language."""
    return QCoreApplication.translate(CONTEXT, text)


def role_title(role: Role) -> str:
    return translated(ROLE_LABELS[role])


class RoleViewModel(QAbstractListModel):
    """Work views in order, each with the number of tickets it holds (None until counted)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._views: list[RoleView] = []
        self._counts: dict[str, int] = {}
        self._shortcuts: dict[str, str] = {}

    def set_views(self, views: list[RoleView], shortcuts: dict[str, str] | None = None) -> None:
        self._shortcuts = shortcuts or {}
        if [v.key for v in views] == [v.key for v in self._views]:
            self._views = views  # same views, fresh filters (a new day): keep the selection
            return
        self.beginResetModel()
        self._views = views
        self._counts = {}
        self.endResetModel()

    def set_counts(self, counts: dict[str, int]) -> None:
        self._counts = counts
        if self._views:
            self.dataChanged.emit(self.index(0), self.index(len(self._views) - 1),
                                  [CountRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole])

    def views(self) -> list[RoleView]:
        return list(self._views)

    def row_of(self, key: str) -> int:
        return next((row for row, view in enumerate(self._views) if view.key == key), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._views)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._views):
            return None
        view = self._views[index.row()]
        count = self._counts.get(view.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return translated(view.title)
        if role == ViewKeyRole:
            return view.key
        if role == CountRole:
            return count
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            text = translated(view.title)
            if count is not None:
                text = self.tr("%1：%n 条", "", count).replace("%1", text)
            if view.key in self._shortcuts:
                text += f" ({self._shortcuts[view.key]})"
            return text
        return None
