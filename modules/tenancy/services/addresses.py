"""Where a store's storefront lives on a platform: the reverse of `resolve_host` in ports.py."""

from sqlmodel import Session, select

from modules.tenancy.models import Platform, Store, StoreDomain, StorePlatform
from orion_app.registry import Frontend
from orion_app.routes import frontend_base


def storefront_url(session: Session, store_id: int, platform_id: int, origin: str = "") -> str:
    """The store's storefront address on the platform, ending with `/`.

    Its custom domain, else its subdomain of the platform's domain; a platform without a
    domain only has the path form, put after `origin` (the request's, or none in a job).
    """
    domain = session.exec(
        select(StoreDomain.domain)
        .where(StoreDomain.store_id == store_id, StoreDomain.platform_id == platform_id)
        .order_by(StoreDomain.id)
    ).first()
    if domain:
        return frontend_base(Frontend.STOREFRONT, host=domain)
    platform = session.get(Platform, platform_id)
    subdomain = session.exec(
        select(StorePlatform.subdomain).where(
            StorePlatform.store_id == store_id, StorePlatform.platform_id == platform_id
        )
    ).first()
    if platform.domain and subdomain:
        return frontend_base(Frontend.STOREFRONT, host=f"{subdomain}.{platform.domain}")
    store = session.get(Store, store_id)
    return origin.rstrip("/") + frontend_base(Frontend.STOREFRONT, platform=platform.code, store=store.code)
