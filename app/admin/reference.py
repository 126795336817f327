"""The reference data the center last sent this seat (units, categories, holidays), for the
admin's lists. The center has no list endpoint for them: they travel in the change feed and the
sync engine keeps them in ``reference_items``. An admin's change is applied here as soon as the
center confirms it (``remember``); the next pull brings the same value.

The caller owns the session and its transaction.
"""

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.admin.client import ReferenceChange
from app.store.models import ReferenceItem


@dataclass(frozen=True)
class UnitRow:
    name: str
    kind: str
    district: str
    duties: tuple[str, ...]


@dataclass(frozen=True)
class HolidayRow:
    day: date
    type: str  # 休: a day off; 班: a make-up working day
    name: str


def _items(session: Session, kind: str) -> list[tuple[str, dict[str, Any]]]:
    rows = session.execute(select(ReferenceItem.key, ReferenceItem.value)
                           .where(ReferenceItem.kind == kind).order_by(ReferenceItem.key))
    items = []
    for key, raw in rows:
        value = json.loads(raw)
        if isinstance(value, dict) and not value.get("deleted"):
            items.append((key, value))
    return items


def units(session: Session) -> list[UnitRow]:
    return [UnitRow(key, str(v.get("kind", "")), str(v.get("district", "")),
                    tuple(str(d) for d in v.get("duties", []) or []))
            for key, v in _items(session, "unit")]


def categories(session: Session) -> list[tuple[str, ...]]:
    """Every category path (a parent is listed on its own too), in catalogue order."""
    return sorted(tuple(str(p) for p in v.get("path", []) or []) or tuple(key.split("/"))
                  for key, v in _items(session, "category"))


def holidays(session: Session) -> list[HolidayRow]:
    found = []
    for key, value in _items(session, "holiday"):
        try:
            day = date.fromisoformat(key)
        except ValueError:
            continue
        found.append(HolidayRow(day, str(value.get("type", "休")), str(value.get("name", ""))))
    return found


def remember(session: Session, changes: list[ReferenceChange]) -> None:
    """Apply what the center confirmed to this seat's copy."""
    for change in changes:
        value = json.dumps(change.value, ensure_ascii=False)
        item = session.get(ReferenceItem, (change.kind, change.key))
        if item is None:
            session.add(ReferenceItem(kind=change.kind, key=change.key, value=value))
        else:
            item.value = value


def removed_category(session: Session, path: tuple[str, ...]) -> list[ReferenceChange]:
    """The removals the center made for ``path`` and everything under it."""
    prefix = "/".join(path)
    keys = [key for key, _ in _items(session, "category") if key == prefix or key.startswith(prefix + "/")]
    return [ReferenceChange("category", key, {"deleted": True}) for key in keys]
