"""The command line: module table, enablement column, validation and idempotent seeding."""

import subprocess
import sys

from sqlalchemy import func
from sqlmodel import select

from modules.tenancy.models import Merchant, Platform, Store, StoreUser, User
from orion_app import enablement
from orion_app.cli import main
from orion_app.db import session_scope
from tests.conftest import ROOT
from tests.integration.helpers import platform_id


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "orion_app", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_modules_prints_every_module_with_tier_and_requirements():
    result = run("modules")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["code", "tier", "requires"]
    assert any(line.split()[:3] == ["checkout", "optional", "cart,"] for line in lines)
    assert len(lines) == 2 + 18


def test_modules_for_a_platform_shows_what_is_enabled_there(demo):
    enablement.apply_change(platform_id("oms"), "analytics", False, None)
    result = run("modules", "--platform", "oms")
    rows = {line.split()[0]: line.split()[-1] for line in result.stdout.splitlines()[2:]}
    assert rows["analytics"] == "no" and rows["catalog"] == "yes" and rows["tenancy"] == "yes"
    assert rows["loyalty"] == "no"  # planned, not built
    assert run("modules", "--platform", "ghost").returncode == 1


def test_seeding_twice_changes_nothing(demo):
    def counts():
        with session_scope() as session:
            return [
                session.exec(select(func.count()).select_from(m)).one()
                for m in (Platform, User, Merchant, Store, StoreUser)
            ]

    before = counts()
    assert main(["seed-demo"]) == 0
    # atelier-lux: billing's demo merchant who signed up for Essential (owner, merchant, store)
    assert counts() == before == [3, 6, 3, 4, 1]


def test_validate_passes_on_the_installed_modules():
    result = run("validate")
    assert result.returncode == 0, result.stdout
    assert "0 error(s)" in result.stdout
