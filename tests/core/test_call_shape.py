"""A call's record has one shape (app.call_shape): the seat's store and the center keep the same
shared columns, the wire form carries every one of them and the push schema takes exactly it;
a shared column changed without its migrations is caught on both sides."""

from pathlib import Path
from typing import Any, cast

from sqlalchemy import MetaData, String, Table

from app.call_shape import CALL_TEXT_LENGTHS, CallColumns
from app.store.models import Base as SeatBase
from app.store.models import Call
from app.store.unlock import open_store
from app.telephony.calls import call_wire, record_step
from app.telephony.model import CallState
from app.tickets.service import utc_now
from server.calls.models import CallRecord
from server.db import open_database, upgrade
from server.models import Base as CenterBase
from server.sync.wire import CallPayload
from tests.migration_drift import drift

SHARED = {name for name in vars(CallColumns) if not name.startswith("_")} - {"metadata"}


def _columns(model: type[Any]) -> dict[str, Any]:
    return {c.name: c for c in cast(Table, model.__table__).columns}


def test_both_sides_keep_the_shared_columns_alike() -> None:
    seat, center = _columns(Call), _columns(CallRecord)
    assert set(seat) - SHARED == {"call_id"}
    assert set(center) - SHARED == {"call_id", "username", "steps", "received_at"}
    for name in SHARED:
        assert (repr(seat[name].type), seat[name].nullable, seat[name].unique) == (
            repr(center[name].type), center[name].nullable, center[name].unique), name
    assert CALL_TEXT_LENGTHS["caller_number"] == 32 and "state" not in CALL_TEXT_LENGTHS


def test_the_wire_carries_every_shared_column_and_the_push_schema_takes_exactly_it(tmp_path: Path) -> None:
    with open_store(tmp_path) as store, store.session() as session, session.begin():
        call = record_step(session, call_id="sip-1", state=CallState.RINGING, at=utc_now(), caller="13912345678",
                           line="12345", seat="S01", extension="8001", agent="李娜")
        wire = call_wire(call)
    assert set(wire) == (SHARED - {"id"}) | {"call_id", "steps", "tickets"}
    assert set(CallPayload.model_fields) == set(wire)
    CallPayload.model_validate(wire)


def test_a_shared_column_changed_without_its_migrations_is_caught_on_both_sides(tmp_path: Path) -> None:
    def changed(base_metadata: MetaData, table: str) -> MetaData:
        copy = MetaData()
        for each in base_metadata.tables.values():
            each.to_metadata(copy)
        copy.tables[table].c.caller_number.type = String(40)
        return copy

    with open_store(tmp_path / "seat") as store, store.engine.connect() as connection:
        assert drift(connection, SeatBase.metadata, ignore_tables=("ticket_search",)) == []
        found = drift(connection, changed(SeatBase.metadata, "calls"), ignore_tables=("ticket_search",))
    assert [d[0][0] for d in found] == ["modify_type"]
    database = open_database(f"sqlite:///{tmp_path / 'center.db'}")
    try:
        upgrade(database)
        with database.write_engine.connect() as connection:
            assert drift(connection, CenterBase.metadata) == []
            found = drift(connection, changed(CenterBase.metadata, "call_records"))
    finally:
        database.dispose()
    assert [d[0][0] for d in found] == ["modify_type"]
