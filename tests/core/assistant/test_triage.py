from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.assistant.triage import RULES_PATH, Triager
from app.assistant.triage_eval import evaluate_triage

CASES = Path(__file__).with_name("triage_cases.csv")
DEV = Path(__file__).with_name("triage_dev.csv")
TUNING = Path(__file__).with_name("triage_tuning.csv")
FROZEN = Path(__file__).with_name("triage_frozen.csv")
# Written by an outsider from the issue alone (/work/frozen/README.md); measured, never tuned on.
FROZEN_SHA256 = "d748ff5c256d9328186b2900393ea3bf0b4a3189e80cae7d18ca1b9b5ccacbb6"
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


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


# The issue's kinds of danger the old rules did not know, in my own words, and its time-and-mood
# examples: each must be decided by the taxonomy, not by a memorised sentence.
@pytest.mark.parametrize(("text", "line"), [
    ("孩子把消毒水喝了，一直在吐", "120"),
    ("搭架子的师傅从三楼脚手架上摔下来了，动不了", "120"),
    ("小区湖里有个小孩在水里挣扎", "119"),
    ("隔壁一直有人喊救命，还有砸东西的声音", "110"),
    ("高速上一辆货车翻了，司机被卡在驾驶室里", "119"),
    ("半夜有几个人翻墙进了厂里，正在往外搬东西", "110"),
    ("楼道里着火了，有人被困", "119"),
])
def test_issue_missed_kinds_raise_the_banner(triager: Triager, text: str, line: str) -> None:
    assert triager.triage(text).emergency == line


@pytest.mark.parametrize("text", [
    "厨房的火已经灭了，没人受伤", "上次楼下着火，想问问物业赔不赔", "去年我们楼发生过火灾",
    "担心会着火，楼道堆满了纸箱", "如果电梯困人了该找谁", "明天小区搞消防模拟演练",
    "消防栓漏水好几天了",
])
def test_time_and_mood_are_not_emergencies_now(triager: Triager, text: str) -> None:
    assert triager.triage(text).emergency is None


def test_traffic_injury_calls_120_with_122_on_the_banner(triager: Triager) -> None:
    r = triager.triage("路口两辆车撞了，骑车的人躺在地上流血")
    assert r.emergency == "120" and "122" in r.also


@pytest.mark.parametrize(("text", "line"), [
    ("干了三个月，老板一分工资没发", "12333"),
    ("健身房突然关门了，我办的卡里还有两千块", "12315"),
    ("出租车司机不打表还绕路", "12328"),
    ("我想申请法律援助，请不起律师", "12348"),
])
def test_department_lines_from_the_taxonomy(triager: Triager, text: str, line: str) -> None:
    r = triager.triage(text)
    assert (r.emergency, r.hotline) == (None, line)


def test_emergency_wins_over_a_department_line(triager: Triager) -> None:
    r = triager.triage("工地老板欠工资，现在有个工人从楼上摔下来了")
    assert r.emergency == "120" and r.hotline is None


def test_taxonomy_names_each_kind_with_a_sentence() -> None:
    data = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    kinds = data["emergency"] + [k for h in data["hotlines"] for k in h["kinds"]]
    assert all(len(k["sentence"]) >= 12 and k["sentence"].endswith("。") for k in kinds)
    assert len({k["kind"] for k in data["emergency"]}) == len(data["emergency"]) >= 30
    assert {s for k in data["emergency"] for s in k["services"]} == {"110", "119", "120", "122"}


def test_reason_is_a_sentence_with_the_callers_words(triager: Triager) -> None:
    r = triager.triage("我爸突然嘴歪了，说话也说不清")
    assert r.emergency == "120"
    assert "来电说“" in r.reason and "中风" in r.reason and "。" in r.reason


def test_tuning_set_meets_the_issue_targets(triager: Triager) -> None:
    """The outsiders' dev set (tuned on): the frozen set's targets, as a floor."""
    r = evaluate_triage(triager, _rows(DEV))
    assert r.recall >= 0.98 and r.false_alarm_rate <= 0.03 and r.department_accuracy >= 0.90, \
        "\n".join(r.lines(show_texts=True))


def test_own_tuning_set_meets_the_issue_targets(triager: Triager) -> None:
    """672 phrasings written from the issue's taxonomy list (tuned on, like the dev set)."""
    rows = _rows(TUNING)
    r = evaluate_triage(triager, rows)
    assert len(rows) >= 670 and r.n_emergency >= 350 and r.n_department >= 110
    assert r.recall >= 0.98 and r.false_alarm_rate <= 0.03 and r.department_accuracy >= 0.90, \
        "\n".join(r.lines(show_texts=True))


@pytest.mark.parametrize(("text", "line"), [
    ("有个老太太在菜市场门口倒着，人事不省的", "120"),  # a word of the 'cannot respond' set
    ("我哥吃了一大堆止痛片，现在一直吐", "120"),  # a quantity of pills, swallowed
    ("家里老人糊涂了，从昨晚出去一直没回来", "110"),  # yesterday, but still missing now
    ("楼上男的打女的，现在又在打了", "110"),  # a habit, happening again now
])
def test_word_sets_and_ongoing_harm(triager: Triager, text: str, line: str) -> None:
    assert triager.triage(text).emergency == line


@pytest.mark.parametrize("text", [
    "我上班的时候手被机器压伤了，现在公司不给认定工伤",  # a claim: the harm is over
    "马路上有个井盖没了，怕有人掉下去",  # a worry, and a manhole is not a well
    "工厂烟囱一直冒黑烟，味道很呛",  # pollution, not a chemical spill
    "有人在田里烧秸秆，烟很大",
    "邻居在阳台上烧东西，烟很大，天天这样",  # a habit said after the words
    "我想问下不动产登记在哪里办",
    "今天下午社区搞燃气泄漏应急演练，大家不要慌",  # 应急演练 was masked, hiding the drill
    "我家的猫从楼上掉下去了，摔得站不起来",
    "厂里的配电房门一直开着，小孩进去会触电的",  # a prediction
    "我爸有心脏病，最近老说胸口闷，想预约个专家号",  # a condition for months
    "我爸有老年痴呆，想给他办个防走失的卡",
])
def test_aftermath_worry_and_pollution_are_not_emergencies(triager: Triager, text: str) -> None:
    assert triager.triage(text).emergency is None


def test_a_claim_said_during_the_harm_still_raises_the_banner(triager: Triager) -> None:
    assert triager.triage("他拿刀把我砍了，血还在流，快来，我要他赔偿").emergency is not None


def test_frozen_set_is_untouched_and_measurable(triager: Triager) -> None:
    """The frozen set is measured by `triage-eval --cases` and reported, never tuned on."""
    import hashlib

    assert hashlib.sha256(FROZEN.read_bytes()).hexdigest() == FROZEN_SHA256
    r = evaluate_triage(triager, _rows(FROZEN))
    assert r.n == 504 and r.n_emergency == 250 and r.n_department == 85
