"""A throwaway place to create modules in, so tests never write into `modules/`.

`sandbox(tmp_path)` makes `<tmp>/modules`, a package that also holds every installed
module (its `__path__` ends with the real `modules/` folder), and a SQLite database;
`run(...)` calls `python -m <args>` there, so new modules land in `<tmp>/modules/` and
their tests in `<tmp>/tests/integration/`. `sandbox(tmp_path, package="scratch")` makes
an empty package of that name instead, chosen with MODULES_PACKAGE.
"""

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT


@dataclass(frozen=True)
class Sandbox:
    root: Path
    package: str
    database_url: str

    @property
    def modules(self) -> Path:
        return self.root / self.package

    def run(self, *args: str) -> subprocess.CompletedProcess:
        """`python -m <args>` inside the sandbox (e.g. `run("orion_app", "validate")`)."""
        env = {
            **os.environ,
            "PYTHONPATH": f"{self.root}{os.pathsep}{ROOT}",
            "DATABASE_URL": self.database_url,
            "MODULES_PACKAGE": self.package,
        }
        return subprocess.run(
            [sys.executable, "-m", *args], cwd=self.root, env=env, capture_output=True, text=True, timeout=300
        )


def sandbox(tmp_path: Path, package: str = "modules") -> Sandbox:
    folder = tmp_path / package
    folder.mkdir()
    installed = f"__path__.append({str(ROOT / 'modules')!r})\n" if package == "modules" else ""
    (folder / "__init__.py").write_text(installed, encoding="utf-8")
    return Sandbox(tmp_path, package, f"sqlite:///{tmp_path / 'orion.db'}")
