"""Model against migrations: what Alembic's autogenerate would still write for a database that
its own migrations brought to head. Empty when the models and the migrations agree."""

import re
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, Connection, MetaData


def _same_default(_context: Any, _inspected: Column[Any], _declared: Column[Any], inspected_default: str | None,
                  _metadata_default: Any, rendered_metadata_default: str | None) -> bool | None:
    """SQLite reflects DEFAULT '' as "''" where the model renders it as "''" too, yet Alembic's
    own comparison calls them different: compare the literals without quotes and casts."""
    def bare(text: str | None) -> str | None:
        return None if text is None else re.sub(r"^\(?'?|'?\)?(::[\w ]+)?$", "", text)

    return bare(inspected_default) != bare(rendered_metadata_default)


def drift(connection: Connection, metadata: MetaData, *, ignore_tables: tuple[str, ...] = ()) -> list[Any]:
    """Differences between ``metadata`` and the database (types and server defaults included)."""
    def include_name(name: str | None, type_: str, _parent: Any) -> bool:
        return not (type_ == "table" and name is not None and name.startswith(ignore_tables))

    context = MigrationContext.configure(connection, opts={
        "compare_type": True, "compare_server_default": _same_default, "include_name": include_name})
    return list(compare_metadata(context, metadata))
