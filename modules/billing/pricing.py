"""What billing gives the platform site (its context provider for Frontend.PLATFORM): the
platform's active plans with prices, limits and included modules in the reader's language,
each leading to the sign-up (Enterprise-like plans "on request": a contact link)."""

from modules.billing.public import plans_of
from modules.billing.state.labels import plan_row
from orion_app.db import session_scope


def contact_href(domain: str | None) -> str:
    return f"mailto:sales@{domain or 'orion.lu'}"


def pricing_context(request) -> dict:
    with session_scope() as session:
        plans = plans_of(session, request.platform.id)
    rows = []
    for plan in sorted(plans, key=lambda p: p.order):
        item = plan_row(plan, request.lang)
        item["href"] = (
            contact_href(request.platform.domain)
            if plan.on_request
            else f"{request.base}signup?plan={plan.code}"
        )
        rows.append(item)
    return {"plans": rows}
