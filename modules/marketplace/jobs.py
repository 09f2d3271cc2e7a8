"""RQ job functions of the marketplace module (they only call services)."""

from sqlmodel import Session

from modules.marketplace.services import dry_runs, export, imports, photos, runner, sources
from orion_app.db import get_engine


def run_import(import_id: int) -> str:
    """A feed import (queue `long_running`)."""
    return runner.run_import(import_id)


def fetch_photos(import_id: int) -> dict[str, int]:
    """The photos of an import's feed rows, after its rows (queue `long_running`)."""
    return photos.fetch_photos(import_id)


def sync_feeds() -> int:
    """Every minute: start the scheduled feed imports that are due."""
    with Session(get_engine(), expire_on_commit=False) as session:
        return sources.run_due(session)


def reap_abandoned_imports() -> int:
    """Every minute: imports whose worker stopped reporting are marked abandoned, exports
    still running past their time limit failed, and dry runs' files past their keep time removed."""
    with Session(get_engine(), expire_on_commit=False) as session:
        return (
            imports.reap_abandoned(session)
            + export.reap_abandoned_exports(session)
            + dry_runs.expire_dry_run_files(session)
        )


def write_export(export_id: int, platform_id: int) -> str:
    """A Letzshop feed written to the store's export folder (queue `long_running`)."""
    return export.write_export(export_id, platform_id)
