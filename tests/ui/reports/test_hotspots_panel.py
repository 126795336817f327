"""The dashboard's 热点与预警 tab on the made-up March (tests/core/analysis/planted.py)."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.analysis.model import HotspotReport
from app.desk import Desk
from app.reports.period import Period, PeriodKind
from app.seat import Seat, open_seat
from app.tickets.importer import import_file
from tests.core.analysis.planted import planted_tickets, write_csv
from ui.reports.dashboard import ReportsDashboard
from ui.reports.hotspots import HotspotsPanel, RowsModel

MARCH = Period(date(2024, 3, 1), date(2024, 3, 31), PeriodKind.MONTHLY)
SCREENSHOTS = Path(__file__).resolve().parents[3] / "bench" / "out" / "screens"


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seat]:
    folder = tmp_path_factory.mktemp("planted-ui")
    write_csv(planted_tickets(), folder / "planted.csv")
    seat = open_seat(folder / "seat")
    assert not import_file(seat.store, folder / "planted.csv", seat.context).errors
    yield seat
    seat.close()


def _open(qtbot: QtBot, seat: Seat) -> ReportsDashboard:
    widget = ReportsDashboard(Desk(seat), today=date(2024, 4, 2))
    qtbot.addWidget(widget)
    widget.resize(1400, 860)
    with qtbot.waitSignal(widget.hotspots_ready, timeout=60000):
        widget.set_period(MARCH)
    return widget


def test_hot_groups_and_warnings_with_their_evidence(qtbot: QtBot, planted: Seat) -> None:
    widget = _open(qtbot, planted)
    panel = widget.hotspots_panel
    assert panel.report is not None and panel.progress_bar.isHidden()
    model = panel.groups_model
    descriptions = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert any("丽华花园" in d and "搅拌站" in d for d in descriptions)
    assert any("停车费" in d for d in descriptions)
    assert model.index(0, 0).data() == "1"
    # The first group is chosen: its heat's parts and its tickets are shown beside it.
    evidence = panel.evidence.toPlainText()
    assert "热度" in evidence and "来电人" in evidence and "S01-" in evidence
    panel.lists.setCurrentIndex(1)
    assert panel.warnings_model.rowCount() >= 1
    assert "民主路" in panel.warnings_model.index(0, 2).data()
    assert "民主路" in panel.evidence.toPlainText() and "此前7天" in panel.evidence.toPlainText()
    panel.lists.setCurrentIndex(2)
    assert panel.callers_model.index(0, 0).data() == "138****1111"
    # The overview says it too, where a supervisor looks first.
    assert not widget.warnings_label.isHidden() and "民主路" in widget.warnings_label.text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    widget.tabs.setCurrentWidget(panel)
    panel.lists.setCurrentIndex(0)
    widget.grab().save(str(SCREENSHOTS / "hotspots-panel.png"))


def test_brief_gains_the_hot_and_warning_paragraphs(qtbot: QtBot, planted: Seat) -> None:
    widget = _open(qtbot, planted)
    text = widget.brief_text()
    assert "\n本月热点：群众集中反映的问题有" in text
    assert "\n预警：3月14日，民主路来电14人" in text


def test_an_edited_brief_is_kept_when_the_hot_issues_arrive(qtbot: QtBot, planted: Seat) -> None:
    widget = _open(qtbot, planted)
    report = widget.hotspots_panel.report
    widget.brief_edit.setPlainText("领导改过的简报")
    with qtbot.waitSignal(widget.hotspots_ready, timeout=10000):
        widget.hotspots_panel.report_ready.emit(report)  # the hot issues arriving after an edit
    assert widget.brief_text() == "领导改过的简报"
    widget.reset_brief_button.click()
    assert "本月热点" in widget.brief_text()


def test_progress_is_shown_while_analysing(qtbot: QtBot) -> None:
    from threading import Event

    release = Event()

    def slow(period: Period, progress: object) -> HotspotReport:
        progress("read", 40, 100)  # type: ignore[operator]
        release.wait(10)
        raise RuntimeError("数据库已被删除")

    panel = HotspotsPanel(slow)
    qtbot.addWidget(panel)
    panel.show()
    panel.analyse(MARCH)
    qtbot.waitUntil(lambda: panel.progress_bar.maximum() == 100 and panel.progress_bar.value() == 40)
    assert panel.progress_bar.isVisible() and "分析" in panel.status_label.text()
    with qtbot.waitSignal(panel.failed, timeout=10000) as failed:
        release.set()
    assert "数据库已被删除" in failed.args[0] and panel.progress_bar.isHidden()
    assert "热点分析失败" in panel.status_label.text()


def test_models_pass_the_model_tester(qtbot: QtBot, planted: Seat, qtmodeltester: ModelTester) -> None:
    widget = _open(qtbot, planted)
    panel = widget.hotspots_panel
    for model in (panel.groups_model, panel.warnings_model, panel.callers_model, panel.long_model):
        qtmodeltester.check(model)
    qtmodeltester.check(RowsModel(["a", "b"]))
