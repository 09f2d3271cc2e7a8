"""A store's VAT settings: over the OSS threshold or not, the online VIES check (services/vies.py),
and the VAT class of each Luxembourg rate. No row: the defaults (under the threshold, no
VIES, DEFAULT_CLASS_BY_LU_RATE)."""

from dataclasses import dataclass

from sqlalchemy import bindparam
from sqlmodel import Session, select

from modules.orders.models import VatSettings
from modules.orders.services.vat_rules import DEFAULT_CLASS_BY_LU_RATE, LU_RATES, VAT_CLASSES
from orion_app.errors import FieldErrors


@dataclass(frozen=True)
class VatSettingsRecord:
    oss_over_threshold: bool
    vies_check: bool
    class_by_lu_rate: dict[int, str]


_OF_STORE = select(VatSettings).where(
    VatSettings.store_id == bindparam("store")
)  # built once: read at every pricing


def _row(session: Session, store_id: int) -> VatSettings | None:
    return session.exec(_OF_STORE, params={"store": store_id}).first()


def vat_settings(session: Session, store_id: int) -> VatSettingsRecord:
    row = _row(session, store_id)
    if row is None:
        return settings_record(None, None, None)
    return settings_record(row.oss_over_threshold, row.vies_check, row.class_by_lu_rate)


def settings_record(
    oss_over_threshold: bool | None, vies_check: bool | None, class_by_lu_rate: dict | None
) -> VatSettingsRecord:
    """The record of a store's `order_vat_settings` columns (all None: no row, the defaults);
    for a caller that read them within another query (the placement's first read)."""
    stored = {int(rate): name for rate, name in (class_by_lu_rate or {}).items()}
    return VatSettingsRecord(
        oss_over_threshold=bool(oss_over_threshold),
        vies_check=bool(vies_check),
        class_by_lu_rate={rate: stored.get(rate, DEFAULT_CLASS_BY_LU_RATE[rate]) for rate in LU_RATES},
    )


def save_vat_settings(
    session: Session, store_id: int, oss_over_threshold: bool, vies_check: bool, classes: dict[str, str]
) -> VatSettingsRecord:
    """Keep the store's choices (FieldErrors keyed `class_<rate>` for an unknown class);
    the caller commits."""
    errors = {
        f"class_{rate}": "orders.vat.error.class"
        for rate in LU_RATES
        if classes.get(str(rate)) not in VAT_CLASSES
    }
    if errors:
        raise FieldErrors(errors)
    row = _row(session, store_id) or VatSettings(store_id=store_id)
    row.oss_over_threshold = bool(oss_over_threshold)
    row.vies_check = bool(vies_check)
    row.class_by_lu_rate = {str(rate): classes[str(rate)] for rate in LU_RATES}
    session.add(row)
    session.flush()
    return vat_settings(session, store_id)
