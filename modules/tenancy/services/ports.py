"""Tenancy's implementations of the framework ports (see orion_app/ports.py)."""

from sqlalchemy import or_
from sqlmodel import Session, select

from modules.tenancy.models import (
    Merchant,
    Platform,
    PlatformModule,
    PlatformModuleAudit,
    Store,
    StoreDomain,
    StorePlatform,
    utcnow,
)
from modules.tenancy.services.auth import principal_of, sign_in, sign_out, user_for_token
from orion_app.db import session_scope
from orion_app.ports import PlatformRef, Principal, StoreImprint, StoreRef
from orion_app.records import record_from


def platform_ref(platform: Platform) -> PlatformRef:
    return record_from(PlatformRef, platform)


def store_ref(store: Store, subdomain: str | None = None) -> StoreRef:
    return record_from(StoreRef, store, languages=store.language_list, subdomain=subdomain)


def home_platform_of_store(session: Session, store_code: str) -> tuple[PlatformRef, StoreRef] | None:
    """An active store with the platform its dashboard belongs to (its home, else its first)."""
    row = session.exec(
        select(Store, StorePlatform, Platform)
        .join(StorePlatform, StorePlatform.store_id == Store.id)
        .join(Platform, Platform.id == StorePlatform.platform_id)
        .where(Store.code == store_code, Store.is_active.is_(True))
        .order_by(StorePlatform.is_home.desc(), StorePlatform.id)
    ).first()
    if not row:
        return None
    store, link, platform = row
    return platform_ref(platform), store_ref(store, link.subdomain)


class SqlTenantDirectory:
    def platform_by_code(self, code: str) -> PlatformRef | None:
        with session_scope() as session:
            platform = session.exec(select(Platform).where(Platform.code == code)).first()
            return platform_ref(platform) if platform else None

    def resolve_host(self, host: str) -> tuple[PlatformRef, StoreRef | None] | None:
        with session_scope() as session:
            custom = session.exec(
                select(StoreDomain, Store, Platform)
                .join(Store, Store.id == StoreDomain.store_id)
                .join(Platform, Platform.id == StoreDomain.platform_id)
                .where(StoreDomain.domain == host, Store.is_active.is_(True))
            ).first()
            if custom:
                _, store, platform = custom
                return platform_ref(platform), store_ref(store)
            bare = host.removeprefix("www.")
            platform = session.exec(select(Platform).where(Platform.domain == bare)).first()
            if platform:
                return platform_ref(platform), None
            sub, _, parent = host.partition(".")
            if not parent:
                return None
            row = session.exec(
                select(Platform, Store, StorePlatform)
                .join(StorePlatform, StorePlatform.platform_id == Platform.id)
                .join(Store, Store.id == StorePlatform.store_id)
                .where(
                    Platform.domain == parent,
                    StorePlatform.subdomain == sub,
                    Store.is_active.is_(True),
                )
            ).first()
            if row:
                platform, store, link = row
                return platform_ref(platform), store_ref(store, link.subdomain)
            return None

    def store_on_platform(self, platform: PlatformRef, store_code: str) -> StoreRef | None:
        with session_scope() as session:
            row = session.exec(
                select(Store, StorePlatform)
                .join(StorePlatform, StorePlatform.store_id == Store.id)
                .where(
                    Store.code == store_code,
                    StorePlatform.platform_id == platform.id,
                    Store.is_active.is_(True),
                )
            ).first()
            return store_ref(row[0], row[1].subdomain) if row else None

    def home_platform_of_store(self, store_code: str) -> tuple[PlatformRef, StoreRef] | None:
        with session_scope() as session:
            return home_platform_of_store(session, store_code)

    def stores_of(self, principal: Principal) -> list[StoreRef]:
        with session_scope() as session:
            stores = session.exec(
                select(Store)
                .where(
                    Store.is_active.is_(True),
                    or_(
                        Store.merchant_id.in_(list(principal.merchant_ids)),
                        Store.id.in_(list(principal.store_roles)),
                    ),
                )
                .order_by(Store.name)
            ).all()
            return [store_ref(store) for store in stores]

    def store_imprint(self, store_id: int) -> StoreImprint | None:
        with session_scope() as session:
            merchant = session.exec(
                select(Merchant).join(Store, Store.merchant_id == Merchant.id).where(Store.id == store_id)
            ).first()
            if merchant is None:
                return None
            return StoreImprint(
                merchant.legal_name or merchant.name, merchant.vat_number, merchant.contact_email
            )


# Bumped by every module state/config write of this process: a transaction's cached configs
# (`_configs_in_transaction`) are read again after one.
_config_writes = 0


class SqlModuleStateStore:
    def module_states(self, platform_id: int) -> dict[str, bool]:
        with session_scope() as session:
            rows = session.exec(
                select(PlatformModule.module_code, PlatformModule.enabled).where(
                    PlatformModule.platform_id == platform_id
                )
            ).all()
            return dict(rows)

    def module_config(self, platform_id: int, code: str, session: Session | None = None) -> dict:
        if session is not None:
            return dict(self._configs_in_transaction(session, platform_id).get(code, {}))
        with session_scope() as session:
            row = self._row(session, platform_id, code)
            return dict(row.config) if row else {}

    @staticmethod
    def _configs_in_transaction(session: Session, platform_id: int) -> dict[str, dict]:
        """Every module's saved config on the platform, read once per transaction of
        `session` (placing an order asks three modules for theirs)."""
        cached = session.info.get("orion_module_configs")
        transaction = (session.get_transaction(), _config_writes)
        if cached and transaction[0] is not None and cached[0] == transaction and platform_id in cached[1]:
            return cached[1][platform_id]
        rows = session.exec(
            select(PlatformModule.module_code, PlatformModule.config).where(
                PlatformModule.platform_id == platform_id
            )
        ).all()
        configs = {code: config or {} for code, config in rows}
        transaction = (session.get_transaction(), _config_writes)
        known = cached[1] if cached and cached[0] == transaction else {}
        session.info["orion_module_configs"] = (transaction, {**known, platform_id: configs})
        return configs

    def save_changes(self, platform_id: int, changes: dict[str, bool], actor_user_id: int | None) -> None:
        with session_scope() as session:
            for code, enabled in changes.items():
                action = "enabled" if enabled else "disabled"
                self._write(session, platform_id, code, actor_user_id, action, enabled=enabled)

    def save_config(self, platform_id: int, code: str, config: dict, actor_user_id: int | None) -> None:
        with session_scope() as session:
            self._write(
                session, platform_id, code, actor_user_id, "config", detail=dict(config), config=dict(config)
            )

    def _write(
        self,
        session: Session,
        platform_id: int,
        code: str,
        actor_user_id: int | None,
        action: str,
        detail: dict | None = None,
        **values,
    ) -> None:
        """Set `values` on the module's row (a new row starts enabled) and add the audit line; no commit."""
        global _config_writes
        _config_writes += 1
        row = self._row(session, platform_id, code) or PlatformModule(
            platform_id=platform_id, module_code=code, enabled=True
        )
        for name, value in values.items():
            setattr(row, name, value)
        row.updated_by_user_id = actor_user_id
        row.updated_at = utcnow()
        session.add(row)
        session.add(
            PlatformModuleAudit(
                platform_id=platform_id,
                module_code=code,
                action=action,
                actor_user_id=actor_user_id,
                detail=detail or {},
            )
        )

    @staticmethod
    def _row(session, platform_id: int, code: str) -> PlatformModule | None:
        return session.exec(
            select(PlatformModule).where(
                PlatformModule.platform_id == platform_id, PlatformModule.module_code == code
            )
        ).first()


class SqlAuthenticator:
    def sign_in(self, email: str, password: str, ip: str, previous_token: str) -> str:
        with session_scope() as session:
            return sign_in(session, email, password, ip=ip, previous_token=previous_token)[0]

    def principal_for_token(self, token: str) -> Principal | None:
        with session_scope() as session:
            user = user_for_token(session, token)
            return principal_of(session, user) if user else None

    def sign_out(self, token: str) -> None:
        with session_scope() as session:
            sign_out(session, token)
