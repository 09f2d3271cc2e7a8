"""`python -m orion_app validate`: checks every module against the architecture rules.

Rule codes (errors unless noted):
  ORV001 retired: a menu entry is now part of its page (`Page(menu=Menu(...))`)
  ORV002 a page's permission must be declared by some module
  ORV003 services must not import Reflex
  ORV004 a module may import another module only if it requires it, or it is core
  ORV005 a core module must never import an optional or internal module
  ORV006 every language file has the keys of en.json (and all four exist)
  ORV007 migrations are named `{module}_{NNN}_{slug}.py` and their revision id is that name
  ORV008 translation keys used by the definition exist in en.json
  ORV009 no `@rx.page` inside modules (pages are registered through the definition)
  ORV010 the framework (orion_app) imports no module by name
  ORV011 a file over 450 lines (warning)
  ORV012 every public State method declares a handler policy (guarded / public / ui_only)
  ORV013 a module reaches another module only through its `public` face, its `definition`
         or its `protocols` — never its models, services, state, pages or other internals
  ORV014 a store permission named `….view` that is not `open_when_read_only` (warning): its
         handlers count as changing data and are refused while the merchant is read-only
"""

import ast
import json
import re
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from orion_app.i18n import LANGUAGES
from orion_app.registry import ModuleRegistry, Tier

MIGRATION_NAME = re.compile(r"^(?P<module>[a-z_]+)_(?P<number>\d{3})_(?P<slug>[a-z0-9_]+)\.py$")
FRAMEWORK = Path(__file__).resolve().parent
# What a module may import of another: its public face (functions and frozen records), its
# manifest, and the Protocols it declares for others to implement (`contracts`).
PUBLIC_PARTS = ("public", "definition", "protocols")


@dataclass(frozen=True)
class Finding:
    """One rule a module breaks: an error fails `validate`, a warning is only reported."""

    rule: str
    module: str
    message: str
    severity: Literal["error", "warning"] = "error"


def _imports(path: Path) -> list[str]:
    """Every absolute import of the file; `from pkg.mod import sub` also counts as `pkg.mod.sub`."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except SyntaxError:
        return []
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            if node.module.count(".") == 1:  # `from <package>.catalog import public`
                names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def private_imports(package: str, module: str, folder: Path, modules: Container[str]) -> list[Finding]:
    """ORV013: each import, in `module`'s folder, of another installed module's internals."""
    findings = []
    for path in _python_files(folder):
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != package or len(parts) < 3 or parts[1] == module or parts[1] not in modules:
                continue
            if parts[2] not in PUBLIC_PARTS:
                findings.append(
                    Finding(
                        "ORV013",
                        module,
                        f"{path.relative_to(folder.parent)} imports {name}, which is internal to "
                        f"'{parts[1]}': use {package}.{parts[1]}.public instead",
                    )
                )
    return findings


def _python_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.py") if "__pycache__" not in p.parts]


def _check_declarations(registry: ModuleRegistry, findings: list[Finding]) -> None:
    declared = set(registry.permissions)
    for d in registry:
        for permission in sorted({p.permission for p in d.pages} - {None}):
            if permission not in declared:
                findings.append(
                    Finding("ORV002", d.code, f"permission '{permission}' is not declared by any module")
                )
        for p in d.permissions:
            if p.code.endswith(".view") and p.frontend == "store" and not p.open_when_read_only:
                message = (
                    f"permission '{p.code}' reads but is not open_when_read_only: refused while read-only"
                )
                findings.append(Finding("ORV014", d.code, message, "warning"))


def _check_imports(registry: ModuleRegistry, findings: list[Finding]) -> None:
    package = registry.package
    for d in registry:
        folder = registry.folder(d.code)
        allowed = {d.code, *registry.requirements_of(d.code)} | set(registry.core_codes)
        for path in _python_files(folder):
            relative = path.relative_to(folder.parent)
            for name in _imports(path):
                parts = name.split(".")
                in_services = path.name == "services.py" or "services" in path.relative_to(folder).parts[:-1]
                if in_services and parts[0] == "reflex":
                    findings.append(Finding("ORV003", d.code, f"{relative} imports Reflex"))
                if parts[0] != package or len(parts) < 2 or parts[1] not in registry:
                    continue
                other = registry.get(parts[1])
                if d.is_core and other.tier != Tier.CORE:
                    findings.append(
                        Finding("ORV005", d.code, f"{relative} imports {other.tier} module '{other.code}'")
                    )
                elif other.code not in allowed:
                    findings.append(
                        Finding(
                            "ORV004", d.code, f"{relative} imports '{other.code}', which it does not require"
                        )
                    )
            if "@rx.page" in path.read_text(encoding="utf-8"):
                findings.append(Finding("ORV009", d.code, f"{relative} uses @rx.page"))
            lines = path.read_text(encoding="utf-8").count("\n")
            if lines > 450:
                findings.append(Finding("ORV011", d.code, f"{relative} has {lines} lines", "warning"))
        findings.extend(private_imports(package, d.code, folder, registry))
    for path in _python_files(FRAMEWORK):
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] == package and len(parts) > 1 and parts[1] in registry:
                findings.append(Finding("ORV010", "orion_app", f"{path.name} imports module '{parts[1]}'"))


def _check_locales(registry: ModuleRegistry, findings: list[Finding]) -> None:
    for d in registry:
        folder = registry.folder(d.code) / "locales"
        files = {lang: folder / f"{lang}.json" for lang in LANGUAGES}
        missing_files = [lang for lang, f in files.items() if not f.exists()]
        if missing_files:
            findings.append(Finding("ORV006", d.code, f"locales missing: {', '.join(missing_files)}"))
            continue
        tables = {lang: json.loads(f.read_text(encoding="utf-8")) for lang, f in files.items()}
        for lang in LANGUAGES[1:]:
            missing = sorted(set(tables["en"]) - set(tables[lang]))
            if missing:
                findings.append(
                    Finding("ORV006", d.code, f"{lang}.json lacks {len(missing)} key(s), e.g. '{missing[0]}'")
                )
        used = (
            [p.title_key for p in d.pages]
            + [m.key for m in d.menus]
            + [p.label_key for p in d.permissions]
            + [f.label_key for f in d.features]
        )
        for key in used:
            if key not in tables["en"]:
                findings.append(
                    Finding(
                        "ORV008", d.code, f"key '{key}' is used by the definition but missing from en.json"
                    )
                )


def _check_migrations(registry: ModuleRegistry, findings: list[Finding]) -> None:
    for d in registry:
        folder = registry.folder(d.code) / "migrations"
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.py")):
            match = MIGRATION_NAME.match(path.name)
            if not match or match["module"] != d.code:
                findings.append(
                    Finding("ORV007", d.code, f"migration '{path.name}' is not named {d.code}_NNN_slug.py")
                )
                continue
            if f"revision = '{path.stem}'" not in path.read_text(encoding="utf-8").replace('"', "'"):
                findings.append(
                    Finding("ORV007", d.code, f"migration '{path.name}' must use revision id '{path.stem}'")
                )


def validate(registry: ModuleRegistry) -> list[Finding]:
    """Every finding for the installed modules; discovery already refused missing definitions."""
    findings: list[Finding] = []
    _check_declarations(registry, findings)
    _check_imports(registry, findings)
    _check_locales(registry, findings)
    _check_migrations(registry, findings)
    _check_handler_policies(registry, findings)
    return findings


def _check_handler_policies(registry: ModuleRegistry, findings: list[Finding]) -> None:
    """The same check start-up makes, on every module's states."""
    from orion_app.ui.guard import import_states, undeclared_handlers

    import_states(registry.package, registry.codes)
    for name in undeclared_handlers():
        module = name.split(".")[1] if name.startswith(f"{registry.package}.") else "orion_app"
        findings.append(
            Finding(
                "ORV012",
                module,
                f"{name} declares no handler policy: add @guarded(permission), @public(...) or @ui_only",
            )
        )
