"""Table models of the reports dashboard (no widget needed; tested with qtmodeltester)."""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.reports.calls import CallFigures, CallReport
from app.reports.data import CountRow, Rate, TicketLine, UnitRating
from ui.vocabulary import display

SortRole = Qt.ItemDataRole.UserRole + 1
TicketRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
_RATE_ATTRS = {4: "response", 5: "solution", 6: "satisfaction", 7: "on_time", 8: "returns"}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class CountsModel(QAbstractTableModel):
    """Valid tickets per channel, type, category, district or unit, with shares."""

    COL_LABEL, COL_COUNT, COL_SHARE = range(3)

    def __init__(self, label_title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._label_title = label_title
        self._rows: list[CountRow] = []

    def set_rows(self, rows: Sequence[CountRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[CountRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self._label_title, self.tr("件数"), self.tr("占比"))[section] if 0 <= section < 3 else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (display(row.label), str(row.count), f"{row.share}%")[col]
        if role == SortRole:
            return (row.label, row.count, float(row.share))[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_LABEL:
            return _RIGHT
        return None


class TicketsModel(QAbstractTableModel):
    """Overdue or escalated tickets of the period."""

    COL_NUMBER, COL_TITLE, COL_UNIT, COL_STATUS, COL_CREATED, COL_DEADLINE, COL_EXTRA, COL_NOTE = range(8)

    def __init__(self, escalated: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._escalated = escalated
        self._rows: list[TicketLine] = []

    def set_rows(self, rows: Sequence[TicketLine]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else (8 if self._escalated else 7)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [
            self.tr("工单编号"), self.tr("标题"), self.tr("承办单位"), self.tr("状态"),
            self.tr("受理时间"), self.tr("办理时限"),
            self.tr("督办次数") if self._escalated else self.tr("逾期天数"), self.tr("督办说明"),
        ]
        return titles[section] if 0 <= section < self.columnCount() else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        t, col = self._rows[index.row()], index.column()
        if role == TicketRole:
            return t.ticket_id
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            extra = t.escalations if self._escalated else t.overdue_days
            values: list[Any] = [
                t.number, t.title, t.unit, t.status, t.created_at.strftime("%Y-%m-%d %H:%M"),
                t.deadline.isoformat() if t.deadline else "", extra, t.note,
            ]
            value = values[col]
            return str(value) if role == Qt.ItemDataRole.DisplayRole else value
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_EXTRA:
            return _RIGHT
        return None


class RatingsModel(QAbstractTableModel):
    """Unit ranking with the figures behind each rate (numerator/denominator in the cell)."""

    (COL_RANK, COL_UNIT, COL_TICKETS, COL_SCORE, COL_RESPONSE, COL_SOLUTION,
     COL_SATISFACTION, COL_ON_TIME, COL_RETURNS) = range(9)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[UnitRating] = []

    def set_ratings(self, ratings: Sequence[UnitRating]) -> None:
        self.beginResetModel()
        self._rows = list(ratings)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        titles = [
            self.tr("排名"), self.tr("承办单位"), self.tr("工单数"), self.tr("综合得分"),
            self.tr("响应率"), self.tr("解决率"), self.tr("满意率"), self.tr("按时办结率"),
            self.tr("退单率"),
        ]
        tips = [
            self.tr("工单数不足最低要求的单位不参加排名"), "", "", self.tr("各项比率按权重加权，满分100"),
            self.tr("派单后在时限内签收的工单 / 已派单工单"),
            self.tr("（解决 + 部分解决×0.5）/ 办结时说明解决情况的工单"),
            self.tr("（满意 + 基本满意）/ 回访有评价的工单（未联系上不计）"),
            self.tr("在办理时限内办结的工单 /（已办结 + 逾期未办结）"),
            self.tr("本单位退回的工单 / 派至本单位的工单；计分时按（1 − 退单率）"),
        ]
        if not 0 <= section < 9:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return titles[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tips[section] or None
        return None

    def _rate(self, rating: UnitRating, col: int) -> Rate:
        rate: Rate = getattr(rating, _RATE_ATTRS[col])
        return rate

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_RANK:
                return str(r.rank) if r.rank is not None else "—"
            if col == self.COL_UNIT:
                return r.unit
            if col == self.COL_TICKETS:
                return str(r.tickets)
            if col == self.COL_SCORE:
                return f"{r.score:.2f}" if r.score is not None else "—"
            rate = self._rate(r, col)
            return f"{rate.percent()}（{rate.numerator:g}/{rate.denominator}）"
        if role == SortRole:
            if col == self.COL_UNIT:
                return r.unit
            if col == self.COL_RANK:
                return r.rank if r.rank is not None else 10**9
            if col == self.COL_TICKETS:
                return r.tickets
            if col == self.COL_SCORE:
                return r.score if r.score is not None else -1.0
            value = self._rate(r, col).value
            return value if value is not None else -1.0
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_UNIT:
            return _RIGHT
        return None


class CallsModel(QAbstractTableModel):
    """The period's call figures: the total, then each seat, then each line (app.reports.calls)."""

    (COL_SCOPE, COL_OFFERED, COL_ANSWERED, COL_RATE, COL_RATE15, COL_ABANDONED, COL_WAIT, COL_TALK,
     COL_ACW) = range(9)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # (scope shown, figures, whether after-call work applies: a span belongs to a seat, not a line)
        self._rows: list[tuple[str, CallFigures, bool]] = []

    def set_report(self, report: CallReport | None) -> None:
        self.beginResetModel()
        self._rows = []
        if report is not None:
            self._rows.append((self.tr("合计"), report.total, True))
            self._rows += [(self.tr("座席 %1").replace("%1", seat or self.tr("（未设）")), f, True)
                           for seat, f in sorted(report.by_seat.items())]
            self._rows += [(self.tr("线路 %1").replace("%1", line or self.tr("（未知）")), f, False)
                           for line, f in sorted(report.by_line.items())]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 9:
            return None
        return (self.tr("范围"), self.tr("呼入"), self.tr("接通"), self.tr("接通率"), self.tr("15秒接通率"),
                self.tr("呼损"), self.tr("平均等待（秒）"), self.tr("平均通话（秒）"),
                self.tr("话后整理（秒/通）"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        scope, f, acw = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (scope, str(f.offered), str(f.answered), f"{f.answer_rate:.2%}", f"{f.answer15_rate:.2%}",
                    str(f.abandoned), f"{f.avg_wait_s:.1f}", f"{f.avg_talk_s:.1f}",
                    f"{f.avg_acw_s:.1f}" if acw else "—")[col]
        if role == SortRole:
            # The total stays first whichever way a figure is sorted: it is not a seat.
            return (index.row(), f.offered, f.answered, f.answer_rate, f.answer15_rate, f.abandoned,
                    f.avg_wait_s, f.avg_talk_s, f.avg_acw_s if acw else -1.0)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_SCOPE:
            return _RIGHT
        return None
