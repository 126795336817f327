"""``python -m app.reports hotspots``: the CSV of the top groups' tickets and the printed report."""

import csv
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.reports", "hotspots", *map(str, args)],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)


def test_csv_has_every_ticket_of_the_top_groups(planted_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "top3.csv"
    done = run("--data-dir", planted_dir, "--from", "2024-03-01", "--to", "2024-03-31",
               "--top", "3", "--csv", out)
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["热度排名", "热度指数", "时间范围", "地点/人群", "问题描述", "本地编号"]
    ranks = [int(r[0]) for r in rows[1:]]
    assert sorted(set(ranks)) == [1, 2, 3] and ranks == sorted(ranks)
    by_rank = {rank: [r for r in rows[1:] if int(r[0]) == rank] for rank in (1, 2, 3)}
    for rank, group in by_rank.items():
        assert len({tuple(r[:5]) for r in group}) == 1  # one group: one heat, range, place, text
        assert len({r[5] for r in group}) == len(group) >= 2  # each ticket once
        assert all(r[5].startswith("S") for r in group)
        assert f"{rank}. 【热度{group[0][1]}】{group[0][4]}" in done.stdout
    assert "4. 【热度" not in done.stdout
    assert "预警" in done.stdout and "民主路" in done.stdout
    assert "读取工单" in done.stderr and "完成" in done.stderr  # progress goes to stderr


def test_bad_arguments_say_what_to_fix(planted_dir: Path, tmp_path: Path) -> None:
    done = run("--data-dir", planted_dir, "--from", "2024-03-31", "--to", "2024-03-01",
               "--csv", tmp_path / "x.csv")
    assert done.returncode == 2 and "结束日期不能早于开始日期" in done.stderr
    done = run("--data-dir", planted_dir, "--from", "2024-3-1x", "--to", "2024-03-01",
               "--csv", tmp_path / "x.csv")
    assert done.returncode == 2 and "YYYY-MM-DD" in done.stderr
    done = run("--data-dir", planted_dir, "--from", "2024-03-01", "--to", "2024-03-31",
               "--top", "0", "--csv", tmp_path / "x.csv")
    assert done.returncode == 2 and "正整数" in done.stderr
    done = run("--data-dir", planted_dir, "--from", "2024-03-01", "--to", "2024-03-31",
               "--csv", tmp_path / "missing" / "x.csv")
    assert done.returncode == 2 and "输出目录不存在" in done.stderr
    done = run("--data-dir", tmp_path / "empty", "--from", "2024-03-01", "--to", "2024-03-31",
               "--csv", tmp_path / "x.csv")
    assert done.returncode == 1 and "没有工单库" in done.stderr
    assert not (tmp_path / "x.csv").exists()
