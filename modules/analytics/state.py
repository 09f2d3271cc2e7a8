"""Store reports, the export view: every enabled module's figures and the daily series modules
report (stock movements), each downloadable as CSV."""

import csv
import io

import reflex as rx

from modules.core.public import store_metrics, store_widgets, widget_request
from orion_app.db import session_scope
from orion_app.i18n import translate
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

VIEW = "analytics.reports.view"


def _csv(header: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


class ReportsState(OrionState):
    rows: list[dict[str, str]] = []
    series_columns: list[str] = []
    series_rows: list[list[str]] = []

    def _series(self) -> dict | None:
        """The first daily series a module reports (inventory's movements), or None."""
        access = current_access()
        with session_scope() as session:
            found = store_widgets(
                session, widget_request(access, self.lang), access.enabled, kinds=("series",)
            )
        return found[0] if found else None

    @rx.event
    @guarded(VIEW, quiet=True)
    def load(self):
        access = current_access()
        self.rows = [
            {"label": translate(m["key"], self.lang), "value": str(m["value"])}
            for m in store_metrics(access.tenant.store.id, access.enabled)
        ]
        series = self._series()
        self.series_columns = series["columns"] if series else []
        self.series_rows = [[c["text"] for c in row] for row in reversed(series["rows"])] if series else []

    @rx.event
    @guarded(VIEW)
    def download(self):
        access = current_access()
        header = [
            translate("analytics.reports.metric", self.lang),
            translate("analytics.reports.value", self.lang),
        ]
        rows = [
            [translate(m["key"], self.lang), m["value"]]
            for m in store_metrics(access.tenant.store.id, access.enabled)
        ]
        return rx.download(data=_csv(header, rows), filename=f"{access.tenant.store.code}-report.csv")

    @rx.event
    @guarded(VIEW)
    def download_series(self):
        """The series with plain numbers: the day as YYYY-MM-DD, then its two figures."""
        series = self._series()
        if series is None:
            return
        rows = [
            [row[0]["text"], point["y1"], point["y2"]]
            for row, point in zip(series["rows"], series["points"], strict=True)
        ]
        filename = f"{current_access().tenant.store.code}-{series['key'].replace('.', '-')}.csv"
        return rx.download(data=_csv(series["columns"], rows), filename=filename)
