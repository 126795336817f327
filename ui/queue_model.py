"""The queue as a lazy table model: ids from SQL, rows built only when shown.

Like Anki's browser table, the model keeps the ids a query returns and fetches the rows on
screen in small batches (through the desk's ``QueueReader``); sorting re-queries with ORDER BY
instead of sorting in a proxy. The first screen comes from a LIMIT query; the full id list
loads in the background.
"""

from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.desk import Desk, QueueQueryError, QueueReader
from app.domain.deadline import DeadlineMark
from app.domain.enums import OPEN_STATUSES
from app.domain.phone import mask_phone
from app.tickets.queue import QueueFilter, QueueRow, QueueSort
from app.tickets.service import LOCAL_TZ
from ui.tasks import Newest, run_task
from ui.vocabulary import display, status_text

_Index = QModelIndex | QPersistentModelIndex
_OPEN = frozenset(s.value for s in OPEN_STATUSES)
PAGE = 200
CACHE_ROWS = 4000
FETCH_ROWS = 48  # a tall screen of rows

TicketIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_TICKET_ID = int(TicketIdRole)
_SORT = int(SortRole)
# The store keeps naive UTC; the seed city reads China Standard Time (no daylight saving).
_LOCAL_OFFSET = LOCAL_TZ.utcoffset(None)
_ANSWERED = frozenset({_DISPLAY, _BACKGROUND, _FOREGROUND, _TOOLTIP, _TICKET_ID, _SORT})

OVERDUE_BRUSH = QBrush(QColor("#fde2e1"))
DUE_SOON_BRUSH = QBrush(QColor("#fff4cc"))
ESCALATED_BRUSH = QBrush(QColor("#ead7f2"))
# Urgent tickets in red rather than bold: a bold face renders every Chinese glyph a second
# time (a jump to unseen rows painted in 15 ms instead of 12 at a million tickets).
URGENT_BRUSH = QBrush(QColor("#b3261e"))
_MARK_BRUSHES = {DeadlineMark.OVERDUE: OVERDUE_BRUSH, DeadlineMark.DUE_SOON: DUE_SOON_BRUSH}


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True, slots=True)
class _RowView:
    """What one row shows, prepared once: the texts of every column and its marks."""

    ticket_id: int
    texts: tuple[str, ...]
    background: QBrush | None
    urgent: bool
    tooltips: dict[int, str]


class QueueModel(QAbstractTableModel):
    """Tickets matching a filter, in a chosen order.

    Signals:
        count_changed(int): the number of tickets the current query matches.
        count_pending(int): a new query shows its first rows (this many); the count follows.
        ids_loaded(): every id of the current query is in memory (scrolling anywhere is cheap).
        load_failed(str): the query could not run; the message is for the user.
    """

    count_changed = Signal(int)
    count_pending = Signal(int)
    ids_loaded = Signal()
    load_failed = Signal(str)

    (COL_LOCAL_NO, COL_CREATED, COL_CHANNEL, COL_TYPE, COL_TITLE, COL_CALLER, COL_PHONE,
     COL_CATEGORY, COL_DISTRICT, COL_URGENCY, COL_STATUS, COL_UNIT, COL_DEADLINE,
     COL_OFFICIAL_NO) = range(14)
    # Stable names of the columns (the seat's settings remember widths and hidden ones by them).
    COLUMN_KEYS: ClassVar[tuple[str, ...]] = (
        "local_no", "created_at", "channel", "request_type", "title", "caller_name", "caller_phone",
        "category", "district", "urgency", "status", "handling_unit", "deadline", "official_no")

    _URGENT_COLUMNS: ClassVar[frozenset[int]] = frozenset({COL_URGENCY, COL_TITLE, COL_STATUS})

    # Column → the queue's sort key (only indexed columns sort; others keep the current order).
    _SORT_KEYS: ClassVar[dict[int, str]] = {
        COL_LOCAL_NO: "local_no", COL_CREATED: "created_at", COL_CHANNEL: "channel",
        COL_TYPE: "request_type", COL_CATEGORY: "category1", COL_DISTRICT: "district",
        COL_URGENCY: "urgency", COL_STATUS: "status", COL_UNIT: "handling_unit",
        COL_DEADLINE: "deadline", COL_OFFICIAL_NO: "official_no",
    }

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._reader = desk.queue_reader()
        self._filter = QueueFilter()
        self._sort = QueueSort()
        self._count = 0
        self._ids = array("q")
        self._all_loaded = False
        self._count_exact = False
        self._inflight: set[QueueReader] = set()
        self._pages: dict[int, list[int]] = {}
        self._rows: OrderedDict[int, QueueRow] = OrderedDict()
        self._views: dict[int, _RowView] = {}  # by row number; cleared whenever rows move
        self._newest = Newest()  # a new query drops the older one's count and ids
        self._words: dict[str, str] = {}
        self._states: dict[str, str] = {}
        self._confidential_caller = self.tr("（保密）")
        self._rejected: set[int] = set()
        self._conflicted: set[int] = set()
        self._headers = [
            self.tr("本地编号"), self.tr("受理时间"), self.tr("渠道"), self.tr("类型"),
            self.tr("标题"), self.tr("来电人"), self.tr("联系电话"), self.tr("分类"),
            self.tr("区县"), self.tr("紧急程度"), self.tr("状态"), self.tr("承办单位"),
            self.tr("办理期限"), self.tr("工单编号"),
        ]

    # -- queries ---------------------------------------------------------------------------

    @property
    def query_filter(self) -> QueueFilter:
        return self._filter

    @property
    def query_sort(self) -> QueueSort:
        return self._sort

    def is_fully_loaded(self) -> bool:
        return self._all_loaded

    def set_query(self, flt: QueueFilter, sort: QueueSort | None = None) -> None:
        """Show the tickets matching ``flt``: the first screen now; the count and the other ids
        in the background, so that no filter freezes the window (counting a rare combination
        of filters reads a row per candidate: 30 s at a million tickets on a cold disk)."""
        reloading = (flt, sort or self._sort) == (self._filter, self._sort)
        self._newest.begin()
        self._filter, self._sort = flt, sort or self._sort
        self._interrupt_background()
        try:
            first = self._reader.ids_page(flt, self._sort, 0, PAGE)
        except QueueQueryError as error:
            self.load_failed.emit(self.tr("查询失败：%s。请修改筛选条件后重试。") % error)
            return
        complete = len(first) < PAGE
        self.beginResetModel()
        # A reload keeps the old count until the new one arrives, so the view keeps its place.
        self._count = len(first) if complete or not reloading else max(len(first), self._count)
        self._count_exact = complete
        self._pages = {0: first}
        self._ids = array("q", first)
        self._all_loaded = complete
        self._rows.clear()
        self._views.clear()
        self.endResetModel()
        if complete:
            self.count_changed.emit(self._count)
            self.ids_loaded.emit()
            return
        if not reloading:
            self.count_pending.emit(self._count)
        flt_now, sort_now = flt, self._sort
        self._in_background(lambda reader: reader.count(flt_now), self._on_counted)
        self._in_background(lambda reader: reader.all_ids(flt_now, sort_now), self._on_ids_loaded)

    def reload(self) -> None:
        self.set_query(self._filter, self._sort)

    def _in_background(self, work: Callable[[QueueReader], Any], on_done: Callable[[Any], None]) -> None:
        """Run a query on a reader of its own; a newer query interrupts it and drops its
        answer (an interrupted, replaced query is no failure)."""
        reader = self._desk.queue_reader()
        self._inflight.add(reader)

        def run() -> Any:
            try:
                return work(reader)
            finally:
                reader.close()

        def done(result: Any) -> None:
            self._inflight.discard(reader)
            on_done(result)

        def failed(error: Exception) -> None:
            self._inflight.discard(reader)
            self.load_failed.emit(self.tr("查询失败：%s。请修改筛选条件后重试。") % error)

        run_task(run, done, failed, owner=self, newest=self._newest)

    def _interrupt_background(self) -> None:
        for reader in self._inflight:
            reader.interrupt()
        self._inflight.clear()

    def _set_count(self, count: int) -> None:
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self.endRemoveRows()
        self._count_exact = True
        self.count_changed.emit(count)

    def _on_counted(self, count: int) -> None:
        if not self._all_loaded:  # the full id list, if it came first, is the truth
            self._set_count(count)

    def _on_ids_loaded(self, ids: "array[int]") -> None:
        self._ids = ids
        self._pages.clear()
        self._views.clear()
        self._all_loaded = True
        if len(ids) != self._count or not self._count_exact:
            # Tickets saved meanwhile, or the count still running: the full list is the truth.
            self._set_count(len(ids))
        if self._count:  # rows shown from pages may have moved if tickets arrived meanwhile
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, self.columnCount() - 1))
        self.ids_loaded.emit()

    def ticket_id(self, row: int) -> int:
        if self._all_loaded or row < len(self._ids):
            return self._ids[row]
        page = row // PAGE
        if page not in self._pages:
            self._pages[page] = self._reader.ids_page(self._filter, self._sort, page * PAGE, PAGE)
        ids = self._pages[page]
        return ids[row - page * PAGE] if row - page * PAGE < len(ids) else -1

    def row_of(self, ticket_id: int) -> int:
        """The row showing ``ticket_id``, or -1."""
        try:
            return self._ids.index(ticket_id)
        except ValueError:
            return -1

    def refresh_ticket(self, ticket_id: int) -> None:
        """A ticket changed: drop its cached row and repaint just that row."""
        self._rows.pop(ticket_id, None)
        row = self.row_of(ticket_id)
        if row >= 0:
            self._views.pop(row, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def set_sync_marks(self, rejected: set[int], conflicted: set[int]) -> None:
        """Mark the tickets the center sent back or that are in conflict (by local id)."""
        if (rejected, conflicted) == (self._rejected, self._conflicted):
            return
        self._rejected, self._conflicted = rejected, conflicted
        self._views.clear()
        if self._count:
            self.dataChanged.emit(self.index(0, self.COL_LOCAL_NO),
                                  self.index(self._count - 1, self.COL_LOCAL_NO))

    def _sync_mark(self, ticket_id: int) -> str:
        if ticket_id in self._conflicted:
            return self.tr("与中心冲突，待处理")
        if ticket_id in self._rejected:
            return self.tr("被中心退回，打开查看原因")
        return ""

    def _row(self, row: int) -> QueueRow | None:
        ticket_id = self.ticket_id(row)
        if ticket_id < 0:
            return None
        cached = self._rows.get(ticket_id)
        if cached is not None:
            return cached
        # Fetch the screen below too (the view asks for it next), and no more: each row is a
        # random page of a large store, ~0.2 ms apiece at a million tickets.
        wanted = [self.ticket_id(r) for r in range(max(row - 4, 0), min(row + FETCH_ROWS, self._count))]
        self._rows.update(self._reader.rows([i for i in wanted if i >= 0]))
        while len(self._rows) > CACHE_ROWS:
            self._rows.popitem(last=False)
        return self._rows.get(ticket_id)

    # -- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        # Qt asks every visible cell for seven roles per paint: refuse the unused ones first
        # and answer the rest from the row's prepared view, so a paint costs little more
        # than an in-memory model's.
        if role not in _ANSWERED:
            return None
        row = index.row()
        view = self._views.get(row)
        if view is None:
            if not index.isValid() or not 0 <= row < self._count:
                return None
            if role == _TICKET_ID:
                return self.ticket_id(row)
            view = self._build_view(row)
            if view is None:
                return None
        if role in (_DISPLAY, _SORT):
            return view.texts[index.column()]
        if role == _BACKGROUND:
            return view.background
        if role == _TICKET_ID:
            return view.ticket_id
        column = index.column()
        if role == _FOREGROUND:
            return URGENT_BRUSH if view.urgent and column in self._URGENT_COLUMNS else None
        return view.tooltips.get(column)

    def _build_view(self, row_index: int) -> _RowView | None:
        row = self._row(row_index)
        if row is None:
            return None
        texts = self._texts(row)
        tooltips = {self.COL_TITLE: row.title}
        mark = self._sync_mark(row.id)
        if mark:
            texts[self.COL_LOCAL_NO] = "⚠ " + texts[self.COL_LOCAL_NO]
            tooltips[self.COL_LOCAL_NO] = mark
        background = self._background(row)
        notes = self._lifecycle_notes(row)
        if notes:
            texts[self.COL_STATUS] = " · ".join([texts[self.COL_STATUS], *notes])
            tooltips[self.COL_STATUS] = "；".join(notes)
        if row.escalation_level and row.status in _OPEN:
            background = ESCALATED_BRUSH  # 督办 stands out before anything else
        view = _RowView(row.id, tuple(texts), background, row.urgency != "一般" or bool(row.escalation_level),
                        tooltips)
        if len(self._views) >= CACHE_ROWS:
            self._views.clear()
        self._views[row_index] = view
        return view

    def _lifecycle_notes(self, row: QueueRow) -> list[str]:
        if row.status not in _OPEN:
            return []
        notes = []
        if row.escalation_level:
            notes.append(self.tr("督办%s") % display(row.escalation_level))
        if row.extension_to:
            notes.append(self.tr("延期待批"))
        if row.reopen_count:
            notes.append(self.tr("重办"))
        return notes

    def _background(self, row: QueueRow) -> QBrush | None:
        """The deadline rule's colour, at the moment of the query (its filter's clock)."""
        if row.status not in _OPEN or not row.deadline:
            return None
        mark = self._filter.clock.mark(row.status, date.fromisoformat(row.deadline),
                                       _date(row.extension_to), _date(row.extension_since))
        return _MARK_BRUSHES.get(mark)

    def _texts(self, row: QueueRow) -> list[str]:
        """Every column's text, in column order (built in one go: a jump paints ~35 new rows)."""
        word = self._word
        confidential = bool(row.confidential)
        created = datetime.fromisoformat(row.created_at) + _LOCAL_OFFSET
        return [
            row.local_no,  # the seat's own number; the center's has a column of its own
            created.isoformat(" ", "minutes"),
            word(row.channel),
            word(row.request_type),
            row.title,
            self._confidential_caller if confidential else row.caller_name,
            "******" if confidential else mask_phone(row.caller_phone),
            f"{row.category1}/{row.category2}" if row.category1 and row.category2 else row.category1 or row.category2,
            f"{row.district} {row.street}" if row.district and row.street else row.district or row.street,
            word(row.urgency),
            self._state(row.status),
            row.handling_unit,
            row.deadline or "",
            row.official_no or "",
        ]

    def _state(self, status: str) -> str:
        shown = self._states.get(status)
        if shown is None:
            shown = self._states[status] = status_text(status)
        return shown

    def _word(self, value: str) -> str:
        """A stored value (状态, 渠道…) in the user's language, looked up once per model."""
        shown = self._words.get(value)
        if shown is None:
            shown = self._words[value] = display(value)
        return shown

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._SORT_KEYS.get(column)
        if key is None:
            return
        self.set_query(self._filter, QueueSort(key, order == Qt.SortOrder.DescendingOrder))

    def close(self) -> None:
        self._interrupt_background()
        self._reader.close()
