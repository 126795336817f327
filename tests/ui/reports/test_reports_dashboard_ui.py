import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.reports.data import Dimension
from app.reports.period import Period, PeriodKind
from tests.core.reports.test_reports_brief import EXPECTED_SEED_BRIEF, EXPECTED_SEED_HOT
from ui.reports.dashboard import ReportsDashboard
from ui.reports.models import CountsModel, RatingsModel, TicketsModel

TODAY = date(2024, 1, 17)  # last week = 1月8日至14日
SCREENSHOTS = Path(__file__).resolve().parents[3] / "bench" / "out" / "screens"



def _open(qtbot: QtBot, desk: Desk) -> ReportsDashboard:
    """The dashboard with both its figures and its hot issues (which end the brief) in."""
    widget = ReportsDashboard(desk, today=TODAY)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.dashboard is not None and widget.dashboard.brief.hotspots is not None,
                    timeout=30000)
    return widget


def test_opens_on_last_week_with_the_seed_brief(qtbot: QtBot, seed_desk: Desk) -> None:
    widget = _open(qtbot, seed_desk)
    assert widget.period == Period(date(2024, 1, 8), date(2024, 1, 14), PeriodKind.WEEKLY)
    assert widget.brief_text() == f"{EXPECTED_SEED_BRIEF}\n{EXPECTED_SEED_HOT}"
    assert widget.count_models[Dimension.CHANNEL].rows()[0].count == 11471
    assert "有效事件 12647 件" in widget.summary_label.text()


def test_models_pass_the_model_tester(qtbot: QtBot, seed_desk: Desk, qtmodeltester: ModelTester) -> None:
    widget = _open(qtbot, seed_desk)
    for model in (*widget.count_models.values(), widget.overdue_model, widget.escalated_model, widget.ratings_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    assert widget.ratings_model.index(0, RatingsModel.COL_SATISFACTION).data().startswith("100.00%（")


def test_empty_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    for model in (CountsModel("渠道"), TicketsModel(escalated=True), RatingsModel()):
        qtmodeltester.check(model)


def test_weights_rerank_without_requery_and_keep_edited_brief(qtbot: QtBot, seed_desk: Desk) -> None:
    widget = _open(qtbot, seed_desk)
    widget.brief_edit.setPlainText("领导改过的简报")
    widget.weight_spins["satisfaction"].setValue(0)
    widget.weight_spins["response"].setValue(0)
    widget.weight_spins["solution"].setValue(0)
    widget.weight_spins["returns"].setValue(100)
    assert widget.dashboard is not None and widget.dashboard.ratings[0].score == 100.0
    assert widget.brief_text() == "领导改过的简报"
    widget.reset_brief_button.click()
    assert widget.brief_text() != "领导改过的简报"


def test_period_picker_steps_and_switches(qtbot: QtBot, seed_desk: Desk) -> None:
    widget = _open(qtbot, seed_desk)
    with qtbot.waitSignal(widget.dashboard_ready, timeout=10000):
        widget.previous_button.click()
    assert widget.period.start == date(2024, 1, 1)
    assert "1月1日至7日，全市共受理有效事件1件" in widget.brief_text()  # 1月7日 23:59:59
    with qtbot.waitSignal(widget.dashboard_ready, timeout=10000):
        widget.previous_button.click()
    assert widget.brief_text().endswith("\n12月25日至31日，全市未受理有效事件。")
    with qtbot.waitSignal(widget.dashboard_ready, timeout=10000):
        widget.next_button.click()
    with qtbot.waitSignal(widget.dashboard_ready, timeout=10000):
        widget.kind_combo.setCurrentIndex(2)
        widget.kind_combo.activated.emit(2)
    assert widget.period == Period(date(2024, 1, 1), date(2024, 1, 31), PeriodKind.MONTHLY)
    assert widget.dashboard is not None and widget.dashboard.totals.valid == 12649


def test_exports_xlsx_and_pdf(qtbot: QtBot, seed_desk: Desk, tmp_path: Path) -> None:
    widget = _open(qtbot, seed_desk)
    widget.brief_edit.setPlainText(widget.brief_text() + "\n（本期由值班长审核）")
    xlsx = tmp_path / "week.xlsx"
    with qtbot.waitSignal(widget.export_finished, timeout=10000):
        widget.export_xlsx(xlsx)
    book = load_workbook(xlsx, read_only=True)
    assert list(book["简报"].iter_rows(values_only=True))[-1] == ("（本期由值班长审核）",)
    assert widget.status_label.text() == f"已导出：{xlsx}"  # said, with where it went (issue 13.6)
    pdf = tmp_path / "week.pdf"
    with qtbot.waitSignal(widget.export_finished, timeout=10000):
        widget.export_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert widget.status_label.text() == f"已导出：{pdf}"
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed: PDF not rendered")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "2", str(pdf), str(SCREENSHOTS / "report-pdf")], check=True)
    assert (SCREENSHOTS / "report-pdf-1.png").stat().st_size > 10000


def test_screenshot_of_the_widget(qtbot: QtBot, seed_desk: Desk) -> None:
    widget = _open(qtbot, seed_desk)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for index, name in ((0, "overview"), (3, "ratings"), (4, "brief")):
        widget.tabs.setCurrentIndex(index)
        assert widget.grab().save(str(SCREENSHOTS / f"dashboard-{name}.png"))
