"""Reference data: the bundled files, an administrator's own category tree, bad rows reported."""

import re
from pathlib import Path

import pytest

from app.domain.ticket import TicketInput, validate_ticket
from app.reference import CategoryTree, ReferenceData, ReferenceError, load_calendar, load_reference


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_bundled_reference_has_the_seed_city(reference: ReferenceData) -> None:
    assert set(reference.districts) >= {"梁园区", "睢阳区", "示范区", "永城市", "虞城县", "睢县",
                                         "夏邑县", "柘城县", "宁陵县", "民权县"}
    assert "平原街道" in reference.streets("梁园区")
    assert {h.number for h in reference.hotlines} >= {
        "110", "119", "120", "122", "12333", "12315", "12328", "12348"}
    assert reference.hotline("119") is not None and reference.hotline("999") is None
    assert "市城市管理局" in reference.unit_names()


@pytest.mark.parametrize("headline", ["公共服务", "城市管理", "劳动和社会保障"])
def test_seed_headline_categories_are_accepted(reference: ReferenceData, headline: str) -> None:
    assert headline in reference.categories.level1()
    data = TicketInput(request_type="咨询", caller_phone="13812345678", category1=headline,
                       title="咨询", description="咨询一下")
    assert validate_ticket(data, reference).ok


def test_category_levels(reference: ReferenceData) -> None:
    tree = reference.categories
    assert "安全生产" in tree.level2("城乡建设")
    assert "事故处理" in tree.level3("城乡建设", "安全生产")
    assert tree.level2("没有") == [] and tree.level3("城乡建设", "没有") == []


def test_admin_tree_replaces_the_default(tmp_path: Path) -> None:
    csv_path = write(tmp_path / "tree.csv",
                     "一级分类,二级分类,三级分类\n交通出行,公交,线路调整\n交通出行,公交,站点\n"
                     "交通出行,出租车,\n民生保障,,\n")
    reference = load_reference(categories_csv=csv_path)
    tree = reference.categories
    assert tree.level1() == ["交通出行", "民生保障"]
    assert tree.level3("交通出行", "公交") == ["线路调整", "站点"]
    assert tree.contains("民生保障") and tree.contains("交通出行", "出租车")
    assert not tree.contains("城乡建设")
    assert reference.districts  # the rest still comes from the bundled files


def test_admin_tree_in_excel_utf8_with_bom(tmp_path: Path) -> None:
    csv_path = write(tmp_path / "tree.csv", "一级分类,二级分类,三级分类\r\n城市管理,路灯,\r\n", "utf-8-sig")
    assert CategoryTree.from_csv(csv_path).contains("城市管理", "路灯")


@pytest.mark.parametrize(("content", "message"), [
    ("一级分类,二级分类,三级分类\n城市管理,路灯,\n,井盖,\n", "tree.csv 第3行：缺少一级分类"),
    ("一级分类,二级分类,三级分类\n城市管理,,夜间\n", "tree.csv 第2行：有三级分类但缺少二级分类"),
    ("分类,子类\n城市管理,路灯\n", "tree.csv 缺少列：一级分类"),
    ("一级分类,二级分类\n", "tree.csv 没有任何分类"),
])
def test_bad_tree_is_reported_with_the_row(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(ReferenceError, match=re.escape(message)):
        CategoryTree.from_csv(write(tmp_path / "tree.csv", content))


def test_unreadable_tree_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ReferenceError, match="无法读取"):
        CategoryTree.from_csv(write(tmp_path / "tree.csv", "一级分类\n城市管理\n", "utf-16"))
    with pytest.raises(ReferenceError, match="无法读取"):
        CategoryTree.from_csv(tmp_path / "missing.csv")


def test_bad_holiday_date_names_the_row(tmp_path: Path) -> None:
    path = write(tmp_path / "holidays.csv", "日期,类型,名称\n2026-01-01,休,元旦\n2026/01/02,休,元旦\n")
    with pytest.raises(ReferenceError, match=re.escape("holidays.csv 第3行：日期应写成 2026-01-01")):
        load_calendar(path)
