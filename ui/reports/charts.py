"""Bar and line charts drawn with QPainter: the same code paints the widget and the PDF page.

Chosen over QtCharts (PySide6-Addons: 59 MB more to download, 161 MB installed, for two chart
types); see the issue note. Sizes are in device pixels derived from the target rectangle, so a
chart reads the same on screen and at print resolution.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.messages import fill

BAR_COLOR = QColor("#2f6db5")
LINE_COLOR = QColor("#c0392b")
GRID_COLOR = QColor("#d0d4da")
TEXT_COLOR = QColor("#222222")


@dataclass(frozen=True)
class Series:
    """What a chart shows: labelled values, optional note per value (a share)."""

    title: str
    labels: Sequence[str]
    values: Sequence[int]
    notes: Sequence[str] = ()


BASE_POINTS = 9.0


def _font(painter: QPainter, rect: QRectF, scale: float, bold: bool = False) -> QFont:
    """9 pt at the device's resolution (screen or 150 dpi PDF), smaller only in a cramped chart."""
    font = QFont(painter.font())
    device = painter.device()
    dpi = device.logicalDpiY() if device is not None else 96
    pixels = BASE_POINTS * scale * dpi / 72.0
    font.setPixelSize(max(8, int(min(pixels, rect.height() / 9.0))))
    font.setBold(bold)
    return font


def _title(painter: QPainter, rect: QRectF, title: str) -> QRectF:
    painter.setFont(_font(painter, rect, 1.15, bold=True))
    height = QFontMetricsF(painter.font()).height() * 1.5
    painter.setPen(TEXT_COLOR)
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), height), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    return QRectF(rect.left(), rect.top() + height, rect.width(), rect.height() - height)


def paint_bars(painter: QPainter, rect: QRectF, series: Series) -> None:
    """Horizontal bars, largest first as given, label on the left, count (and note) on the right."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    body = _title(painter, rect, series.title)
    painter.setFont(_font(painter, rect, 1.0))
    metrics = QFontMetricsF(painter.font())
    count = len(series.values)
    if count == 0:
        painter.drawText(body, Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("Charts", "无数据"))
        painter.restore()
        return
    label_width = min(body.width() * 0.35, max(metrics.horizontalAdvance(s) for s in series.labels) + 8)
    texts = [
        fill(QCoreApplication.translate("Charts", "%1（%2）"), str(v), series.notes[i])
        if i < len(series.notes) and series.notes[i] else str(v)
        for i, v in enumerate(series.values)
    ]
    value_width = max(metrics.horizontalAdvance(t) for t in texts) + 8
    bar_area = body.width() - label_width - value_width
    step = body.height() / count
    bar_height = min(step * 0.7, metrics.height() * 1.6)
    top_value = max(max(series.values), 1)
    for i, (label, value) in enumerate(zip(series.labels, series.values, strict=False)):
        y = body.top() + i * step + (step - bar_height) / 2
        painter.setPen(TEXT_COLOR)
        label_rect = QRectF(body.left(), y, label_width - 6, bar_height)
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 6))
        width = max(1.0, bar_area * value / top_value)
        painter.fillRect(QRectF(body.left() + label_width, y, width, bar_height), BAR_COLOR)
        painter.drawText(
            QRectF(body.left() + label_width + width + 4, y, value_width, bar_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, texts[i],
        )
    painter.restore()


def _nice_max(value: int) -> int:
    if value <= 5:
        return 5
    magnitude = 10 ** (len(str(value)) - 1)
    for step in (1, 2, 2.5, 5, 10):
        top = int(step * magnitude)
        if top >= value:
            return top
    return value


def paint_line(painter: QPainter, rect: QRectF, series: Series) -> None:
    """A line over the labelled points (days), with a light grid and the values at the points."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    body = _title(painter, rect, series.title)
    painter.setFont(_font(painter, rect, 0.9))
    metrics = QFontMetricsF(painter.font())
    values = list(series.values)
    if not values:
        painter.drawText(body, Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("Charts", "无数据"))
        painter.restore()
        return
    top = _nice_max(max(values))
    axis_width = metrics.horizontalAdvance(str(top)) + 10
    inset = metrics.horizontalAdvance("00-00")
    plot = QRectF(body.left() + axis_width, body.top() + metrics.height() * 1.5,
                  body.width() - axis_width - inset / 2, body.height() - metrics.height() * 3.0)
    grid = QPen(GRID_COLOR)
    grid.setWidthF(max(1.0, rect.height() / 400))
    for k in range(5):
        y = plot.bottom() - plot.height() * k / 4
        painter.setPen(grid)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(TEXT_COLOR)
        painter.drawText(QRectF(body.left(), y - metrics.height() / 2, axis_width - 6, metrics.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(top * k // 4))
    n = len(values)
    points = [
        QPointF(plot.left() + inset / 2 + ((plot.width() - inset) * i / (n - 1) if n > 1 else plot.width() / 2),
                plot.bottom() - plot.height() * v / top)
        for i, v in enumerate(values)
    ]
    line = QPen(LINE_COLOR)
    line.setWidthF(max(2.0, rect.height() / 150))
    painter.setPen(line)
    painter.drawPolyline(points)
    capacity = max(1.0, plot.width() / (metrics.horizontalAdvance("12-31") * 1.6))
    label_every = max(1, math.ceil(n / capacity))
    radius = line.widthF() * 1.5
    for i, (point, label) in enumerate(zip(points, series.labels, strict=False)):
        painter.setPen(line)
        painter.setBrush(LINE_COLOR)
        painter.drawEllipse(point, radius, radius)
        if i % label_every == 0 or i == n - 1:
            painter.setPen(TEXT_COLOR)
            painter.drawText(QRectF(point.x() - inset, plot.bottom() + 2, inset * 2, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
            if n <= 16:
                painter.drawText(QRectF(point.x() - inset, point.y() - metrics.height() - radius, inset * 2, metrics.height()),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, str(values[i]))
    painter.restore()


class ChartWidget(QWidget):
    """Shows one series as bars or a line; ``set_series`` repaints."""

    def __init__(self, kind: str = "bars", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.series = Series("", (), ())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)

    def set_series(self, series: Series) -> None:
        self.series = series
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, 260)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        rect = QRectF(self.rect()).adjusted(8, 4, -8, -4)
        (paint_line if self.kind == "line" else paint_bars)(painter, rect, self.series)
        painter.end()
