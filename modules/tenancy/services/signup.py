"""Self-service sign-up on a platform's site: a new merchant, its owner and its first store,
created together (nothing commits here: the caller commits, so whatever it adds in the same
transaction, a trial for instance, stands or falls with them).

The rules are those admins meet when they create the same rows (`users._check_new_user`,
`stores._new_store_values`/`_new_store_errors`), plus the reserved addresses: a store code is
also the store's subdomain, so `admin`, `www`, `api`... are refused. Every refusal is a
`FieldErrors` keyed by the sign-up form's field names."""

from dataclasses import dataclass

from sqlmodel import Session

from modules.tenancy.models import Merchant, Store, StorePlatform, User
from modules.tenancy.services.stores import _new_store_errors, _new_store_values
from modules.tenancy.services.users import _check_new_user
from orion_app.errors import FieldErrors
from orion_app.i18n import LANGUAGES
from orion_app.passwords import hash_password
from orion_app.validation import RESERVED_SUBDOMAINS, clean

# tenancy's own field names -> the sign-up form's
_STORE_FIELDS = {"code": "store_code", "name": "store_name", "subdomain": "store_code"}
_USER_FIELDS = {"email": "email", "name": "owner_name", "password": "password"}


@dataclass(frozen=True)
class NewMerchant:
    user_id: int
    merchant_id: int
    store_id: int
    store_code: str


def create_merchant_with_store(
    session: Session,
    platform_id: int,
    *,
    merchant_name: str,
    owner_name: str,
    email: str,
    password: str,
    store_code: str,
    store_name: str,
    languages: tuple[str, ...] | list[str],
    default_language: str = "",
    ui_language: str = "",
    vat_number: str = "",
) -> NewMerchant:
    """The merchant (registered on `platform_id`), its owner (a merchant owner who signs in
    with `email` and `password`) and its first store on the platform (home there, its code as
    subdomain); every field is checked before anything is added."""
    email = clean(email).lower()
    owner_name = clean(owner_name)
    merchant_name = clean(merchant_name)
    values = _new_store_values(
        {
            "code": store_code,
            "name": store_name,
            "languages": list(languages),
            "default_language": default_language,
        }
    )
    errors = {
        _USER_FIELDS[field]: key
        for field, key in _check_new_user(session, email, owner_name, password or "").items()
    }
    if not merchant_name:
        errors["merchant_name"] = "orion.error.required"
    if values["code"] in RESERVED_SUBDOMAINS:
        errors["store_code"] = "tenancy.store.code_reserved"
    for field, key in _new_store_errors(session, values, platform_id).items():
        errors.setdefault(_STORE_FIELDS.get(field, field), key)
    if errors:
        raise FieldErrors(errors)
    user = User(
        email=email,
        name=owner_name,
        password_hash=hash_password(password),
        role="merchant_owner",
        language=ui_language if ui_language in LANGUAGES else None,
    )
    session.add(user)
    session.flush()
    merchant = Merchant(
        name=merchant_name,
        contact_email=email,
        owner_user_id=user.id,
        platform_id=platform_id,
        vat_number=clean(vat_number).upper(),
    )
    session.add(merchant)
    session.flush()
    subdomain = values.pop("subdomain")
    store = Store(merchant_id=merchant.id, **values)
    session.add(store)
    session.flush()
    session.add(StorePlatform(store_id=store.id, platform_id=platform_id, subdomain=subdomain, is_home=True))
    session.flush()
    return NewMerchant(user.id, merchant.id, store.id, store.code)
