"""The models and the migrations agree: autogenerate finds nothing to do."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from orion_app.db import engine_for
from orion_app.migrations import load_models
from orion_app.registry import get_registry


def test_autogenerate_finds_no_difference_between_models_and_migrations(database):
    metadata = load_models(get_registry()).metadata
    with engine_for(database).connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_every_module_migration_is_on_its_own_branch_named_after_the_module(database):
    from alembic.script import ScriptDirectory

    from orion_app.migrations import alembic_config

    scripts = ScriptDirectory.from_config(alembic_config(database))
    for revision in scripts.walk_revisions():
        module = revision.revision.split("_0")[0]
        assert module in get_registry()
        if revision.down_revision is None:
            assert revision.branch_labels == {module}
