"""Alembic wiring: every module's `migrations/` folder is one branch of one history."""

import importlib
import re
import sys
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

from alembic import command
from orion_app.db import normalise_url
from orion_app.registry import ModuleRegistry, get_registry
from orion_app.settings import get_settings

ROOT = Path(__file__).resolve().parent.parent
# `config.attributes` key: the tables autogenerate may touch (alembic/env.py filters on it).
MODULE_TABLES = "orion_module_tables"


class MigrationError(Exception):
    """A migration command cannot run as asked; the message says what to do instead."""


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


def module_tables(registry: ModuleRegistry, code: str) -> set[str]:
    """Names of the tables declared by classes written inside module `code`."""
    load_models(registry)
    prefix = f"{registry.package}.{code}."
    return {
        mapper.local_table.name
        for mapper in SQLModel._sa_registry.mappers
        if mapper.class_.__module__.startswith(prefix)
    }


def alembic_config(database_url: str | None = None) -> Config:
    config = Config(str(ROOT / "alembic.ini"), stdout=sys.stdout)  # alembic defaults to the one at import
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


def downgrade(target: str, database_url: str | None = None) -> None:
    """Step back to `target`: `base`, a revision id, `<module>@-1`, or `-1`."""
    command.downgrade(alembic_config(database_url), target)


def current(database_url: str | None = None) -> None:
    """Print the revision the database is at, one line per module branch."""
    command.current(alembic_config(database_url))


def history(database_url: str | None = None, verbose: bool = False) -> None:
    """Print every revision of every branch, newest first, marking the database's current ones."""
    command.history(alembic_config(database_url), verbose=verbose, indicate_current=True)


def slug(message: str) -> str:
    """`"Add gift card expiry!"` -> `add_gift_card_expiry` (at most 40 characters, whole words)."""
    words = re.findall(r"[a-z0-9]+", message.lower())
    text = ""
    for word in words:
        candidate = f"{text}_{word}" if text else word
        if len(candidate) > 40:
            break
        text = candidate
    return text or "_".join(words)[:40]


def revision(code: str, message: str, autogenerate: bool = False, database_url: str | None = None) -> Path:
    """Write the next migration of module `code` (`<code>_NNN_<slug>.py`) and return its path.

    The first one starts the module's branch (labelled `code`) and depends on the heads of
    the branches it may reference: core modules and the modules it requires. With
    `autogenerate`, only the module's own tables are compared with the database.
    """
    registry = get_registry()
    definition = registry.get(code)
    name = slug(message)
    if not name:
        raise MigrationError('Give the migration a message with letters or digits: -m "add expiry date".')
    tables = module_tables(registry, code) if autogenerate else set()
    if autogenerate and not tables:
        raise MigrationError(
            f"Module '{code}' declares no tables in models.py; write them first or leave out --autogenerate."
        )
    folder = registry.folder(code) / "migrations"
    numbered = re.compile(rf"^{code}_(\d{{3}})_[a-z0-9_]+\.py$")  # ORV007's names, of this module
    numbers = [int(m[1]) for p in folder.glob("*.py") if (m := numbered.match(p.name))]
    rev_id = f"{code}_{max(numbers, default=0) + 1:03d}_{name}"
    folder.mkdir(exist_ok=True)  # before the config, which lists existing folders only
    config = alembic_config(database_url)
    if autogenerate:
        config.attributes[MODULE_TABLES] = tables
    options: dict = {"head": f"{code}@head"}
    if not numbers:
        scripts = ScriptDirectory.from_config(config)
        others = [*registry.core_codes, *definition.requires]
        heads = {
            scripts.get_revision(f"{other}@head").revision
            for other in others
            if other != code and (registry.folder(other) / "migrations").is_dir()
        }
        # Only the heads no other listed head already depends on: Alembic's upgrade fails
        # (KeyError in its heads bookkeeping) on a dependency that is also another's ancestor.
        depends_on = sorted(heads - _ancestors(scripts, heads))
        options = {"head": "base", "branch_label": code, "depends_on": depends_on or None}
    command.revision(
        config, message=message, autogenerate=autogenerate, rev_id=rev_id, version_path=str(folder), **options
    )
    path = folder / f"{rev_id}.py"
    # Alembic writes a single dependency as a string; the branches' first revisions use a tuple.
    text = re.sub(r'^depends_on = (".+")$', r"depends_on = (\1,)", path.read_text("utf-8"), flags=re.M)
    path.write_text(text, encoding="utf-8")
    return path


def _ancestors(scripts: ScriptDirectory, revisions: set[str]) -> set[str]:
    """Every revision that one of `revisions` builds on (down revisions and dependencies)."""
    found: set[str] = set()
    for revision in revisions:
        for script in scripts.revision_map._get_ancestor_nodes([scripts.get_revision(revision)]):
            if script.revision != revision:
                found.add(script.revision)
    return found
