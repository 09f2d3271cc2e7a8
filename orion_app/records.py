"""Frozen records filled from rows: what a public face or a port hands out instead of a table row."""

from dataclasses import fields
from typing import TypeVar

Record = TypeVar("Record")


def record_from(record_type: type[Record], row: object, **given: object) -> Record:
    """A `record_type` whose fields are the `given` values, or else `row`'s attributes of the same name."""
    return record_type(
        **{f.name: given[f.name] if f.name in given else getattr(row, f.name) for f in fields(record_type)}
    )
