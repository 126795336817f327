"""Reference data on the server: seeded from resources/reference, served through the change feed,
and turned back into app.reference.ReferenceData so that validation is the client's own code."""

import json
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.calendar import DEFAULT_DEADLINE_DAYS
from app.domain.enums import RequestType
from app.domain.rules import unknown_units_message
from app.reference import (
    CategoryTree,
    ReferenceData,
    ReferenceError,
    load_calendar,
    load_districts,
    load_hotlines,
    load_units,
)
from app.sync.protocol import ReferenceKind
from app.sync.reference_mirror import reference_from_items
from server.reference.models import ReferenceItem


def _items_from_dir(directory: Path) -> list[tuple[str, str, dict[str, Any]]]:
    items: list[tuple[str, str, dict[str, Any]]] = []
    categories = directory / "categories.csv"
    if categories.exists():
        tree = CategoryTree.from_csv(categories)
        for level1, seconds in tree.children.items():
            items.append((ReferenceKind.CATEGORY, level1, {"path": [level1]}))
            for level2, thirds in seconds.items():
                items.append((ReferenceKind.CATEGORY, f"{level1}/{level2}", {"path": [level1, level2]}))
                for level3 in thirds:
                    items.append((ReferenceKind.CATEGORY, f"{level1}/{level2}/{level3}",
                                  {"path": [level1, level2, level3]}))
    if (directory / "districts.csv").exists():
        for district, streets in load_districts(directory / "districts.csv").items():
            items.append((ReferenceKind.DISTRICT, district, {"streets": list(streets)}))
    if (directory / "units.csv").exists():
        for unit in load_units(directory / "units.csv"):
            items.append((ReferenceKind.UNIT, unit.name, {
                "kind": unit.kind, "district": unit.district, "duties": list(unit.duties)}))
    if (directory / "hotlines.csv").exists():
        for hotline in load_hotlines(directory / "hotlines.csv"):
            items.append((ReferenceKind.HOTLINE, hotline.number, {
                "name": hotline.name, "kind": hotline.kind, "when": hotline.when,
                "script": hotline.script}))
    if (directory / "holidays.csv").exists():
        calendar = load_calendar(directory / "holidays.csv")
        for day in sorted(calendar.holidays):
            items.append((ReferenceKind.HOLIDAY, day.isoformat(), {"type": "休"}))
        for day in sorted(calendar.makeup_workdays):
            items.append((ReferenceKind.HOLIDAY, day.isoformat(), {"type": "班"}))
    return items


def seed_reference(session: Session, directory: Path, allocate: Any) -> int:
    """Import the reference files once, into an empty table. Returns the number of items."""
    if session.scalar(select(func.count()).select_from(ReferenceItem).where(
            ReferenceItem.kind != ReferenceKind.USER.value)):
        return 0
    try:
        items = _items_from_dir(directory)
    except ReferenceError:
        raise
    items.append((ReferenceKind.CONFIG, "deadline_days",
                  {"value": {k.value: v for k, v in DEFAULT_DEADLINE_DAYS.items()}}))
    if not items:
        return 0
    seqs = allocate(session, len(items))
    session.add_all(ReferenceItem(kind=str(kind), key=key, value=json.dumps(value, ensure_ascii=False),
                                  change_seq=seq) for (kind, key, value), seq in zip(items, seqs, strict=True))
    return len(items)


def put_item(session: Session, kind: ReferenceKind, key: str, value: dict[str, Any], allocate: Any) -> None:
    """Insert or replace one item; it gets a fresh change number so seats pull it."""
    item = session.scalar(select(ReferenceItem).where(
        ReferenceItem.kind == kind.value, ReferenceItem.key == key))
    (seq,) = allocate(session, 1)
    encoded = json.dumps(value, ensure_ascii=False)
    if item is None:
        session.add(ReferenceItem(kind=kind.value, key=key, value=encoded, change_seq=seq))
    else:
        item.value, item.change_seq = encoded, seq


def unit_problem(session: Session, unit: str) -> str:
    """Why ``unit`` cannot be an account's unit ("" when it is in the center's directory): an
    account bound to a name the directory does not have (市城管局) never receives a ticket."""
    if not unit.strip():
        return "承办单位账号必须指定所属单位。"
    known = set(session.scalars(select(ReferenceItem.key).where(
        ReferenceItem.kind == ReferenceKind.UNIT.value)))
    return "" if unit in known else unknown_units_message([unit], known)


_cache_lock = threading.Lock()
_cache: dict[str, tuple[int, ReferenceData, dict[str, Any]]] = {}


def current_reference(session: Session, cache_key: str) -> tuple[ReferenceData, dict[str, Any]]:
    """ReferenceData as stored now; rebuilt only when an item changed (checked per call, so
    several server processes stay in step without sharing memory)."""
    stamp = session.scalar(select(func.coalesce(func.max(ReferenceItem.change_seq), 0))) or 0
    with _cache_lock:
        cached = _cache.get(cache_key)
        if cached and cached[0] == stamp:
            return cached[1], cached[2]
    rows = session.execute(select(ReferenceItem.kind, ReferenceItem.key, ReferenceItem.value)).all()
    reference, config = reference_from_items([(k, key, json.loads(v)) for k, key, v in rows])
    with _cache_lock:
        _cache[cache_key] = (int(stamp), reference, config)
    return reference, config


def deadline_days(config: dict[str, Any]) -> dict[RequestType, int]:
    stored = config.get("deadline_days") or {}
    merged = {k.value: v for k, v in DEFAULT_DEADLINE_DAYS.items()} | dict(stored)
    return {RequestType(k): int(v) for k, v in merged.items() if k in RequestType._value2member_map_}
