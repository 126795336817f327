"""PDF export with Qt's own QPdfWriter: the brief, the charts and the unit ranking, A4 portrait."""

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter

from app.reports.brief import TITLES
from app.reports.data import Dashboard, Dimension
from app.reports.xlsx import rating_row
from ui.reports.charts import Series, paint_bars, paint_line

RESOLUTION = 150  # dots per inch: sharp enough on paper, small files


class _Page:
    """A cursor down the printable area that starts a new page when the next block won't fit."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer = writer
        self.painter = painter
        self.area = QRectF(painter.viewport())
        self.y = self.area.top()

    def ensure(self, height: float) -> None:
        if self.y + height > self.area.bottom() and self.y > self.area.top():
            self.writer.newPage()
            self.y = self.area.top()

    def text(self, text: str, point_size: float, *, bold: bool = False, gap: float = 0.4) -> None:
        font = QFont(self.painter.font())
        font.setPointSizeF(point_size)
        font.setBold(bold)
        self.painter.setFont(font)
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        bounds = self.painter.boundingRect(QRectF(self.area.left(), 0, self.area.width(), 1e6), flags, text)
        self.ensure(bounds.height())
        self.painter.setPen(QColor("#111111"))
        self.painter.drawText(QRectF(self.area.left(), self.y, self.area.width(), bounds.height()), flags, text)
        self.y += bounds.height() + QFontMetricsF(font).height() * gap

    def chart(self, series: Series, height_ratio: float, line: bool = False) -> None:
        height = self.area.width() * height_ratio
        self.ensure(height)
        rect = QRectF(self.area.left(), self.y, self.area.width(), height)
        (paint_line if line else paint_bars)(self.painter, rect, series)
        self.y += height + self.area.width() * 0.03

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
        font = QFont(self.painter.font())
        font.setPointSizeF(8.5)
        font.setBold(False)
        metrics = QFontMetricsF(font)
        row_height = metrics.height() * 1.5
        total = sum(widths)
        xs = [self.area.left()]
        for w in widths:
            xs.append(xs[-1] + self.area.width() * w / total)

        def draw(cells: Sequence[str], bold: bool) -> None:
            self.ensure(row_height)
            font.setBold(bold)
            self.painter.setFont(font)
            if bold:
                self.painter.fillRect(QRectF(self.area.left(), self.y, self.area.width(), row_height), QColor("#e8edf3"))
            for i, cell in enumerate(cells):
                rect = QRectF(xs[i] + 3, self.y, xs[i + 1] - xs[i] - 6, row_height)
                align = Qt.AlignmentFlag.AlignVCenter | (Qt.AlignmentFlag.AlignLeft if i == 1 else Qt.AlignmentFlag.AlignRight)
                self.painter.drawText(rect, align, metrics.elidedText(cell, Qt.TextElideMode.ElideRight, rect.width()))
            self.painter.setPen(QColor("#c8ccd2"))
            bottom = self.y + row_height
            self.painter.drawLine(QPointF(self.area.left(), bottom), QPointF(self.area.right(), bottom))
            self.painter.setPen(QColor("#111111"))
            self.y += row_height

        draw(headers, True)
        for row in rows:
            draw(row, False)
        self.y += row_height


def write_pdf(
    dashboard: Dashboard,
    path: Path,
    *,
    brief_text: str | None = None,
    texts: dict[str, str] | None = None,
) -> None:
    """Write the report. ``texts`` holds the translated headings (the widget passes self.tr()s)."""
    t = {
        "channels": "受理渠道", "categories": "问题分类（前10）", "trend": "每日有效事件",
        "ratings": "承办单位考核排名", "period": "统计期间", "valid": "有效事件",
        "overdue": "逾期未办结", "escalated": "督办",
        "headers": "排名,承办单位,工单数,得分,响应率,解决率,满意率,按时办结率,退单率",
    } | (texts or {})
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(18, 16, 18, 16), QPageLayout.Unit.Millimeter,
    ))
    writer.setTitle(TITLES[dashboard.period.kind])
    writer.setCreator("Hotline Desk")
    painter = QPainter(writer)
    try:
        page = _Page(writer, painter)
        text = brief_text if brief_text is not None else dashboard.brief.text
        lines = text.splitlines() or [""]
        page.text(lines[0], 16, bold=True, gap=0.2)
        period = dashboard.period
        page.text(
            f"{t['period']}：{period.start.isoformat()} 至 {period.end.isoformat()}　"
            f"{t['valid']}：{dashboard.totals.valid}　{t['overdue']}：{dashboard.overdue_total}　"
            f"{t['escalated']}：{dashboard.escalated_total}", 9, gap=0.8,
        )
        for paragraph in lines[1:]:
            if paragraph.strip():
                page.text("　　" + paragraph.strip(), 11, gap=0.5)
        channels = dashboard.counts[Dimension.CHANNEL]
        page.chart(Series(t["channels"], [r.label for r in channels], [r.count for r in channels],
                          [f"{r.share}%" for r in channels]), 0.30)
        categories = dashboard.counts[Dimension.CATEGORY][:10]
        page.chart(Series(t["categories"], [r.label for r in categories], [r.count for r in categories],
                          [f"{r.share}%" for r in categories]), 0.42)
        page.chart(Series(t["trend"], [d.day.strftime("%m-%d") for d in dashboard.trend],
                          [d.count for d in dashboard.trend]), 0.36, line=True)
        page.text(t["ratings"], 12, bold=True, gap=0.3)
        rows = []
        for rating in dashboard.ratings[:40]:
            cells = rating_row(rating)
            rows.append([
                str(cells[0] or "—"), str(cells[1]), str(cells[2]),
                f"{rating.score:.2f}" if rating.score is not None else "—",
                str(cells[4]), str(cells[7]), str(cells[10]), str(cells[13]), str(cells[16]),
            ])
        page.table(t["headers"].split(","), rows, [5, 26, 7, 8, 9, 9, 9, 10, 9])
    finally:
        painter.end()
