"""Reference data as the center keeps it: (kind, key, value) items, the same on the server and
in a seat's mirror (``reference_items``, filled by pull). Both turn them into ReferenceData
here, so that an admin's change (a unit, a category, a holiday) reaches every seat's rules."""

import json
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.calendar import WorkCalendar
from app.reference import CategoryTree, Hotline, ReferenceData, Unit
from app.store.models import ReferenceItem
from app.sync.protocol import ReferenceKind

Item = tuple[str, str, dict[str, Any]]


def reference_from_items(items: list[Item], fallback: ReferenceData | None = None
                         ) -> tuple[ReferenceData, dict[str, Any]]:
    """Rebuild ReferenceData (and the configuration) from items.

    With ``fallback``, a kind the items do not mention at all (a seat whose first pull has not
    reached it yet) keeps the fallback's data instead of becoming empty.
    """
    categories: list[tuple[str, str, str]] = []
    districts: dict[str, tuple[str, ...]] = {}
    units: list[Unit] = []
    hotlines: list[Hotline] = []
    holidays: list[date] = []
    makeup: list[date] = []
    config: dict[str, Any] = {}
    seen: set[str] = set()
    for kind, key, value in items:
        seen.add(kind)
        if value.get("deleted"):
            continue  # removed by an admin (the item stays so that seats pull the removal)
        if kind == ReferenceKind.CATEGORY:
            path = [*value["path"], "", ""][:3]
            categories.append((path[0], path[1], path[2]))
        elif kind == ReferenceKind.DISTRICT:
            districts[key] = tuple(value.get("streets", []))
        elif kind == ReferenceKind.UNIT:
            units.append(Unit(key, value.get("kind", ""), value.get("district", ""),
                              tuple(value.get("duties", []))))
        elif kind == ReferenceKind.HOTLINE:
            hotlines.append(Hotline(key, value.get("name", ""), value.get("kind", ""),
                                    value.get("when", ""), value.get("script", "")))
        elif kind == ReferenceKind.HOLIDAY:
            (makeup if value.get("type") == "班" else holidays).append(date.fromisoformat(key))
        elif kind == ReferenceKind.CONFIG:
            config[key] = value.get("value")

    def keep(kind: ReferenceKind) -> bool:
        return fallback is not None and kind.value not in seen

    reference = ReferenceData(
        categories=fallback.categories if fallback and keep(ReferenceKind.CATEGORY)
        else CategoryTree.from_rows(categories),
        districts=fallback.districts if fallback and keep(ReferenceKind.DISTRICT) else districts,
        units=fallback.units if fallback and keep(ReferenceKind.UNIT) else tuple(units),
        hotlines=fallback.hotlines if fallback and keep(ReferenceKind.HOTLINE) else tuple(hotlines),
        calendar=fallback.calendar if fallback and keep(ReferenceKind.HOLIDAY)
        else WorkCalendar.from_days(holidays, makeup),
    )
    return reference, config


def mirrored_reference(session: Session, fallback: ReferenceData) -> ReferenceData:
    """The seat's reference data: the center's (as last pulled), else ``fallback`` (bundled)."""
    rows = session.execute(select(ReferenceItem.kind, ReferenceItem.key, ReferenceItem.value)).all()
    if not rows:
        return fallback
    items = [(kind, key, json.loads(value)) for kind, key, value in rows if kind != ReferenceKind.USER]
    return reference_from_items(items, fallback)[0]
