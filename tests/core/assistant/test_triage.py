from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.assistant.triage import Triager

CASES = Path(__file__).with_name("triage_cases.csv")
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def triager() -> Triager:
    return Triager.from_file()


def _cases() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_curated_set_is_big_and_covers_every_service() -> None:
    cases = _cases()
    assert len(cases) >= 150
    assert {c["emergency"] for c in cases} >= {"110", "119", "120", ""}
    assert {c["hotline"] for c in cases} >= {"12333", "12315", "12328", "12348"}


def test_every_curated_emergency_is_caught(triager: Triager) -> None:
    missed = [c["text"] for c in _cases()
              if c["emergency"] and triager.triage(c["text"]).emergency != c["emergency"]]
    assert missed == []


def test_no_false_banner_on_curated_hard_negatives(triager: Triager) -> None:
    false = [c["text"] for c in _cases()
             if not c["emergency"] and triager.triage(c["text"]).emergency]
    assert false == []


def test_department_lines(triager: Triager) -> None:
    wrong = [(c["text"], triager.triage(c["text"]).hotline) for c in _cases()
             if c["hotline"] and triager.triage(c["text"]).hotline != c["hotline"]]
    assert wrong == []


@pytest.mark.parametrize("text", ["消防栓漏水", "烧烤摊占道经营", "派出所办户口排队太久",
                                  "医院停车难", "消防通道被占"])
def test_issue_examples_are_not_emergencies(triager: Triager, text: str) -> None:
    assert triager.triage(text).emergency is None


def test_emergency_carries_a_script_and_the_reason(triager: Triager) -> None:
    r = triager.triage("厨房着火了，有人被困在里面")
    assert r.emergency == "119"
    assert r.emergency_script is not None and "119" in r.emergency_script.say
    assert "着火" in r.reason


def test_cli_contract_last_line_is_json() -> None:
    out = subprocess.run([sys.executable, "-m", "app.assistant", "triage", "工资被拖欠三个月"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    last = json.loads(out.strip().splitlines()[-1])
    assert last["emergency"] is None and last["hotline"] == "12333"
