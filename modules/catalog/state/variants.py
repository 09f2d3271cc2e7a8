"""Store dashboard, product editor: options, generated variants in a grid, stock per bin, bulk prices.

The form helpers (`option_inputs`, `save_grid`, ...) take a session and the store's id and
read every id from the database (the client's form only says what it typed, by slot and
by the variant ids the service checks against the product), so tests call them as the
handlers do.
"""

import reflex as rx
from sqlmodel import Session

from modules.catalog.services.products import get_product
from modules.catalog.services.variant_edits import (
    MAX_OPTIONS,
    generate_variants,
    set_options,
    update_variants,
)
from modules.catalog.services.variant_prices import apply_price_change, plan_price_change
from modules.catalog.services.variants import OptionInput, OptionRecord, options_of, variants_of
from modules.inventory.public import adjust_stock, levels
from orion_app.access import has_permission
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, NotFound
from orion_app.i18n import translate
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded, ui_only
from orion_app.ui.state import OrionState

VIEW, EDIT, STOCK = "catalog.products.view", "catalog.products.edit", "inventory.stock.adjust"
GRID_FIELDS = ("sku", "gtin", "price", "sale_price")
STOCK_REASON = "variant grid"


def cents_text(value: int | None) -> str:
    return "" if value is None else f"{value // 100},{value % 100:02d}"


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in str(text or "").splitlines() if line.strip()]


def option_form(options: list[OptionRecord], langs: list[str]) -> dict[str, str]:
    """The option form's values: `o{slot}.name.{lang}` and `o{slot}.values.{lang}` (one per line)."""
    values = {
        f"o{i}.{what}.{lang}": "" for i in range(MAX_OPTIONS) for what in ("name", "values") for lang in langs
    }
    for i, option in enumerate(options[:MAX_OPTIONS]):
        for lang in langs:
            values[f"o{i}.name.{lang}"] = option.names.get(lang, "")
            values[f"o{i}.values.{lang}"] = "\n".join(v.labels.get(lang, "") for v in option.values)
    return values


def option_inputs(
    form: dict, langs: list[str], current: list[OptionRecord]
) -> tuple[list[OptionInput], list[int], dict[str, str]]:
    """The options the form describes (empty slots left out), the slot of each, and form errors.

    Slot i is the product's option i; a value keeps its id when its label in the first
    language is unchanged; the new labels take, in order, the ids of the labels that are
    gone (a renamed value keeps its variants).
    """
    default, inputs, slots, errors = langs[0], [], [], {}
    for i in range(MAX_OPTIONS):
        names = {lang: str(form.get(f"o{i}.name.{lang}", "")).strip() for lang in langs}
        lines = {lang: _lines(form.get(f"o{i}.values.{lang}", "")) for lang in langs}
        if not any(names.values()) and not any(lines.values()):
            continue
        count = len(lines[default])
        if any(len(lines[lang]) > count for lang in langs[1:]):
            errors[f"o{i}.values"] = "catalog.variants.error.values_count"
        labels = [{lang: lines[lang][j] for lang in langs if j < len(lines[lang])} for j in range(count)]
        option = current[i] if i < len(current) else None
        value_ids: list[int | None] = [None] * count
        if option is not None:
            old = [v.labels.get(default, "").casefold() for v in option.values]
            new = [label.get(default, "").casefold() for label in labels]
            for j, text in enumerate(new):
                if text in old:
                    value_ids[j] = option.values[old.index(text)].id
            gone = iter(v.id for v, text in zip(option.values, old, strict=True) if text not in new)
            for j in range(len(new)):  # a value renamed takes the id of one that is gone, in order
                if value_ids[j] is None:
                    value_ids[j] = next(gone, None)
        inputs.append(
            OptionInput(
                names={k: v for k, v in names.items() if v},
                values=labels,
                value_ids=value_ids,
                attribute=option.attribute if option else "",
                id=option.id if option else None,
            )
        )
        slots.append(i)
    return inputs, slots, errors


def slot_errors(
    errors: dict[str, str], slots: list[int], inputs: list[OptionInput], langs: list[str]
) -> dict[str, str]:
    """The service's `options.{k}...` keys as the form's `o{slot}.name` / `o{slot}.values`."""
    shown: dict[str, str] = {}
    for key, message in errors.items():
        parts = key.split(".")
        if parts[0] != "options" or len(parts) < 3:
            shown[key] = message
            continue
        k = int(parts[1])
        slot = slots[k] if k < len(slots) else k
        if parts[2] == "values" and len(parts) > 3:
            label = inputs[k].values[int(parts[3])] if k < len(inputs) else {}
            text = label.get(langs[0]) or next(iter(label.values()), "")
            message = f"{text}: {message}"
        name = f"o{slot}.{'name' if parts[2] in ('name', 'attribute') else 'values'}"
        shown[name] = f"{shown[name]} {message}" if name in shown else message
    return shown


def locations_of(session: Session, store_id: int, product_id: int) -> list[tuple[str, str]]:
    """Every (warehouse, bin) the product has stock rows in, in order."""
    return list(dict.fromkeys((s.warehouse, s.bin) for s in levels(session, store_id, product_id)))


def stock_cells(
    session: Session, store_id: int, product_id: int, locations: list[tuple[str, str]]
) -> dict[str, str]:
    """`{variant id}.stock.{k}` -> units in location k ("0" without a row), for every variant."""
    quantities = {
        (s.variant_id, s.warehouse, s.bin): s.quantity for s in levels(session, store_id, product_id)
    }
    variants = variants_of(session, store_id, [product_id]).get(product_id, [])
    return {
        f"{v.id}.stock.{k}": str(quantities.get((v.id, w, b), 0))
        for v in variants
        for k, (w, b) in enumerate(locations)
    }


def save_grid(
    session: Session,
    store_id: int,
    product_id: int,
    form: dict,
    locations: list[tuple[str, str]],
    shown: dict[str, str],
    *,
    user_id: int | None,
    may_stock: bool,
) -> int:
    """Apply the grid's form: variant fields through `update_variants` and each stock cell that
    differs from what was shown (`shown`) as an adjustment to the typed count. Everything is
    checked before anything is written (FieldErrors `<variant id>.<field>`, `<id>.stock.<k>`).
    Answers the number of stock cells changed."""
    get_product(session, store_id, product_id)
    variants = variants_of(session, store_id, [product_id]).get(product_id, [])
    stored = {(s.variant_id, s.warehouse, s.bin): s for s in levels(session, store_id, product_id)}
    changes, targets, errors = {}, [], {}
    for v in variants:
        if f"{v.id}.sku" in form:  # the row's fields (a form of stock cells only has none)
            changes[v.id] = {name: str(form.get(f"{v.id}.{name}", "")) for name in GRID_FIELDS}
            changes[v.id]["is_active"] = form.get(f"{v.id}.is_active") == "1"
        for k, (warehouse, bin_) in enumerate(locations):
            key = f"{v.id}.stock.{k}"
            typed = str(form.get(key, "")).strip()
            if key not in form or typed == shown.get(key):
                continue
            if not may_stock:
                errors[key] = "orion.error.forbidden"
            elif not typed.isdigit():
                errors[key] = "catalog.variants.error.stock_count"
            elif (level := stored.get((v.id, warehouse, bin_))) is not None and int(typed) < level.reserved:
                errors[key] = "inventory.error.below_reserved"
            else:
                targets.append((v.id, warehouse, bin_, int(typed)))
    if errors:  # the stock cells first: the fields are checked (and all written) after
        raise FieldErrors(errors)
    if changes:
        update_variants(session, store_id, product_id, changes)
    for variant_id, warehouse, bin_, count in targets:
        adjust_stock(
            session,
            store_id,
            product_id,
            warehouse,
            bin_,
            variant_id=variant_id,
            set_to=count,
            reason=STOCK_REASON,
            user_id=user_id,
        )
    return len(targets)


def variant_label(options, lang: str, default: str) -> str:
    return " / ".join(
        o.labels.get(lang) or o.labels.get(default) or next(iter(o.labels.values()), "") for o in options
    )


class VariantEditorState(OrionState):
    """The editor's Variants section; `ProductEditorState.load` sends `load_variants`."""

    product_id: int = 0
    can_edit: bool = False
    can_stock: bool = False
    langs: list[str] = []  # the store's languages, its default first
    option_values: dict[str, str] = {}
    option_errors: dict[str, str] = {}
    option_count: int = 0
    rows: list[dict[str, str]] = []
    stock: dict[str, str] = {}
    locations: list[str] = []  # "WAREHOUSE / BIN", column k of the stock cells
    location_keys: list[str] = []  # "0", "1", ...: the k of each column
    price_placeholder: str = ""
    sale_placeholder: str = ""
    grid_errors: dict[str, str] = {}
    location_error: str = ""
    selected: list[str] = []
    bulk_errors: dict[str, str] = {}
    bulk_preview: list[dict[str, str]] = []
    form_key: int = 0
    _locations: list[tuple[str, str]] = []
    _shown: dict[str, str] = {}
    _bulk: tuple[str, str, str] = ("", "", "")  # mode, value, selection ("" = all) of the preview

    def _store(self):
        return current_access().tenant.store

    def _read(self, session: Session, keep_locations: bool = False) -> None:
        store = self._store()
        product = get_product(session, store.id, self.product_id)
        options = options_of(session, store.id, product.id)
        self.option_values = option_form(options, self.langs)
        self.option_count = len(options)
        variants = variants_of(session, store.id, [product.id]).get(product.id, [])
        found = locations_of(session, store.id, product.id)
        extra = [loc for loc in self._locations if loc not in found] if keep_locations else []
        self._locations = found + extra
        self.locations = [f"{w} / {b}" if b else w for w, b in self._locations]
        self.location_keys = [str(k) for k in range(len(self._locations))]
        self.stock = stock_cells(session, store.id, product.id, self._locations)
        self._shown = dict(self.stock)
        self.price_placeholder = cents_text(product.price_cents)
        self.sale_placeholder = cents_text(product.sale_price_cents)
        self.rows = [
            {
                "id": str(v.id),
                "label": variant_label(v.options, self.lang, self.langs[0]) or "—",
                "sku": v.sku,
                "gtin": v.gtin,
                "price": cents_text(v.own_price_cents),
                "sale_price": cents_text(v.own_sale_price_cents),
                "active": "1" if v.is_active else "",
            }
            for v in variants
            if v.options
        ]
        self.selected = [s for s in self.selected if s in {r["id"] for r in self.rows}]
        self.form_key += 1

    @rx.event
    @guarded(VIEW, quiet=True)
    def load_variants(self):
        access = current_access()
        store = access.tenant.store
        segment = self._segment(3)
        self.can_edit = has_permission(access.principal, EDIT, access.tenant)
        self.can_stock = has_permission(access.principal, STOCK, access.tenant)
        self.langs = [
            store.default_language,
            *[lang for lang in store.languages if lang != store.default_language],
        ]
        self.option_errors, self.grid_errors, self.bulk_errors, self.bulk_preview = {}, {}, {}, []
        self.location_error, self.selected, self._locations = "", [], []
        self.product_id = int(segment) if segment.isdigit() else 0
        if not self.product_id:
            return
        try:
            with session_scope() as session:
                self._read(session)
        except NotFound:
            self.product_id = 0

    @rx.event
    @guarded(EDIT)
    def save_options(self, form: dict):
        store = self._store()
        with session_scope() as session:
            current = options_of(session, store.id, self.product_id)
            inputs, slots, errors = option_inputs(form, self.langs, current)
            try:
                if errors:
                    raise FieldErrors(errors)
                set_options(session, store.id, self.product_id, inputs)
            except FieldErrors as error:
                self.option_values = {k: str(form.get(k, "")) for k in self.option_values}
                self.option_errors = slot_errors(
                    translated_errors(error, self.lang), slots, inputs, self.langs
                )
                return rx.toast.error(translate("orion.error.invalid_input", self.lang))
            self.option_errors = {}
            self._read(session, keep_locations=True)
        return rx.toast.success(translate("orion.saved", self.lang))

    @rx.event
    @guarded(EDIT)
    def generate(self):
        store = self._store()
        try:
            with session_scope() as session:
                generate_variants(session, store.id, self.product_id)
                self._read(session, keep_locations=True)
        except FieldErrors as error:
            self.option_errors = translated_errors(error, self.lang)
            return rx.toast.error(self.option_errors.get("options", ""))
        self.option_errors = {}
        return rx.toast.success(translate("catalog.variants.generated", self.lang, count=len(self.rows)))

    @rx.event
    @ui_only
    def add_location(self, form: dict):
        warehouse = " ".join(str(form.get("warehouse", "")).split()).upper()
        bin_ = " ".join(str(form.get("bin", "")).split()).upper()
        if not warehouse:
            self.location_error = translate("orion.error.required", self.lang)
            return
        self.location_error = ""
        if (warehouse, bin_) not in self._locations:
            k = len(self._locations)
            self._locations = [*self._locations, (warehouse, bin_)]
            self.locations = [*self.locations, f"{warehouse} / {bin_}" if bin_ else warehouse]
            self.location_keys = [*self.location_keys, str(k)]
            cells = {f"{r['id']}.stock.{k}": "0" for r in self.rows}
            self.stock = {**self.stock, **cells}
            self._shown = {**self._shown, **cells}

    @rx.event
    @guarded(EDIT)
    def save_grid(self, form: dict):
        access = current_access()
        try:
            with session_scope() as session:
                save_grid(
                    session,
                    access.tenant.store.id,
                    self.product_id,
                    form,
                    self._locations,
                    self._shown,
                    user_id=access.principal.user_id,
                    may_stock=self.can_stock,
                )
                self.grid_errors = {}
                self._read(session, keep_locations=True)
        except FieldErrors as error:
            self.grid_errors = translated_errors(error, self.lang)
            return rx.toast.error(translate("orion.error.invalid_input", self.lang))
        return rx.toast.success(translate("orion.saved", self.lang))

    @rx.event
    @ui_only
    def toggle(self, variant_id: str, on: bool):
        rest = [s for s in self.selected if s != variant_id]
        self.selected = [*rest, variant_id] if on else rest

    @rx.event
    @ui_only
    def select_all(self, on: bool):
        self.selected = [r["id"] for r in self.rows] if on else []

    def _chosen(self) -> list[int] | None:
        return [int(s) for s in self.selected if s.isdigit()] or None

    @rx.event
    @guarded(EDIT)
    def preview_prices(self, form: dict):
        store = self._store()
        mode, value = str(form.get("mode", "")), str(form.get("value", ""))
        labels = {r["id"]: r["label"] for r in self.rows}
        try:
            with session_scope() as session:
                plan = plan_price_change(session, store.id, self.product_id, self._chosen(), mode, value)
        except FieldErrors as error:
            self.bulk_errors, self.bulk_preview = translated_errors(error, self.lang), []
            return
        self.bulk_errors = {}
        self._bulk = (mode, value, ",".join(self.selected))
        self.bulk_preview = [
            {
                "label": labels.get(str(p.variant_id), str(p.variant_id)),
                "before": cents_text(p.price_before),
                "after": cents_text(p.price_after),
                "sale": ""
                if p.sale_after is None
                else f"{cents_text(p.sale_before)} → {cents_text(p.sale_after)}",
            }
            for p in plan
        ]

    @rx.event
    @ui_only
    def cancel_prices(self):
        self.bulk_preview, self.bulk_errors = [], {}

    @rx.event
    @guarded(EDIT)
    def apply_prices(self):
        store = self._store()
        mode, value, selection = self._bulk
        chosen = [int(s) for s in selection.split(",") if s.isdigit()] or None
        try:
            with session_scope() as session:
                apply_price_change(session, store.id, self.product_id, chosen, mode, value)
                self._read(session, keep_locations=True)
        except FieldErrors as error:
            self.bulk_errors = translated_errors(error, self.lang)
            return rx.toast.error(translate("orion.error.invalid_input", self.lang))
        count = len(self.bulk_preview)
        self.bulk_preview, self.bulk_errors = [], {}
        return rx.toast.success(translate("catalog.variants.prices_changed", self.lang, count=count))
