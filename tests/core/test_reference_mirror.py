"""The center's reference data in a seat's mirror becomes the seat's rules."""

import json
from pathlib import Path

from app.reference import default_reference
from app.seat import open_seat
from app.store.models import ReferenceItem
from app.sync.reference_mirror import reference_from_items


def test_a_kind_the_center_has_not_sent_keeps_the_bundled_data() -> None:
    bundled = default_reference()
    reference, _ = reference_from_items(
        [("unit", "市数据局", {"kind": "市直", "duties": ["数据"]})], bundled)
    assert reference.unit_names() == ["市数据局"]  # the center's list replaces the bundled one
    assert reference.categories is bundled.categories and reference.districts is bundled.districts


def test_a_deleted_item_is_gone_and_a_new_one_is_valid(tmp_path: Path) -> None:
    seat = open_seat(tmp_path)
    with seat.store.session() as session, session.begin():
        session.add_all([
            ReferenceItem(kind="unit", key="市数据局", value=json.dumps({"kind": "市直"})),
            ReferenceItem(kind="unit", key="市水务局", value=json.dumps({"deleted": True})),
            ReferenceItem(kind="user", key="someone", value=json.dumps({"role": "agent"})),
        ])
    seat.close()
    reopened = open_seat(tmp_path)
    try:
        assert reopened.context.reference.unit_names() == ["市数据局"]
        assert reopened.context.reference.categories.level1()  # bundled tree still there
    finally:
        reopened.close()
