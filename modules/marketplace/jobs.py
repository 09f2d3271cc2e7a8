"""RQ job functions of the marketplace module (they only call services)."""

from sqlmodel import Session

from modules.marketplace.services import export, imports, runner, sources
from orion_app.db import get_engine


def run_import(import_id: int) -> str:
    """A feed import (queue `long_running`)."""
    return runner.run_import(import_id)


def sync_feeds() -> int:
    """Every minute: start the scheduled feed imports that are due."""
    with Session(get_engine(), expire_on_commit=False) as session:
        return sources.run_due(session)


def reap_abandoned_imports() -> int:
    """Every minute: imports whose worker stopped reporting are marked abandoned (and
    exports still running past their time limit failed)."""
    with Session(get_engine(), expire_on_commit=False) as session:
        return imports.reap_abandoned(session) + export.reap_abandoned_exports(session)


def write_export(export_id: int, platform_id: int) -> str:
    """A Letzshop feed written to the store's export folder (queue `long_running`)."""
    return export.write_export(export_id, platform_id)
