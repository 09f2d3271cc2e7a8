"""Orders' tiles on the store overview: sales today, over 7 and over 30 days, and a chart of
the orders placed and paid each day of the last 30 days.

Sales are the gross totals of orders whose money came in (paid and every status after it,
partially refunded included; cancelled, refunded and unpaid orders are not sales), counted
on the day they were placed. Days are UTC days.
"""

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import case, func
from sqlmodel import Session, select

from modules.contracts.protocols import Point, Widget, WidgetRequest, cell, widget
from modules.orders.models import Order
from modules.orders.services.transitions import PAID_STATUSES
from orion_app.db import utcnow
from orion_app.i18n import translate
from orion_app.ui.format import money, number, short_day

DAYS = 30
WINDOWS = (("today", 1, 1), ("week", 7, 2), ("month", 30, 3))  # key, days, place: the page starts with sales


def _start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def sales_since(session: Session, store_id: int, since: datetime) -> tuple[int, int]:
    """(paid orders, their gross total in cents) of the store placed since `since`."""
    count, total = session.exec(
        select(func.count(Order.id), func.coalesce(func.sum(Order.total_cents), 0)).where(
            Order.store_id == store_id, Order.created_at >= since, Order.status.in_(PAID_STATUSES)
        )
    ).one()
    return int(count or 0), int(total or 0)


def daily_orders(
    session: Session, store_id: int, today: date, days: int = DAYS
) -> list[tuple[date, int, int]]:
    """(day, orders placed, of them paid) for each of the `days` days up to `today`, zeros included."""
    first = today - timedelta(days=days - 1)
    moment = Order.created_at
    if session.get_bind().dialect.name == "postgresql":  # its date() follows the session's zone
        moment = func.timezone("UTC", moment)
    day = func.date(moment)
    rows = session.exec(
        select(day, func.count(Order.id), func.sum(case((Order.status.in_(PAID_STATUSES), 1), else_=0)))
        .where(Order.store_id == store_id, Order.created_at >= _start(first))
        .group_by(day)
    ).all()
    found = {str(d)[:10]: (int(placed or 0), int(paid or 0)) for d, placed, paid in rows}
    return [
        (first + timedelta(days=n), *found.get((first + timedelta(days=n)).isoformat(), (0, 0)))
        for n in range(days)
    ]


def overview_widgets(session: Session, request: WidgetRequest) -> list[Widget]:
    """Sales today, 7 and 30 days, and the orders chart, for those who may see orders."""
    if not request.may("orders.view"):
        return []
    lang, today = request.lang, utcnow().date()
    tiles = []
    for key, days, order in WINDOWS:
        count, total = sales_since(session, request.store_id, _start(today - timedelta(days=days - 1)))
        tiles.append(
            widget(
                "stat",
                f"orders.sales_{key}",
                order,
                translate(f"orders.ui.overview.sales_{key}", lang),
                value=money(total, "EUR", lang),
                detail=translate("orders.ui.overview.paid_orders", lang, count=number(count, lang)),
            )
        )
    days = daily_orders(session, request.store_id, today)
    placed, paid = sum(d[1] for d in days), sum(d[2] for d in days)
    chart = widget(
        "series",
        "orders.daily",
        55,  # after the figures and tables, before the stock chart
        translate("orders.ui.overview.chart", lang),
        detail=translate(
            "orders.ui.overview.chart_detail", lang, placed=number(placed, lang), paid=number(paid, lang)
        ),
        columns=[
            translate("orders.ui.overview.day", lang),
            translate("orders.ui.overview.placed", lang),
            translate("orders.ui.overview.paid", lang),
        ],
        points=[Point(x=short_day(d, lang), y1=p, y2=q) for d, p, q in days],
        rows=[[cell(d.isoformat()), cell(number(p, lang)), cell(number(q, lang))] for d, p, q in days],
    )
    return [*tiles, chart]
