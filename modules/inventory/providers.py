"""Inventory's contributions to the store dashboard: low and sold-out counts, and the units that
came in and went out each day of the last 30 days."""

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import case, func
from sqlmodel import Session, select

from modules.contracts.protocols import Point, Widget, WidgetRequest, cell, widget
from modules.inventory.models import StockLevel, StockMovement
from orion_app.db import session_scope, utcnow
from orion_app.enablement import module_config
from orion_app.i18n import translate
from orion_app.ui.format import number, short_day

DAYS = 30


def stock_counts(session: Session, store_id: int, default_threshold: int) -> tuple[int, int]:
    """(low, sold out): products with available units at or under their threshold but above
    zero, and products with none available. A product without stock rows counts in neither."""
    per_product = (
        select(
            (func.sum(StockLevel.quantity - StockLevel.reserved)).label("available"),
            func.coalesce(func.max(StockLevel.low_stock_threshold), default_threshold).label("threshold"),
        )
        .where(StockLevel.store_id == store_id)
        .group_by(StockLevel.product_id)
        .subquery()
    )
    low, out = session.exec(
        select(
            func.sum(
                case(
                    ((per_product.c.available > 0) & (per_product.c.available <= per_product.c.threshold), 1),
                    else_=0,
                )
            ),
            func.sum(case((per_product.c.available <= 0, 1), else_=0)),
        )
    ).one()
    return int(low or 0), int(out or 0)


def daily_movements(
    session: Session, store_id: int, today: date, days: int = DAYS
) -> list[tuple[date, int, int]]:
    """(day, units in, units out) for each of the `days` days up to `today` (UTC), zeros included.
    Reservations change no quantity, so they count in neither."""
    first = today - timedelta(days=days - 1)
    since = datetime.combine(first, time.min, tzinfo=UTC)
    change = StockMovement.quantity_after - StockMovement.quantity_before
    moment = StockMovement.created_at
    if session.get_bind().dialect.name == "postgresql":  # its date() follows the session's zone
        moment = func.timezone("UTC", moment)
    day = func.date(moment)
    rows = session.exec(
        select(
            day, func.sum(case((change > 0, change), else_=0)), func.sum(case((change < 0, -change), else_=0))
        )
        .where(StockMovement.store_id == store_id, StockMovement.created_at >= since)
        .group_by(day)
    ).all()
    # SQLite answers the day as text, PostgreSQL as a date.
    found = {str(d)[:10]: (int(i or 0), int(o or 0)) for d, i, o in rows}
    return [
        (first + timedelta(days=n), *found.get((first + timedelta(days=n)).isoformat(), (0, 0)))
        for n in range(days)
    ]


def threshold(platform_id: int) -> int:
    """The platform's low-stock threshold for products that set none (inventory settings)."""
    return module_config("inventory", platform_id).low_stock_threshold


def store_metrics(store_id: int) -> list[dict]:
    from modules.inventory.config import InventoryConfig

    with session_scope() as session:
        low, out = stock_counts(session, store_id, InventoryConfig().low_stock_threshold)
    return [
        {"key": "inventory.metric.low_stock", "value": low},
        {"key": "inventory.metric.out_of_stock", "value": out},
    ]


def overview_widgets(session: Session, request: WidgetRequest) -> list[Widget]:
    """Low and sold-out counts, and a chart of the last 30 days' units in and out."""
    if not request.may("inventory.stock.view"):
        return []
    lang, limit = request.lang, threshold(request.platform_id)
    low, out = stock_counts(session, request.store_id, limit)
    days = daily_movements(session, request.store_id, utcnow().date())
    units_in, units_out = sum(d[1] for d in days), sum(d[2] for d in days)
    return [
        widget(
            "stat",
            "inventory.low_stock",
            30,
            translate("inventory.overview.low_stock", lang),
            value=number(low, lang),
            detail=translate("inventory.overview.low_stock_detail", lang, threshold=number(limit, lang)),
        ),
        widget(
            "stat",
            "inventory.out_of_stock",
            40,
            translate("inventory.overview.out_of_stock", lang),
            value=number(out, lang),
            detail=translate("inventory.overview.out_of_stock_detail", lang),
        ),
        widget(
            "series",
            "inventory.movements",
            60,
            translate("inventory.overview.movements", lang),
            detail=translate(
                "inventory.overview.movements_detail",
                lang,
                units_in=number(units_in, lang),
                units_out=number(units_out, lang),
            ),
            columns=[
                translate("inventory.overview.day", lang),
                translate("inventory.overview.units_in", lang),
                translate("inventory.overview.units_out", lang),
            ],
            points=[Point(x=short_day(d, lang), y1=i, y2=o) for d, i, o in days],
            rows=[[cell(d.isoformat()), cell(number(i, lang)), cell(number(o, lang))] for d, i, o in days],
        ),
    ]
