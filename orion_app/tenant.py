"""One resolver for every URL form: which frontend, platform and store a request is for.

Dev form (path based): `/admin/...`, `/store/{store}/...`,
`/platforms/{platform}/storefront/{store}/...`, `/platforms/{platform}/...`.
Host form (production): the storefront or platform at `/` of a platform domain,
`{sub}.{platform-domain}` or a store's custom domain; `/` of any other host is the main
platform.
"""

from dataclasses import dataclass

from orion_app.ports import PlatformRef, StoreRef, TenantDirectory
from orion_app.registry import Frontend
from orion_app.routes import frontend_base


@dataclass(frozen=True)
class Location:
    """What the URL alone says; `by_host` means the Host header must decide the tenant."""

    frontend: Frontend
    subpath: str
    platform_code: str | None = None
    store_code: str | None = None
    by_host: bool = False
    base: str = "/"


@dataclass(frozen=True)
class Tenant:
    frontend: Frontend
    platform: PlatformRef | None
    store: StoreRef | None
    base: str  # URL prefix of this frontend for this tenant, ends with "/"
    subpath: str


def parse_location(path: str) -> Location:
    """Split a URL path into frontend, tenant codes and the page's sub-path."""
    parts = [p for p in path.split("?")[0].split("#")[0].split("/") if p]
    if parts[:1] == ["admin"]:
        return Location(Frontend.ADMIN, "/".join(parts[1:]), base=frontend_base(Frontend.ADMIN))
    if parts[:1] == ["store"] and len(parts) >= 2:
        base = frontend_base(Frontend.STORE, store=parts[1])
        return Location(Frontend.STORE, "/".join(parts[2:]), store_code=parts[1], base=base)
    if parts[:1] == ["platforms"] and len(parts) >= 2:
        if parts[2:3] == ["storefront"] and len(parts) >= 4:
            return Location(
                Frontend.STOREFRONT,
                "/".join(parts[4:]),
                platform_code=parts[1],
                store_code=parts[3],
                base=frontend_base(Frontend.STOREFRONT, platform=parts[1], store=parts[3]),
            )
        return Location(
            Frontend.PLATFORM,
            "/".join(parts[2:]),
            platform_code=parts[1],
            base=frontend_base(Frontend.PLATFORM, platform=parts[1]),
        )
    return Location(Frontend.PLATFORM, "/".join(parts), by_host=True, base="/")


def normalise_host(host: str) -> str:
    """Lower-case host name without port or trailing dot."""
    host = host.strip().lower()
    if host.startswith("["):
        return host.split("]")[0] + "]"
    return host.split(":")[0].rstrip(".")


def resolve_tenant(
    directory: TenantDirectory, path: str, host: str, main_platform_code: str
) -> Tenant | None:
    """The tenant a request addresses, or None when no such platform/store exists."""
    location = parse_location(path)
    if location.frontend == Frontend.ADMIN:
        return Tenant(Frontend.ADMIN, None, None, location.base, location.subpath)
    host = normalise_host(host)
    if location.frontend == Frontend.STORE:
        by_host = directory.resolve_host(host) if host else None
        if by_host:
            store = directory.store_on_platform(by_host[0], location.store_code or "")
            if store:
                return Tenant(Frontend.STORE, by_host[0], store, location.base, location.subpath)
        home = directory.home_platform_of_store(location.store_code or "")
        if not home:
            return None
        return Tenant(Frontend.STORE, home[0], home[1], location.base, location.subpath)
    if location.frontend == Frontend.STOREFRONT:
        platform = directory.platform_by_code(location.platform_code or "")
        store = platform and directory.store_on_platform(platform, location.store_code or "")
        if not store:
            return None
        return Tenant(Frontend.STOREFRONT, platform, store, location.base, location.subpath)
    if not location.by_host:
        platform = directory.platform_by_code(location.platform_code or "")
        if not platform:
            return None
        return Tenant(Frontend.PLATFORM, platform, None, location.base, location.subpath)
    by_host = directory.resolve_host(host) if host else None
    if by_host:
        platform, store = by_host
        frontend = Frontend.STOREFRONT if store else Frontend.PLATFORM
        return Tenant(frontend, platform, store, "/", location.subpath)
    platform = directory.platform_by_code(main_platform_code)
    if not platform:
        return None
    return Tenant(Frontend.PLATFORM, platform, None, "/", location.subpath)
