"""`python -m orion_app new-module`: a module that is discovered, valid, listed and tested."""

import json

from orion_app.cli import main
from orion_app.registry import get_registry
from tests.conftest import ROOT
from tests.integration.module_sandbox import sandbox


def test_a_new_module_is_discovered_passes_validate_and_is_listed(tmp_path):
    box = sandbox(tmp_path, package="scratch_modules")
    created = box.run("orion_app", "new-module", "gift_cards")
    assert created.returncode == 0, created.stderr

    folder = box.modules / "gift_cards"
    for name in ("definition.py", "models.py", "services.py", "public.py", "state.py", "pages.py"):
        assert (folder / name).is_file(), name
    locales = {
        lang: json.loads((folder / "locales" / f"{lang}.json").read_text())
        for lang in ["en", "fr", "de", "lb"]
    }
    assert all(set(table) == set(locales["en"]) for table in locales.values())
    assert "gift_cards.perm.view" in locales["en"]
    assert "from scratch_modules.gift_cards.state import GiftCardsState" in (folder / "pages.py").read_text()
    assert (tmp_path / "tests" / "integration" / "test_gift_cards.py").is_file()

    validated = box.run("orion_app", "validate")
    assert validated.returncode == 0, validated.stdout
    assert "0 error(s), 0 warning(s) in 1 modules." in validated.stdout

    listed = box.run("orion_app", "modules")
    assert ["gift_cards", "optional", "-"] in [line.split() for line in listed.stdout.splitlines()]


def test_a_new_module_with_its_first_migration_passes_its_own_tests(tmp_path):
    box = sandbox(tmp_path)
    assert box.run("orion_app", "new-module", "gift_cards").returncode == 0
    assert box.run("orion_app", "db", "upgrade").returncode == 0
    revision = box.run("orion_app", "db", "revision", "gift_cards", "-m", "Create items", "--autogenerate")
    assert revision.returncode == 0, revision.stderr
    assert (box.modules / "gift_cards" / "migrations" / "gift_cards_001_create_items.py").is_file()

    validated = box.run("orion_app", "validate")
    assert f"in {len(get_registry()) + 1} modules." in validated.stdout
    assert "gift_cards" not in validated.stdout  # the installed modules' findings are their own
    assert box.run("orion_app", "db", "upgrade").returncode == 0
    tests = box.run(
        "pytest", "-p", "tests.conftest", "-p", "no:cacheprovider", "-q", "-k", "not postgresql",
        "tests/integration/test_gift_cards.py",
    )  # fmt: skip
    assert tests.returncode == 0, tests.stdout
    assert "2 passed" in tests.stdout


def test_new_module_refuses_a_taken_or_malformed_code_in_one_sentence(capsys):
    assert main(["new-module", "catalog"]) == 1
    assert capsys.readouterr().err.startswith("Module 'catalog' already exists in ")
    for bad in ("Gift-Cards", "2fa", "gift__cards", "box_01", "class"):
        assert main(["new-module", bad]) == 1
        assert "cannot be a module code" in capsys.readouterr().err
    assert not (ROOT / "modules" / "class").exists()
