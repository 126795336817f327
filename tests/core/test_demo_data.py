"""Demo tickets and the reference data they draw on: what a user of the demo would notice."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.demo_data import (
    CHANNELS,
    REQUEST_TYPES,
    RESOURCES_DIR,
    SATISFACTIONS,
    SHANGHAI,
    STATUSES,
    TICKET_FIELDS,
    URGENCIES,
    generate_demo_tickets,
)

REFERENCE = RESOURCES_DIR / "reference"
TEMPLATES = RESOURCES_DIR / "demo" / "templates.json"
# The research data sits beside the repository on a developer's machine, never on a user's.
SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "tipdm2020c"

END = datetime(2024, 1, 15, 9, 0, tzinfo=SHANGHAI)
START = END - timedelta(days=120)


def _rows(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def tickets() -> list[dict[str, object]]:
    return list(generate_demo_tickets(3000, seed=7, start=START, end=END))


# --- reference data ------------------------------------------------------------------------


def test_reference_files_have_the_agreed_headers() -> None:
    expected = {
        "categories.csv": ["一级分类", "二级分类", "三级分类"],
        "districts.csv": ["区县", "乡镇街道"],
        "units.csv": ["单位名称", "类型", "区县", "职责"],
        "hotlines.csv": ["号码", "名称", "类别", "适用情形", "转接话术"],
        "holidays.csv": ["日期", "类型", "名称"],
    }
    for name, header in expected.items():
        with (REFERENCE / name).open(encoding="utf-8", newline="") as f:
            assert next(csv.reader(f)) == header, name


def test_every_category_row_has_three_levels_and_no_duplicates() -> None:
    rows = [tuple(r.values()) for r in _rows("categories.csv")]
    assert all(len(r) == 3 and all(v.strip() == v and v for v in r) for r in rows)
    assert len(rows) == len(set(rows))
    first_levels = {r[0] for r in rows}
    assert {"公共服务", "城市管理", "劳动和社会保障"} <= first_levels
    assert ("城市管理", "市政设施", "井盖") in rows


def test_districts_hold_the_seed_streets_and_all_ten_counties() -> None:
    rows = {(r["区县"], r["乡镇街道"]) for r in _rows("districts.csv")}
    counties = {d for d, _ in rows}
    assert counties == {
        "梁园区", "睢阳区", "示范区", "永城市", "虞城县",
        "睢县", "夏邑县", "柘城县", "宁陵县", "民权县",
    }  # fmt: skip
    for seed_street in [
        ("梁园区", "王楼乡"),
        ("梁园区", "平原街道"),
        ("睢阳区", "郭村镇"),
        ("睢阳区", "新城街道"),
        ("示范区", "张阁镇"),
        ("示范区", "平安街道"),
    ]:
        assert seed_street in rows
    assert all(s.endswith(("街道", "镇", "乡")) for _, s in rows)


def test_units_include_every_unit_the_seed_names() -> None:
    rows = _rows("units.csv")
    names = [r["单位名称"] for r in rows]
    assert len(names) == len(set(names))
    seed_units = [
        "市城市管理局", "市公安局", "梁园区人民政府", "虞城县人民政府", "睢县人民政府",
        "梁园区市政建设局", "梁园区王楼乡政府", "梁园区平原街道办事处", "睢阳区住房保障中心",
        "睢阳区郭村镇政府", "睢阳区新城街道办事处", "示范区住建局", "示范区张阁镇政府",
        "示范区平安街道办事处", "梁园区园林绿化事务中心", "市卫生健康委员会",
        "市文化广电和旅游局", "商丘市公安局梁园分局",
    ]  # fmt: skip
    assert set(seed_units) <= set(names)
    counties = {r["区县"] for r in _rows("districts.csv")}
    kinds = {"市直部门", "区县政府", "区县部门", "乡镇街道", "公共企业", "热线"}
    for r in rows:
        assert r["类型"] in kinds, r
        assert (r["区县"] == "") == (r["类型"] in {"市直部门", "公共企业", "热线"}), r
        assert r["区县"] == "" or r["区县"] in counties, r
        assert r["职责"] and all(k.strip() for k in r["职责"].split(";")), r


def test_hotlines_and_holidays_are_well_formed() -> None:
    hotlines = _rows("hotlines.csv")
    assert [h["号码"] for h in hotlines] == [
        "110", "119", "120", "122", "12333", "12315", "12328", "12348",
    ]  # fmt: skip
    assert all(h["类别"] in {"紧急", "部门"} and h["转接话术"] for h in hotlines)
    holidays = _rows("holidays.csv")
    dates = [h["日期"] for h in holidays]
    assert len(dates) == len(set(dates))
    for h in holidays:
        day = datetime.strptime(h["日期"], "%Y-%m-%d").date()
        assert h["类型"] in {"休", "班"}
        if h["类型"] == "班":
            assert day.weekday() >= 5, h  # a make-up working day is always a weekend day
    assert {"2025-01-28", "2026-02-15", "2026-10-01"} <= set(dates)


# --- templates -------------------------------------------------------------------------------


def test_templates_refer_to_existing_categories_units_and_vocabularies() -> None:
    doc = json.loads(TEMPLATES.read_text(encoding="utf-8"))
    categories = {tuple(r.values()) for r in _rows("categories.csv")}
    units = {r["单位名称"] for r in _rows("units.csv")}
    assert len(doc["templates"]) >= 80
    for t in doc["templates"]:
        assert tuple(t["category"]) in categories, t["title"]
        assert t["unit"] in units, t["title"]
        assert t["request_type"] in REQUEST_TYPES
        assert t["urgency"] in URGENCIES
    assert {t["request_type"] for t in doc["templates"]} == set(REQUEST_TYPES)


def test_templates_do_not_copy_the_research_data() -> None:
    if not SHARED_DATA.is_dir():
        pytest.skip("research data not present on this machine")
    doc = json.loads(TEMPLATES.read_text(encoding="utf-8"))
    own_text = json.dumps(doc, ensure_ascii=False)
    with (SHARED_DATA / "messages_labeled.csv").open(encoding="utf-8", newline="") as f:
        labeled = list(csv.DictReader(f))
    for row in labeled[:200]:
        assert row["留言主题"].strip() not in own_text

    # No run of 12 characters of our prose appears in any message or official reply.
    n = 12
    strings = [s for t in doc["templates"] for s in (t["title"], t["result"], *t["descriptions"])]
    strings += doc["follow_ups"]
    ours: set[str] = set()
    for s in strings:
        plain = re.sub(r"\{\w+\}", "\0", s)
        ours.update(
            plain[i : i + n] for i in range(len(plain) - n + 1) if "\0" not in plain[i : i + n]
        )
    theirs = [r["留言详情"] for r in labeled]
    with (SHARED_DATA / "messages_with_replies.csv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            theirs += [r["留言主题"], r["留言详情"], r["答复意见"]]
    text = "\n".join(theirs)
    leaked = {text[i : i + n] for i in range(len(text) - n + 1) if text[i : i + n] in ours}
    assert not leaked


# --- generated tickets -----------------------------------------------------------------------


def test_every_ticket_has_exactly_the_ticket_fields(tickets: list[dict[str, object]]) -> None:
    assert len(tickets) == 3000
    assert all(list(t) == list(TICKET_FIELDS) for t in tickets)


def test_values_come_from_the_vocabularies_and_reference_data(
    tickets: list[dict[str, object]],
) -> None:
    categories = {tuple(r.values()) for r in _rows("categories.csv")}
    districts = {(r["区县"], r["乡镇街道"]) for r in _rows("districts.csv")}
    units = {r["单位名称"] for r in _rows("units.csv")}
    for t in tickets:
        assert t["channel"] in CHANNELS
        assert t["request_type"] in REQUEST_TYPES
        assert t["urgency"] in URGENCIES
        assert t["status"] in STATUSES
        assert (t["category1"], t["category2"], t["category3"]) in categories
        assert (t["district"], t["street"]) in districts
        assert t["handling_unit"] == "" or t["handling_unit"] in units
        assert t["handling_unit"] != "" or t["status"] == "受理"
        assert isinstance(t["address"], str) and t["address"].startswith(str(t["district"]))
        for key in ("title", "description", "address", "result"):
            value = t[key]
            assert isinstance(value, str) and "{" not in value and "}" not in value
        assert t["title"] and t["description"]


def test_lifecycle_fields_agree_with_the_status(tickets: list[dict[str, object]]) -> None:
    for t in tickets:
        done = t["status"] in {"办结", "回访", "归档"}
        assert (t["result"] != "") == done, t
        assert t["satisfaction"] == "" or t["satisfaction"] in SATISFACTIONS
        if t["status"] not in {"回访", "归档"}:
            assert t["satisfaction"] == ""
    # Older tickets are further along than recent ones.
    rank = {s: i for i, s in enumerate(STATUSES)}
    old = [rank[str(t["status"])] for t in tickets[:500]]
    new = [rank[str(t["status"])] for t in tickets[-500:]]
    assert sum(old) / len(old) > sum(new) / len(new)
    assert Counter(str(t["status"]) for t in tickets[:500])["归档"] > 250


def test_times_are_aware_sorted_and_inside_the_period(tickets: list[dict[str, object]]) -> None:
    times = [t["created_at"] for t in tickets]
    assert all(isinstance(x, datetime) and x.utcoffset() == timedelta(hours=8) for x in times)
    stamps = [x for x in times if isinstance(x, datetime)]
    assert stamps == sorted(stamps)
    assert stamps[0] >= START and stamps[-1] < END


def test_callers_and_privacy(tickets: list[dict[str, object]]) -> None:
    mobile = re.compile(r"1[3-9]\d{9}")
    landline = re.compile(r"0370-[2-8]\d{6}")
    for t in tickets:
        phone = str(t["caller_phone"])
        assert phone == "" or mobile.fullmatch(phone) or landline.fullmatch(phone), phone
        if t["anonymous"]:
            assert t["caller_name"] == ""
        else:
            assert t["caller_name"] != ""
        if t["request_type"] == "举报":
            assert t["confidential"] is True
    phones = Counter(str(t["caller_phone"]) for t in tickets if t["caller_phone"])
    repeaters = [p for p, n in phones.items() if n > 1]
    assert len(repeaters) > 50  # caller history has something to show
    assert any(t["anonymous"] for t in tickets)
    assert any(str(t["caller_phone"]).startswith("0370-") for t in tickets)


def test_the_mix_looks_like_the_seed_week(tickets: list[dict[str, object]]) -> None:
    channels = Counter(str(t["channel"]) for t in tickets)
    assert 0.85 < channels["电话"] / len(tickets) < 0.95
    assert 0.04 < channels["微信"] / len(tickets) < 0.12
    assert Counter(str(t["urgency"]) for t in tickets)["一般"] / len(tickets) > 0.75
    assert set(Counter(str(t["request_type"]) for t in tickets)) == set(REQUEST_TYPES)
    first = Counter(str(t["category1"]) for t in tickets)
    assert first.most_common(1)[0][0] == "公共服务"


def test_deterministic_for_a_seed() -> None:
    a = list(generate_demo_tickets(300, seed=3, start=START, end=END))
    b = list(generate_demo_tickets(300, seed=3, start=START, end=END))
    c = list(generate_demo_tickets(300, seed=4, start=START, end=END))
    assert a == b
    assert a != c


def test_naive_bounds_are_read_as_local_time_and_bad_input_is_refused() -> None:
    naive = list(generate_demo_tickets(5, start=datetime(2024, 1, 1), end=datetime(2024, 1, 2)))
    assert all(isinstance(t["created_at"], datetime) for t in naive)
    assert all(getattr(t["created_at"], "tzinfo", None) is not None for t in naive)
    assert list(generate_demo_tickets(0, start=START, end=END)) == []
    with pytest.raises(ValueError):
        list(generate_demo_tickets(-1, start=START, end=END))
    with pytest.raises(ValueError):
        list(generate_demo_tickets(1, start=END, end=START))
