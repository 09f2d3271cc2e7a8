"""`python -m orion_app new-module <code>`: a new module folder that passes `validate`.

The files come from `orion_app/scaffold_templates/` (`$code`, `$camel`, `$title`, `$path`,
`$package` are filled in): a store page behind one permission, one table with a
`store_id`, services, a public face, the four language files, and a test beside the
project's others (`tests/integration/test_<code>.py`).
"""

import importlib
import keyword
import re
from pathlib import Path
from string import Template

from orion_app.settings import get_settings

TEMPLATES = Path(__file__).resolve().parent / "scaffold_templates"
# Each part after an underscore starts with a letter, so `<code>_0NN` stays a migration prefix.
MODULE_CODE = re.compile(r"^[a-z][a-z0-9]*(_[a-z][a-z0-9]*)*$")


class ScaffoldError(Exception):
    """The module cannot be created as asked; the message says why."""


def _package_folders(package: str) -> list[Path]:
    return [Path(p) for p in importlib.import_module(package).__path__]


def _test_file(package: str, code: str) -> Path:
    return _package_folders(package)[0].parent / "tests" / "integration" / f"test_{code}.py"


def check_code(code: str, package: str) -> None:
    """Refuse, in one sentence, a code that is malformed or already taken."""
    if not MODULE_CODE.match(code) or len(code) > 30 or keyword.iskeyword(code):
        raise ScaffoldError(
            f"'{code}' cannot be a module code: use lower-case letters and digits, "
            "words joined by single underscores, starting with a letter (e.g. gift_cards)."
        )
    for folder in _package_folders(package):
        if (folder / code).exists():
            raise ScaffoldError(f"Module '{code}' already exists in {folder / code}; choose another code.")
    if _test_file(package, code).exists():
        raise ScaffoldError(f"{_test_file(package, code)} already exists; choose another code.")


def new_module(code: str, package: str | None = None) -> Path:
    """Create `<package>/<code>/` and its test; return the module's folder."""
    package = package or get_settings().modules_package
    check_code(code, package)
    root = _package_folders(package)[0]
    values = {
        "code": code,
        "camel": "".join(word.capitalize() for word in code.split("_")),
        "title": code.replace("_", " ").capitalize(),
        "path": code.replace("_", "-"),
        "package": package,
    }
    targets = {
        root / code / template.relative_to(TEMPLATES / "module").with_suffix(""): template
        for template in sorted((TEMPLATES / "module").rglob("*.tmpl"))
    }
    targets[_test_file(package, code)] = TEMPLATES / "test_module.py.tmpl"
    for target, template in targets.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(Template(template.read_text(encoding="utf-8")).substitute(values), encoding="utf-8")
    return root / code
