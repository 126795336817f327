"""The command line ``python -m app.tickets import|export --data-dir DIR FILE``, as a user runs it."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app.store.models import OutboxEntry
from app.store.unlock import open_store
from tests.conftest import REPO_ROOT
from tests.file_keyring import keyring_env

HEADER = "受理时间,渠道,诉求类型,一级分类,区县,地址,标题,诉求内容,来电人,联系电话\n"
GOOD = "2025-03-01 09:30,电话,投诉,城市管理,梁园区,凯旋路88号,夜间施工噪音,工地每晚打桩,王女士,13812345678\n"
BAD = "2025-03-01 10:30,电话,投诉,城市管理,梁园区,凯旋路88号,路灯不亮,路灯坏了,李先生,12345\n"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.tickets", *map(str, args)], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_import_good_file(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(HEADER + GOOD, encoding="utf-8")
    done = run("import", "--data-dir", data_dir, path)
    assert done.returncode == 0, done.stderr
    assert "导入 1 条，已存在跳过 0 条，出错 0 条" in done.stdout
    again = run("import", "--data-dir", data_dir, path)
    assert again.returncode == 0 and "导入 0 条，已存在跳过 1 条" in again.stdout


def test_import_with_bad_rows_and_unknown_header(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(HEADER.replace("\n", ",备注\n") + GOOD.replace("\n", ",x\n") + BAD.replace("\n", ",y\n"),
                    encoding="utf-8")
    done = run("import", "--data-dir", data_dir, path)
    assert done.returncode == 1
    assert "未识别的列（已忽略）：备注" in done.stdout
    assert "第3行：联系电话：手机号码应为11位，当前为5位" in done.stdout
    assert "导入 1 条，已存在跳过 0 条，出错 1 条" in done.stdout


def test_import_missing_file_or_header(tmp_path: Path, data_dir: Path) -> None:
    missing = run("import", "--data-dir", data_dir, tmp_path / "nope.csv")
    assert missing.returncode == 2 and "找不到文件" in missing.stderr
    path = tmp_path / "in.csv"
    path.write_text("标题,来电人\n噪音,王\n", encoding="utf-8")
    refused = run("import", "--data-dir", data_dir, path)
    assert refused.returncode == 2
    assert "缺少必需的列：诉求类型、诉求内容" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_export_csv_and_xlsx(tmp_path: Path, data_dir: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(HEADER + GOOD, encoding="utf-8")
    run("import", "--data-dir", data_dir, source)
    for name in ("out.csv", "out.xlsx"):
        done = run("export", "--data-dir", data_dir, tmp_path / name)
        assert done.returncode == 0, done.stderr
        assert f"已导出 1 条工单到 {tmp_path / name}" in done.stdout
    with (tmp_path / "out.csv").open(encoding="utf-8-sig") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["标题"] == "夜间施工噪音" and row["本地编号"].startswith("S01-20250301-")
    refused = run("export", "--data-dir", data_dir, tmp_path / "out.pdf")
    assert refused.returncode == 2 and ".csv 或 .xlsx" in refused.stderr
    store = open_store(data_dir)  # each written file is queued for the center's audit, the refused one not
    try:
        with store.session() as session:
            reports = [json.loads(o.payload) for o in session.scalars(
                select(OutboxEntry).where(OutboxEntry.kind == "导出").order_by(OutboxEntry.id))]
    finally:
        store.close()
    assert [(r["rows"], r["format"], r["filter"]) for r in reports] == [(1, "csv", "全部工单"), (1, "xlsx", "全部工单")]


def test_data_dir_from_environment(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(HEADER + GOOD, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "app.tickets", "import", str(source)], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=60, check=False,
                          env={"HOTLINE_DESK_DATA_DIR": str(tmp_path / "env"), "PATH": "/usr/bin:/bin",
                               **keyring_env()})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "env" / "hotline-desk.sqlite3").exists()


def test_usage_error() -> None:
    done = run("frobnicate")
    assert done.returncode == 2 and "usage" in done.stderr
