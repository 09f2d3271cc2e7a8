"""Build plugin: public pages load only public code (issue 11 and 16, phone speed).

Reflex 0.10.1 compiles the memoized parts of a page (every component that reads state) into
one module per *source module* of the page function (`reflex/compiler/plugins/memoize.py`,
`PageContext.source_module`, taken from `page_fn.__module__` in `App.add_page`). Orion adds
every page through one function in `orion_app/orion_app.py`, so all pages of all frontends
shared one `app_components/orion_app/orion_app.jsx`: 1.1 MB of JavaScript (234 KB gzip) that a
shopper's phone downloaded, parsed and ran on every storefront page, dashboards included.

This plugin gives the public routes (the storefront's and the platform's public site: home,
pricing, sign-up, CMS pages) their own source module, `orion_app.public_ui`, so their memos land
in `app_components/orion_app/public_ui.jsx` and the build splits them into a chunk of their own.
Before the platform's pages joined it they loaded the dashboards' 292 KB chunk: Lighthouse TBT
204 ms on the pricing page against 8-73 ms on storefront pages. It runs first in the page
compiler's plugin chain (config plugins come before Reflex's own) and only changes that name;
the markup is unchanged. A memo used by
both a dashboard and the storefront is emitted once per module.

It also trims the Radix Themes stylesheet, which blocks the first paint of every page:
`@radix-ui/themes/styles.css` carries the colour tokens of all 31 colour scales (35 KB of its
88 KB gzip). The build imports Radix's own split files instead (`tokens/base.css`, the scales
in COLORS, `components.css`, `utilities.css`: Radix Themes' documented "individual CSS files").
COLORS are the ones Orion's code names (`color_scheme=`, `color=`, `rx.color(...)`), the theme's
accent (teal) and gray (slate), and Radix's gray; a colour missing here renders without its hue,
it does not break. The build fails when the import line it replaces is not found.

And it drops Radix Themes from the app root's lazy loaders (`app/root.jsx`): with
`frontend_lazy_bundled_libraries` the root keeps `"@radix-ui/themes": () => import(...)` for
`rx.dynamic` components, whose whole-package chunk then also carries the root's static `Theme`
import, so every page loaded every Radix component any dashboard uses (76 KB gzip). Orion has
no `rx.dynamic` component (`window.__reflex_load` is never called); without that loader each
route's chunk carries the Radix components it renders.

Not done here, measured: dropping React Router's `<link rel="modulepreload">` tags (wrapping
`<Scripts>` in `app/_document.js`) made the server-rendered HTML paint first (Lighthouse FCP
3.3 -> 2.3 s) but moved the boot into blocking time (TBT up) and did not move LCP or the score
(docs/storefront.md, "Phone speed").

Registered in rxconfig.py. `ORION_LEAN_BUILD=0` in the environment of a build switches all
three off, for measuring what they give (bench/lighthouse.py passes it through).
"""

import os
from functools import lru_cache

from reflex_base.config import get_config
from reflex_base.plugins.base import Plugin

PUBLIC_MODULE = "orion_app.public_ui"
PUBLIC_FRONTENDS = frozenset({"storefront", "platform"})
GLOBAL_STYLES = "styles/__reflex_global_styles.css"
RADIX_ALL = "@import url('@radix-ui/themes/styles.css');"
COLORS = ("gray", "slate", "teal", "red", "green", "orange", "amber", "violet", "blue", "tomato", "grass")
RADIX_SPLIT = "\n".join(
    f"@import url('@radix-ui/themes/{sheet}');"
    for sheet in (
        "tokens/base.css",
        *(f"tokens/colors/{c}.css" for c in COLORS),
        "components.css",
        "utilities.css",
    )
)


ROOT = "app/root.jsx"
RADIX_LOADER = '    "@radix-ui/themes": () => import("@radix-ui/themes"),\n'


def no_radix_loader(root: str) -> str:
    """`app/root.jsx` without the lazy loader of the whole Radix Themes package."""
    if RADIX_LOADER not in root:
        raise RuntimeError(f"orion_app.speed: the Radix Themes loader is not in {ROOT}; Reflex changed?")
    return root.replace(RADIX_LOADER, "")


def lean_radix_css(css: str) -> str:
    """The global stylesheet with Radix's split files in place of its all-in-one file."""
    if RADIX_ALL not in css:
        raise RuntimeError(f"orion_app.speed: '{RADIX_ALL}' is not in {GLOBAL_STYLES}; Reflex changed?")
    return css.replace(RADIX_ALL, RADIX_SPLIT)


def _route_key(route: str) -> str:
    return route.strip("/")


@lru_cache(maxsize=1)
def public_routes() -> frozenset[str]:
    """The routes (as Reflex names them, without slashes) that show only public pages:
    storefront or platform site. A host-resolved path shared with them (`/` is a storefront
    home or the platform's home, picked at run time) is public too; a route that can also show
    a dashboard page stays with the rest of the app.
    """
    from orion_app.registry import get_registry
    from orion_app.routes import build_routes

    return frozenset(
        _route_key(route.path)
        for route in build_routes(get_registry())
        if all(entry.page.frontend in PUBLIC_FRONTENDS for entry in route.entries)
    )


def _on() -> bool:
    return os.environ.get("ORION_LEAN_BUILD", "1") != "0"


class PublicSplitPlugin(Plugin):
    """Public pages compile their memos into their own module; Radix's CSS without the
    colours nobody uses (see the module's note)."""

    def pre_compile(self, **context) -> None:
        if not _on():
            return
        radix = context.get("radix_themes_plugin")
        if radix is not None and radix.enabled:
            context["add_modify_task"](GLOBAL_STYLES, lean_radix_css)
            if get_config().frontend_lazy_bundled_libraries:  # else the root imports it statically
                context["add_modify_task"](ROOT, no_radix_loader)

    def enter_component(self, comp, /, *, page_context, compile_context, in_prop_tree=False):
        if _on() and _route_key(page_context.route) in public_routes():
            page_context.source_module = PUBLIC_MODULE
        return None
