"""Reference data (category tree, districts and streets, units, hotlines, holidays).

Everything is data in ``resources/reference`` and loaded here, in one place. An administrator
can replace the category tree with a CSV of levels (一级分类,二级分类,三级分类).
"""

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from app.domain.calendar import WorkCalendar
from app.resources import resource_path

RESOURCES_DIR = resource_path()
REFERENCE_DIR = RESOURCES_DIR / "reference"


class ReferenceError(ValueError):
    """A reference file that cannot be used; the message names the file and row."""


def _read_rows(path: Path, required: list[str]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [name for name in required if name not in (reader.fieldnames or [])]
            if missing:
                raise ReferenceError(f"{path.name} 缺少列：{'、'.join(missing)}")
            return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
    except (OSError, UnicodeDecodeError) as error:
        raise ReferenceError(f"无法读取 {path}：{error}") from error


@dataclass(frozen=True)
class CategoryTree:
    """Three levels of categories; level 2 and 3 may be empty for a headline category."""

    children: dict[str, dict[str, tuple[str, ...]]]

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str]]) -> "CategoryTree":
        tree: dict[str, dict[str, list[str]]] = {}
        for level1, level2, level3 in rows:
            if not level1:
                continue
            seconds = tree.setdefault(level1, {})
            if level2:
                thirds = seconds.setdefault(level2, [])
                if level3 and level3 not in thirds:
                    thirds.append(level3)
        return cls({k: {k2: tuple(v2) for k2, v2 in v.items()} for k, v in tree.items()})

    @classmethod
    def from_csv(cls, path: Path) -> "CategoryTree":
        rows = _read_rows(path, ["一级分类"])
        for number, row in enumerate(rows, start=2):
            if not row["一级分类"] and (row.get("二级分类") or row.get("三级分类")):
                raise ReferenceError(f"{path.name} 第{number}行：缺少一级分类")
            if row.get("三级分类") and not row.get("二级分类"):
                raise ReferenceError(f"{path.name} 第{number}行：有三级分类但缺少二级分类")
        tree = cls.from_rows(
            (r["一级分类"], r.get("二级分类", ""), r.get("三级分类", "")) for r in rows
        )
        if not tree.children:
            raise ReferenceError(f"{path.name} 没有任何分类")
        return tree

    def level1(self) -> list[str]:
        return list(self.children)

    def level2(self, level1: str) -> list[str]:
        return list(self.children.get(level1, {}))

    def level3(self, level1: str, level2: str) -> list[str]:
        return list(self.children.get(level1, {}).get(level2, ()))

    def contains(self, level1: str, level2: str = "", level3: str = "") -> bool:
        if level1 not in self.children:
            return False
        if not level2:
            return not level3
        if level2 not in self.children[level1]:
            return False
        return not level3 or level3 in self.children[level1][level2]


@dataclass(frozen=True)
class Unit:
    name: str
    kind: str
    district: str
    duties: tuple[str, ...]


@dataclass(frozen=True)
class Hotline:
    number: str
    name: str
    kind: str  # 紧急 or 部门
    when: str
    script: str


@dataclass(frozen=True)
class ReferenceData:
    categories: CategoryTree
    districts: dict[str, tuple[str, ...]]
    units: tuple[Unit, ...]
    hotlines: tuple[Hotline, ...]
    calendar: WorkCalendar = field(default_factory=WorkCalendar)

    def streets(self, district: str) -> list[str]:
        return list(self.districts.get(district, ()))

    def unit_names(self) -> list[str]:
        return [unit.name for unit in self.units]

    def hotline(self, number: str) -> Hotline | None:
        return next((h for h in self.hotlines if h.number == number), None)


def load_districts(path: Path) -> dict[str, tuple[str, ...]]:
    districts: dict[str, list[str]] = {}
    for row in _read_rows(path, ["区县", "乡镇街道"]):
        streets = districts.setdefault(row["区县"], [])
        if row["乡镇街道"] and row["乡镇街道"] not in streets:
            streets.append(row["乡镇街道"])
    return {k: tuple(v) for k, v in districts.items()}


def load_units(path: Path) -> tuple[Unit, ...]:
    return tuple(
        Unit(r["单位名称"], r.get("类型", ""), r.get("区县", ""),
             tuple(d for d in r.get("职责", "").split(";") if d))
        for r in _read_rows(path, ["单位名称"])
        if r["单位名称"]
    )


def load_hotlines(path: Path) -> tuple[Hotline, ...]:
    return tuple(
        Hotline(r["号码"], r["名称"], r.get("类别", ""), r.get("适用情形", ""), r.get("转接话术", ""))
        for r in _read_rows(path, ["号码", "名称"])
    )


def load_calendar(path: Path) -> WorkCalendar:
    holidays: list[date] = []
    makeup: list[date] = []
    for number, row in enumerate(_read_rows(path, ["日期", "类型"]), start=2):
        try:
            day = date.fromisoformat(row["日期"])
        except ValueError as error:
            raise ReferenceError(f"{path.name} 第{number}行：日期应写成 2026-01-01") from error
        (makeup if row["类型"] == "班" else holidays).append(day)
    return WorkCalendar.from_days(holidays, makeup)


def load_reference(directory: Path = REFERENCE_DIR, categories_csv: Path | None = None) -> ReferenceData:
    """Load every reference file; ``categories_csv`` replaces the default tree."""
    holidays = directory / "holidays.csv"
    return ReferenceData(
        categories=CategoryTree.from_csv(categories_csv or directory / "categories.csv"),
        districts=load_districts(directory / "districts.csv"),
        units=load_units(directory / "units.csv"),
        hotlines=load_hotlines(directory / "hotlines.csv"),
        calendar=load_calendar(holidays) if holidays.exists() else WorkCalendar(),
    )


@cache
def default_reference() -> ReferenceData:
    """The bundled reference data, loaded once per process."""
    return load_reference()
