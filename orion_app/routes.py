"""Every URL of the app in one place: module pages become routes per frontend.

Storefront and platform pages are registered twice: under their dev path and at the
root, where the Host header decides the tenant. Two pages may land on the same root
path (the storefront home and the platform home both want `/`); they share one route
and the guard picks the page whose frontend the Host resolves to.
"""

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from orion_app.registry import Frontend, ModuleRegistry, Page, get_registry

FRONTEND_PREFIX = {
    Frontend.ADMIN: "/admin",
    Frontend.STORE: "/store/[store]",
    Frontend.STOREFRONT: "/platforms/[platform]/storefront/[store]",
    Frontend.PLATFORM: "/platforms/[platform]",
}
HOST_RESOLVED = (Frontend.STOREFRONT, Frontend.PLATFORM)


def frontend_base(frontend: Frontend, *, platform: str = "", store: str = "", host: str = "") -> str:
    """Where a tenant's frontend starts, ending with "/": the only place URLs are assembled.

    Without `host` it is the dev path (`/platforms/oms/storefront/cafe/`). With `host` it
    is the Host form: storefront and platform pages sit at `/` of their host
    (`https://cafe.oms.lu/`), admin and store dashboards keep their path on any host.
    """
    if host and frontend in HOST_RESOLVED:
        return f"{host_origin(host)}/"
    prefix = FRONTEND_PREFIX[frontend]
    for name, code in (("platform", platform), ("store", store)):
        if f"[{name}]" in prefix:
            if not code:
                raise ValueError(f"A {frontend} URL needs the {name}'s code.")
            prefix = prefix.replace(f"[{name}]", code)
    return f"{host_origin(host) if host else ''}{prefix}/"


def frontend_url(
    frontend: Frontend, path: str = "", *, platform: str = "", store: str = "", host: str = ""
) -> str:
    """A page of a tenant's frontend: `frontend_base(...)` followed by the page's path."""
    return frontend_base(frontend, platform=platform, store=store, host=host) + path.lstrip("/")


def host_origin(host: str) -> str:
    """`scheme://host`: `.localhost` names never have a certificate (RFC 6761), others use https."""
    name = host.split(":")[0]
    scheme = "http" if name == "localhost" or name.endswith(".localhost") else "https"
    return f"{scheme}://{host}"


@dataclass(frozen=True)
class PageEntry:
    page_id: str
    module: str
    page: Page


@dataclass(frozen=True)
class Route:
    path: str
    entries: tuple[PageEntry, ...]  # more than one only for host-resolved root paths


def page_id(module: str, page: Page) -> str:
    return f"{module}:{page.frontend}:{page.path}"


def join(prefix: str, path: str) -> str:
    return (prefix.rstrip("/") + "/" + path.strip("/")).rstrip("/") or "/"


def build_routes(registry: ModuleRegistry) -> list[Route]:
    by_path: dict[str, list[PageEntry]] = defaultdict(list)
    for definition, page in registry.pages():
        entry = PageEntry(page_id(definition.code, page), definition.code, page)
        by_path[join(FRONTEND_PREFIX[page.frontend], page.path)].append(entry)
        if page.frontend in HOST_RESOLVED:
            by_path[join("/", page.path)].append(entry)
    routes = []
    for path, entries in sorted(by_path.items()):
        frontends = [e.page.frontend for e in entries]
        if len(frontends) != len(set(frontends)):
            ids = ", ".join(e.page_id for e in entries)
            raise ValueError(f"Two pages claim the route '{path}': {ids}.")
        routes.append(Route(path, tuple(entries)))
    return routes


@lru_cache(maxsize=1)
def page_index() -> dict[str, PageEntry]:
    """Every page by id; built once per registry, since the page guard asks on every load."""
    return _page_index(get_registry())


@lru_cache(maxsize=4)
def _page_index(registry) -> dict[str, PageEntry]:
    return {e.page_id: e for r in build_routes(registry) for e in r.entries}


def sign_in_url(base: str, next_path: str = "") -> str:
    """The sign-in page of a staff frontend, coming back to `next_path` afterwards."""
    target = f"{base}login"
    return f"{target}?next={next_path}" if next_path else target
