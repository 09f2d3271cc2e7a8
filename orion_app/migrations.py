"""Alembic wiring: every module's `migrations/` folder is one branch of one history."""

import importlib
from pathlib import Path

from alembic.config import Config
from sqlmodel import SQLModel

from alembic import command
from orion_app.db import normalise_url
from orion_app.registry import ModuleRegistry, get_registry
from orion_app.settings import get_settings

ROOT = Path(__file__).resolve().parent.parent


def migration_folders(registry: ModuleRegistry) -> list[Path]:
    folders = [registry.folder(d.code) / "migrations" for d in registry]
    return [f for f in folders if f.is_dir()]


def load_models(registry: ModuleRegistry) -> type[SQLModel]:
    """Import every module's `models` so SQLModel.metadata holds all tables."""
    for definition in registry:
        try:
            importlib.import_module(f"{registry.package}.{definition.code}.models")
        except ModuleNotFoundError as exc:
            if not exc.name.endswith(".models"):
                raise
    return SQLModel


def alembic_config(database_url: str | None = None) -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "alembic"))
    config.set_main_option(
        "version_locations",
        " ".join(str(f) for f in migration_folders(get_registry())),
    )
    config.set_main_option("path_separator", "space")
    config.attributes["database_url"] = normalise_url(database_url or get_settings().database_url)
    return config


def upgrade(database_url: str | None = None) -> None:
    """Bring the database to the newest revision of every module's branch."""
    command.upgrade(alembic_config(database_url), "heads")
