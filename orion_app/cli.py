"""`python -m orion_app …`: modules, validate, db, new-module, seed-demo, worker, scheduler."""

import argparse
import logging
import sys

from orion_app.registry import ModuleRegistryError, ModuleRuleError, get_registry, import_string


def _table(rows: list[list[str]], headers: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()  # noqa: E731
    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, rows)])


def cmd_modules(args: argparse.Namespace) -> int:
    registry = get_registry()
    headers = ["code", "tier", "requires"]
    enabled: set[str] | None = None
    if args.platform:
        from orion_app.access import directory
        from orion_app.enablement import enabled_modules

        platform = directory(registry).platform_by_code(args.platform)
        if platform is None:
            print(f"There is no platform '{args.platform}'.", file=sys.stderr)
            return 1
        enabled = enabled_modules(platform.id, registry)
        headers.append(f"enabled on {args.platform}")
    rows = []
    for d in sorted(registry, key=lambda d: (["core", "optional", "internal"].index(d.tier), d.code)):
        row = [d.code, d.tier.value, ", ".join(d.requires) or "-"]
        if enabled is not None:
            row.append("yes" if d.code in enabled else "no")
        rows.append(row)
    print(_table(rows, headers))
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    from alembic.util import CommandError

    from orion_app import migrations

    try:
        if args.action == "upgrade":
            migrations.upgrade()
            print("Database is at the newest revision of every module.")
        elif args.action == "downgrade":
            migrations.downgrade(args.target)
            print(f"Database is back at '{args.target}'.")
        elif args.action == "current":
            migrations.current()
        elif args.action == "history":
            migrations.history(verbose=args.verbose)
        else:
            path = migrations.revision(args.module, args.message, autogenerate=args.autogenerate)
            print(f"Wrote {path}")
    except (migrations.MigrationError, ModuleRuleError, CommandError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def cmd_new_module(args: argparse.Namespace) -> int:
    from orion_app.scaffold import ScaffoldError, new_module

    try:
        folder = new_module(args.code)
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    print(
        f"Created {folder} and its test. Next, give its table a migration and check it:\n"
        "  python -m orion_app db upgrade\n"
        f'  python -m orion_app db revision {args.code} -m "create items" --autogenerate\n'
        "  python -m orion_app validate"
    )
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    from orion_app.db import session_scope

    # Core modules (tenants, users) first; then the others in dependency order.
    for definition in sorted(get_registry(), key=lambda d: not d.is_core):
        if definition.seed_demo:
            with session_scope() as session:
                for line in import_string(definition.seed_demo)(session) or []:
                    print(line)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from orion_app.validator import validate

    findings = validate(get_registry())
    for finding in findings:
        print(f"{finding.severity.upper():7} {finding.rule} {finding.module}: {finding.message}")
    errors = [f for f in findings if f.severity == "error"]
    print(
        f"{len(errors)} error(s), {len(findings) - len(errors)} warning(s) in {len(get_registry())} modules."
    )
    return 1 if errors else 0


def cmd_worker(args: argparse.Namespace) -> int:
    from orion_app.jobs import run_worker

    run_worker(burst=args.burst, queues=args.queues.split(",") if args.queues else None)
    return 0


def cmd_scheduler(args: argparse.Namespace) -> int:
    from orion_app.jobs import build_scheduler

    build_scheduler().start()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m orion_app", description="Orion command line")
    sub = parser.add_subparsers(dest="command", required=True)
    modules = sub.add_parser("modules", help="list discovered modules")
    modules.add_argument("--platform", help="also show whether each module is enabled there")
    modules.set_defaults(run=cmd_modules)
    db_parser = sub.add_parser("db", help="database migrations (one alembic branch per module)")
    db_parser.set_defaults(run=cmd_db)
    db = db_parser.add_subparsers(dest="action", required=True)
    db.add_parser("upgrade", help="migrate every module's branch to its newest revision")
    downgrade = db.add_parser("downgrade", help="step back to a revision ('base' drops every table)")
    downgrade.add_argument("target", help="base, a revision id, <module>@-1 or -1")
    db.add_parser("current", help="the revision the database is at, per module")
    history = db.add_parser("history", help="every revision of every module, newest first")
    history.add_argument("--verbose", action="store_true")
    revision = db.add_parser("revision", help="write the next migration of a module")
    revision.add_argument("module", help="module code, e.g. gift_cards")
    revision.add_argument("-m", "--message", required=True, help="what it changes, e.g. 'add expiry date'")
    revision.add_argument(
        "--autogenerate", action="store_true", help="compare the module's tables with the database"
    )
    new = sub.add_parser("new-module", help="create modules/<code>/ with a page, a table and tests")
    new.add_argument("code", help="lower-case words joined by _, e.g. gift_cards")
    new.set_defaults(run=cmd_new_module)
    worker = sub.add_parser("worker", help="run an RQ worker on Orion's queues")
    worker.add_argument("--burst", action="store_true", help="stop when the queues are empty")
    worker.add_argument(
        "--queues", default="", help="comma-separated queues to work, in priority order (default: all)"
    )
    worker.set_defaults(run=cmd_worker)
    # Commands without arguments of their own: a name, its help and what it runs.
    for name, help_text, run in (
        ("validate", "check every module against the architecture rules", cmd_validate),
        ("seed-demo", "create the demo platforms, stores and users (idempotent)", cmd_seed),
        ("scheduler", "run RQ's cron scheduler with the modules' scheduled jobs", cmd_scheduler),
    ):
        sub.add_parser(name, help=help_text).set_defaults(run=run)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.run(args)
    except ModuleRegistryError as error:
        print(f"Orion cannot start: {error}", file=sys.stderr)
        return 2
