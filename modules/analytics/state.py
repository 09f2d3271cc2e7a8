"""Store reports: the figures every enabled module reports, downloadable as CSV."""

import csv
import io

import reflex as rx

from modules.core.public import store_metrics
from orion_app.i18n import translate
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState


class ReportsState(OrionState):
    rows: list[dict[str, str]] = []

    @rx.event
    @guarded("analytics.reports.view", quiet=True)
    def load(self):
        access = current_access()
        self.rows = [
            {"label": translate(m["key"], self.lang), "value": str(m["value"])}
            for m in store_metrics(access.tenant.store.id, access.enabled)
        ]

    @rx.event
    @guarded("analytics.reports.view")
    def download(self):
        access = current_access()
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(
            [
                translate("analytics.reports.metric", self.lang),
                translate("analytics.reports.value", self.lang),
            ]
        )
        for metric in store_metrics(access.tenant.store.id, access.enabled):
            writer.writerow([translate(metric["key"], self.lang), metric["value"]])
        return rx.download(data=buffer.getvalue(), filename=f"{access.tenant.store.code}-report.csv")
