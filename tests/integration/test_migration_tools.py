"""`db downgrade/current/history/revision` and the plain `alembic` command, on every branch."""

import os
import subprocess
import sys

import sqlalchemy

from orion_app.cli import main
from orion_app.db import engine_for
from orion_app.migrations import downgrade, load_models, upgrade
from orion_app.registry import get_registry
from tests.conftest import ROOT
from tests.integration.module_sandbox import sandbox

# Catalog's search index on SQLite: an FTS5 table and its shadow tables (catalog_003).
SQLITE_SEARCH_TABLES = {f"product_search{s}" for s in ("", "_data", "_idx", "_docsize", "_config")}


def tables(url: str) -> set[str]:
    engine = engine_for(url)
    engine.dispose()  # no pooled connection remembers the old schema
    return set(sqlalchemy.inspect(engine).get_table_names())


def test_every_branch_downgrades_to_nothing_and_upgrades_again(database):
    every_table = set(load_models(get_registry()).metadata.tables) | {"alembic_version"}
    if database.startswith("sqlite"):
        every_table |= SQLITE_SEARCH_TABLES
    assert tables(database) == every_table

    downgrade("base", database)
    assert tables(database) == {"alembic_version"}

    upgrade(database)
    assert tables(database) == every_table


def test_one_module_steps_back_and_current_and_history_show_where_the_database_is(sqlite_database, capsys):
    assert main(["db", "downgrade", "catalog@-1"]) == 0
    assert main(["db", "current"]) == 0
    current = capsys.readouterr().out
    assert "catalog_003_search_index" in current and "catalog_004_variants" not in current
    assert "inventory_001_stock" in current  # inventory_002 depends on catalog_004: it stepped back too
    assert "tenancy_003_user_tokens" in current

    assert main(["db", "history"]) == 0
    history = capsys.readouterr().out.splitlines()
    assert any("-> catalog_003_search_index" in line and "(current)" in line for line in history)
    assert any("-> catalog_004_variants" in line and "(current)" not in line for line in history)

    assert main(["db", "upgrade"]) == 0
    assert main(["db", "current"]) == 0
    assert "inventory_002_variants (head)" in capsys.readouterr().out  # catalog_004 below it


def test_the_plain_alembic_command_finds_every_module_branch(sqlite_database):
    def alembic(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "alembic", "-c", "alembic.ini", *args],
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": sqlite_database},
            capture_output=True,
            text=True,
            timeout=120,
        )

    downgraded = alembic("downgrade", "base")
    assert downgraded.returncode == 0, downgraded.stderr
    assert tables(sqlite_database) == {"alembic_version"}

    upgraded = alembic("upgrade", "heads")
    assert upgraded.returncode == 0, upgraded.stderr
    assert {"store", "product", "stock_level", "marketplace_export"} <= tables(sqlite_database)
    assert "marketplace_001_feeds" in alembic("history").stdout


def test_db_revision_writes_numbered_migrations_on_the_module_branch_with_its_own_tables_only(tmp_path):
    box = sandbox(tmp_path)
    assert box.run("orion_app", "new-module", "gift_cards").returncode == 0
    assert box.run("orion_app", "db", "upgrade").returncode == 0
    first = box.run("orion_app", "db", "revision", "gift_cards", "-m", "Create items!", "--autogenerate")
    assert first.returncode == 0, first.stderr
    migrations = box.modules / "gift_cards" / "migrations"
    text = (migrations / "gift_cards_001_create_items.py").read_text()
    assert 'revision = "gift_cards_001_create_items"' in text
    assert "down_revision = None" in text and 'branch_labels = ("gift_cards",)' in text
    depends_on = text[text.index("depends_on = ") :].split("\n\n", 1)[0]
    # After the core branches' heads it may reference (the upgrade below creates its table,
    # whose store_id refers to tenancy's), each named once: not those another listed one
    # already builds on, which Alembic's upgrade refuses.
    assert depends_on.startswith("depends_on = [") or depends_on.startswith("depends_on = (")
    assert text.count("op.create_table(") == 1 and '"gift_cards_item"' in text

    assert box.run("orion_app", "db", "upgrade").returncode == 0
    second = box.run("orion_app", "db", "revision", "gift_cards", "-m", "add a note")
    assert second.returncode == 0, second.stderr
    text = (migrations / "gift_cards_002_add_a_note.py").read_text()
    assert 'down_revision = "gift_cards_001_create_items"' in text and "branch_labels = None" in text

    assert box.run("orion_app", "db", "upgrade").returncode == 0
    assert box.run("orion_app", "db", "downgrade", "base").returncode == 0
    assert tables(box.database_url) == {"alembic_version"}


def test_db_revision_refuses_unknown_modules_and_autogenerate_without_tables(capsys):
    assert main(["db", "revision", "ghost", "-m", "anything"]) == 1
    assert "There is no module 'ghost'." in capsys.readouterr().err
    assert main(["db", "revision", "core", "-m", "pages", "--autogenerate"]) == 1
    assert "declares no tables in models.py" in capsys.readouterr().err
    assert main(["db", "revision", "catalog", "-m", "!!!"]) == 1
    assert "letters or digits" in capsys.readouterr().err
    assert not (ROOT / "modules" / "core" / "migrations").exists()
