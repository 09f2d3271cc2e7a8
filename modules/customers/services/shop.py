"""The storefront a shopper acts in, as services need it: which store, on which platform,
at which absolute URL (for the links of mails), in which languages."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Storefront:
    store_id: int
    platform_id: int
    base_url: str  # absolute, ends with "/": "https://cafe.oms.lu/" or "http://…/storefront/cafe-lux/"
    languages: tuple[str, ...]
    default_language: str

    def link(self, path: str, token: str) -> str:
        return f"{self.base_url}{path}?token={token}"


def storefront_of(tenant, origin: str) -> Storefront:
    """The `Storefront` of a resolved storefront tenant seen from `origin` (scheme://host)."""
    store = tenant.store
    return Storefront(
        store_id=store.id,
        platform_id=tenant.platform.id,
        base_url=origin.rstrip("/") + tenant.base,
        languages=tuple(store.languages),
        default_language=store.default_language,
    )
