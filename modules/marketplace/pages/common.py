"""Pieces the marketplace pages share: status badges, live refresh, origins, import counts."""

import reflex as rx

from modules.marketplace.models import JobStatus
from orion_app.ui.i18n import label

COUNTS = ("created", "updated", "unchanged", "deactivated", "rejected")
STATUS_COLOURS = {
    JobStatus.QUEUED: "gray",
    JobStatus.RUNNING: "blue",
    JobStatus.SUCCEEDED: "green",
    JobStatus.FAILED: "red",
    JobStatus.CANCELLED: "gray",
    JobStatus.ABANDONED: "orange",
}
ORIGINS = ("upload", "url", "schedule")  # FeedImport.origin


def status_badge(status: rx.Var, size: str = "1") -> rx.Component:
    return rx.badge(
        label(status, "marketplace.status", JobStatus),
        color_scheme=rx.match(status, *STATUS_COLOURS.items(), "gray"),
        size=size,
    )


def live_refresh(active: rx.Var, on_tick) -> rx.Component:
    """While `active`, call `on_tick` every second; nothing runs once the work has ended."""
    return rx.cond(
        active,
        rx.moment(interval=1000, format="HH:mm:ss", on_change=on_tick, display="none"),
    )


def origin_label(origin: rx.Var) -> rx.Var:
    return label(origin, "marketplace.origin", ORIGINS)
