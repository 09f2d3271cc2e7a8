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
