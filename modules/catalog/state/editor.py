"""Store dashboard: create and edit a product — texts per language, photos and stock."""

import reflex as rx

from modules.catalog.services.categories import category_options
from modules.catalog.services.media import add_photo, delete_photo, photos, variant_path
from modules.catalog.services.products import (
    TEXT_FIELDS,
    create_product,
    get_product,
    product_warnings,
    translations,
    update_product,
)
from modules.catalog.services.values import AVAILABILITY, CONDITIONS, VAT_RATES
from modules.catalog.services.variants import default_variants, variants_of
from modules.catalog.state.variants import VariantEditorState, variant_label
from modules.inventory.public import adjust_stock, levels
from orion_app.access import has_permission
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, NotFound
from orion_app.i18n import translate
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

VIEW, EDIT = "catalog.products.view", "catalog.products.edit"
UPLOAD_ID = "product_photos"


def _cents(value: int | None) -> str:
    return "" if value is None else f"{value // 100}.{value % 100:02d}"


class ProductEditorState(OrionState):
    product_id: int = 0
    found: bool = True
    can_edit: bool = False
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}  # field -> what is allowed but worth saying (a shared GTIN)
    saved: bool = False
    photo_rows: list[dict[str, str]] = []
    stock_rows: list[dict[str, str]] = []
    has_variants: bool = False  # options: the stock table names each row's variant
    stock_errors: dict[str, str] = {}
    category_options: list[dict[str, str]] = []
    form_key: int = 0

    def _load_product(self) -> None:
        access = current_access()
        store = access.tenant.store
        self.can_edit = has_permission(access.principal, EDIT, access.tenant)
        with session_scope() as session:
            self.category_options = [
                {"value": "", "label": "—"},
                *category_options(session, store.id, self.lang, store.default_language),
            ]
            if not self.product_id:
                self.values = {
                    "vat_rate": "17",
                    "condition": "new",
                    "availability": "in_stock",
                    "is_active": "1",
                }
                self.photo_rows, self.stock_rows, self.warnings = [], [], {}
                self.has_variants = False
                return
            product = get_product(session, store.id, self.product_id)
            texts = translations(session, [product.id])[product.id]
            values = {
                "sku": product.sku,
                "gtin": product.gtin,
                "brand": product.brand,
                "mpn": product.mpn,
                "price": _cents(product.price_cents),
                "sale_price": _cents(product.sale_price_cents),
                "vat_rate": str(product.vat_rate),
                "condition": product.condition,
                "availability": product.availability,
                "category_id": str(product.category_id or ""),
                "is_active": "1" if product.is_active else "",
                "is_digital": "1" if product.is_digital else "",
                "is_featured": "1" if product.is_featured else "",
                "slug": product.slug,
            }
            for lang, text in texts.items():
                for name in TEXT_FIELDS:
                    values[f"{name}_{lang}"] = getattr(text, name)
            self.values = values
            self.warnings = {
                w.field: translate(w.key, self.lang, **w.params)
                for w in product_warnings(session, store.id, product)
            }
            self.photo_rows = [
                {"id": str(m.id), "src": variant_path(m.key, "sm")}
                for m in photos(session, store.id, product.id)
            ]
            names = {
                v.id: variant_label(v.options, self.lang, store.default_language)
                for v in variants_of(session, store.id, [product.id])[product.id]
            }
            self.has_variants = any(names.values())
            self.stock_rows = [
                {
                    "variant": names.get(s.variant_id, ""),
                    "warehouse": s.warehouse,
                    "bin": s.bin,
                    "quantity": str(s.quantity),
                    "reserved": str(s.reserved),
                    "available": str(s.available),
                }
                for s in levels(session, store.id, product.id)
            ]
        self.form_key += 1

    @rx.event
    @guarded(VIEW, quiet=True)
    def load(self):
        segment = self._segment(3)
        self.errors, self.stock_errors, self.saved, self.found = {}, {}, False, True
        self.product_id = int(segment) if segment.isdigit() else 0
        if segment not in ("new",) and not segment.isdigit():
            self.found = False
            return
        try:
            self._load_product()
        except NotFound:
            self.found = False
            return None
        return VariantEditorState.load_variants if self.product_id else None

    @rx.event
    @guarded(EDIT)
    def save(self, form: dict):
        access = current_access()
        store, platform = access.tenant.store, access.tenant.platform
        try:
            with session_scope() as session:
                if self.product_id:
                    product = update_product(session, store.id, self.product_id, form)
                else:
                    product = create_product(
                        session, store.id, store.merchant_id, platform.id, form, self.lang
                    )
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            self.saved = False
            return rx.toast.error(translate("orion.error.invalid_input", self.lang))
        self.errors, self.saved = {}, True
        if not self.product_id:
            return rx.redirect(f"{access.tenant.base}products/{product.id}")
        self._load_product()
        # The variants' inherited prices (placeholders) follow the product's.
        return [rx.toast.success(translate("orion.saved", self.lang)), VariantEditorState.load_variants]

    @rx.event
    @guarded(EDIT)
    async def upload_photos(self, files: list[rx.UploadFile]):
        access = current_access()
        problems = []
        for upload in files:
            data = await upload.read()
            try:
                with session_scope() as session:
                    add_photo(
                        session,
                        access.tenant.store.id,
                        self.product_id,
                        data,
                        alt=self.values.get("title_en", ""),
                    )
            except FieldErrors as error:
                problems.append(f"{upload.name}: {translated_errors(error, self.lang)['photos']}")
        self._load_product()
        self.errors = {"photos": " ".join(problems)} if problems else {}
        clear = rx.clear_selected_files(UPLOAD_ID)  # the names listed in the drop zone
        if problems:
            return [clear, rx.toast.error(" ".join(problems))]
        return [
            clear,
            rx.toast.success(translate("catalog.product.photos_added", self.lang, count=len(files))),
        ]

    @rx.event
    @guarded(EDIT)
    def remove_photo(self, media_id: str):
        with session_scope() as session:
            delete_photo(session, current_access().tenant.store.id, int(media_id))
        self._load_product()

    @rx.event
    @guarded("inventory.stock.adjust")
    def adjust(self, form: dict):
        access = current_access()
        try:
            delta = int(str(form.get("delta", "")).strip())
        except ValueError:
            self.stock_errors = {"quantity": translate("inventory.error.whole_number", self.lang)}
            return None
        try:
            with session_scope() as session:
                get_product(session, access.tenant.store.id, self.product_id)
                variant_id = default_variants(session, access.tenant.store.id, [self.product_id]).get(
                    self.product_id
                )
                if variant_id is None:  # a product with options: stock is kept per variant
                    raise FieldErrors({"quantity": "catalog.error.stock_per_variant"})
                adjust_stock(
                    session,
                    access.tenant.store.id,
                    self.product_id,
                    form.get("warehouse", ""),
                    form.get("bin", ""),
                    variant_id=variant_id,
                    delta=delta,
                    reason=form.get("reason", "").strip(),
                    user_id=access.principal.user_id,
                )
        except FieldErrors as error:
            self.stock_errors = translated_errors(error, self.lang)
            return None
        self.stock_errors = {}
        self._load_product()
        return rx.toast.success(translate("inventory.adjusted", self.lang))


VAT_OPTIONS = [{"value": str(r), "label": f"{r} %"} for r in VAT_RATES]
# The editor's enumerations: field -> its values, each shown as `catalog.{field}.{value}`.
ENUMS = {"condition": CONDITIONS, "availability": AVAILABILITY}
