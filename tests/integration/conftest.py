"""Fixtures several integration test modules share."""

import pytest

from tests.conftest import _activate, migrated_database


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def seeded(request, tmp_path_factory):
    """One database of each kind with the demo data, for the whole module (a copy of the
    template seeded once per process)."""
    yield from _activate(migrated_database(request.param, tmp_path_factory, seeded=True))
