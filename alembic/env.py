"""Alembic environment: one history with a branch per module (see orion_app/migrations.py).

`python -m orion_app db …` passes the module folders and the database URL in the config.
The plain `alembic` CLI reads alembic.ini, which cannot list modules, so the branches
are taken from the module registry here, before the first revision is read.
"""

from alembic.script.revision import RevisionMap
from sqlalchemy import pool
from sqlmodel import create_engine

from alembic import context
from orion_app.db import normalise_url
from orion_app.migrations import MODULE_TABLES, load_models, migration_folders
from orion_app.registry import get_registry
from orion_app.settings import get_settings

config = context.config
target_metadata = load_models(get_registry()).metadata
url = config.attributes.get("database_url") or normalise_url(get_settings().database_url)
# Set by `db revision <module> --autogenerate`: compare only that module's tables.
only_tables: set[str] | None = config.attributes.get(MODULE_TABLES)


def use_module_branches(script) -> None:
    """Point the script directory at every module's `migrations/` folder."""
    folders = [str(f) for f in migration_folders(get_registry())]
    if script.version_locations != folders:
        script.version_locations = folders
        # Nothing has read a revision yet; drop what alembic derived from the old list.
        script.__dict__.pop("_version_locations", None)
        script.revision_map = RevisionMap(script._load_revisions)


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    if only_tables is None:
        return True
    table = obj if type_ == "table" else getattr(obj, "table", None)
    return table is not None and table.name in only_tables


def run_migrations_offline() -> None:
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            include_object=include_object,
        )
        with context.begin_transaction():
            context.run_migrations()


use_module_branches(context.script)
if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
