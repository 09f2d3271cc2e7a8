"""RQ job functions of the marketplace module (they only call services)."""

from sqlmodel import Session

from modules.marketplace.services import imports, sources
from orion_app.db import get_engine


def run_import(import_id: int) -> str:
    """A feed import (queue `long_running`)."""
    return imports.run_import(import_id)


def sync_feeds() -> int:
    """Every minute: start the scheduled feed imports that are due."""
    with Session(get_engine(), expire_on_commit=False) as session:
        return sources.run_due(session)


def reap_abandoned_imports() -> int:
    """Every minute: imports whose worker stopped reporting are marked abandoned."""
    with Session(get_engine(), expire_on_commit=False) as session:
        return imports.reap_abandoned(session)
