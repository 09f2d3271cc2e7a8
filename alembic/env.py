"""Alembic environment: one history with a branch per module (see orion_app/migrations.py)."""

from sqlalchemy import pool
from sqlmodel import create_engine

from alembic import context
from orion_app.db import normalise_url
from orion_app.migrations import load_models
from orion_app.registry import get_registry
from orion_app.settings import get_settings

config = context.config
target_metadata = load_models(get_registry()).metadata
url = config.attributes.get("database_url") or normalise_url(get_settings().database_url)


def run_migrations_offline() -> None:
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True, render_as_batch=True)
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
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
