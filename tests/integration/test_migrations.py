"""The models and the migrations agree: autogenerate finds nothing to do."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from orion_app.db import engine_for
from orion_app.migrations import load_models
from orion_app.registry import get_registry


def test_autogenerate_finds_no_difference_between_models_and_migrations(database):
    metadata = load_models(get_registry()).metadata
    with engine_for(database).connect() as connection:
        virtual = _virtual_tables(connection)

        def modelled(obj, name, type_, reflected, compare_to) -> bool:
            # Search indexes that models cannot declare live in migrations only: SQLite's FTS5
            # tables with their shadow tables, PostgreSQL's GIN (trigram) indexes.
            if type_ == "table" and reflected and compare_to is None:
                return not any(name == v or name.startswith(f"{v}_") for v in virtual)
            if type_ == "index" and reflected and compare_to is None:
                return obj.dialect_options["postgresql"].get("using") != "gin"
            return True

        options = {"compare_type": True, "include_object": modelled}
        context = MigrationContext.configure(connection, opts=options)
        diff = compare_metadata(context, metadata)
    assert diff == []


def _virtual_tables(connection) -> list[str]:
    if connection.dialect.name != "sqlite":
        return []
    rows = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
    return [name for (name,) in rows]


def test_every_module_migration_is_on_its_own_branch_named_after_the_module(database):
    from alembic.script import ScriptDirectory

    from orion_app.migrations import alembic_config

    scripts = ScriptDirectory.from_config(alembic_config(database))
    for revision in scripts.walk_revisions():
        module = revision.revision.split("_0")[0]
        assert module in get_registry()
        if revision.down_revision is None:
            assert revision.branch_labels == {module}
