"""Reflex configuration: the app is `orion_app`; the database URL comes from Orion's settings.

Two variables Reflex reads are set here from the project, so `reflex run`, `make run`, the
workers and the tests agree without anyone exporting them:
- REFLEX_UPLOADED_FILES_DIR, the folder the backend serves at /_upload, follows Orion's
  MEDIA_DIR setting, where the app, the workers and the demo seed store photos;
- REFLEX_HOT_RELOAD_INCLUDE_PATHS gains modules/: Reflex watches only the folder of the app
  package (it looks for the project root through `__init__.py` files, and orion_app/ has
  none), so saving a module would reload nothing.
"""

import importlib
import os
import sys
from pathlib import Path

import reflex as rx

_first_import = "orion_app.settings" not in sys.modules
from orion_app.settings import PROJECT_ROOT, OrionSettings  # noqa: E402
from orion_app.ssr.plugin import ServerRenderingPlugin  # noqa: E402

_settings = OrionSettings()
if _first_import:
    # `reflex run` forks each reloaded backend worker from the process that read this file:
    # forget the module, so a worker imports settings.py as it is on disk then.
    del sys.modules["orion_app.settings"]

os.environ["REFLEX_UPLOADED_FILES_DIR"] = str(_settings.media_path)

_watched = [path for path in os.environ.get("REFLEX_HOT_RELOAD_INCLUDE_PATHS", "").split(os.pathsep) if path]
_modules_dir = str(PROJECT_ROOT / _settings.modules_package.replace(".", os.sep))
if _modules_dir not in _watched:
    os.environ["REFLEX_HOT_RELOAD_INCLUDE_PATHS"] = os.pathsep.join([*_watched, _modules_dir])

# `reflex run` in development forks each reloaded backend worker from this process, which has
# imported Reflex but not the app. The worker then imports the app: Orion's code, which a save
# may have changed, and these libraries, which no save changes (~1-2 s of each hot reload's
# import). Imported here once, every worker inherits them (docs/modules.md, "Hot reload").
DEV_PRELOAD = (
    "sqlalchemy",
    "sqlmodel",
    "alembic",
    "httpx",
    "httpcore",
    "trio",
    "redis",
    "rq",
    "rq.cron",
    "jinja2.sandbox",
    "argon2",
    "cryptography.hazmat.primitives.ciphers.aead",
    "markdown_it",
    "nh3",
    "PIL.Image",
    "PIL.ImageOps",
    "lxml.etree",
    "stripe",
    "schwifty",
    "stdnum",
    "prometheus_client",
    "aiosmtpd",
)


def _reflex_run_dev(argv: list[str]) -> bool:
    """Whether this process is `reflex run` in development mode (`make run`)."""
    program = Path(argv[0]) if argv else Path()
    is_reflex = program.name == "reflex" or program.parent.name == "reflex"
    return is_reflex and argv[1:2] == ["run"] and not {"prod", "--env=prod"} & set(argv[2:])


if _reflex_run_dev(sys.argv):
    for _library in DEV_PRELOAD:
        importlib.import_module(_library)

# Without Redis, the one backend process keeps each tab's state in memory: Reflex's default
# ("disk") pickles every substate of every tab to a file after its events, which cost most of
# a storefront page load. With REFLEX_REDIS_URL (`make serve`) Reflex keeps them in Redis.
_state_manager = {} if os.environ.get("REFLEX_REDIS_URL") else {"state_manager_mode": "memory"}

config = rx.Config(
    **_state_manager,
    app_name="orion_app",
    db_url=_settings.database_url,
    telemetry_enabled=False,
    show_built_with_reflex=False,
    disable_plugins=[rx.plugins.SitemapPlugin],
    frontend_lazy_bundled_libraries=True,  # no rx.dynamic here: keep Radix & co. off window.__reflex
    plugins=[
        ServerRenderingPlugin(),
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(accent_color="teal", gray_color="slate", radius="medium")
        ),
        # Public pages (storefront, platform site) in a code chunk of their own.
        __import__("orion_app.speed").speed.PublicSplitPlugin(),
    ],
)
