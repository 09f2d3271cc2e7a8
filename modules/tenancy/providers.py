"""What tenancy contributes to dashboards through the `contracts` metrics protocol."""

from sqlalchemy import func
from sqlmodel import select

from modules.tenancy.models import Store, StorePlatform, StoreUser
from orion_app.db import session_scope
from orion_app.registry import Frontend
from orion_app.routes import frontend_base


def store_metrics(store_id: int) -> list[dict]:
    with session_scope() as session:
        members = session.exec(select(func.count(StoreUser.id)).where(StoreUser.store_id == store_id)).one()
    return [{"key": "tenancy.metric.team_members", "value": int(members)}]


def platform_context(request) -> dict:
    """The platform home lists the stores that sell on the platform."""
    with session_scope() as session:
        stores = session.exec(
            select(Store)
            .join(StorePlatform, StorePlatform.store_id == Store.id)
            .where(StorePlatform.platform_id == request.platform.id, Store.is_active.is_(True))
            .order_by(Store.name)
        ).all()
    return {
        "stores": [
            {
                "name": s.name,
                "href": frontend_base(Frontend.STOREFRONT, platform=request.platform.code, store=s.code),
            }
            for s in stores
        ]
    }
