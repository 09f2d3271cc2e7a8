"""The one page guard (`on_load`) and the one event-handler guard.

Both resolve the tenant from the browser URL and Host, then check module enablement,
sign-in and permission through `orion_app.access`. A handler guarded here can read the
decision with `current_access()`; it never trusts a store or platform id from the client.
"""

import contextvars
import functools
import inspect
import logging

import reflex as rx

from orion_app.access import Access, Verdict, check_access
from orion_app.errors import ServiceError
from orion_app.i18n import translate
from orion_app.observability import GUARD_REFUSALS
from orion_app.registry import Frontend, get_registry
from orion_app.routes import sign_in_url

log = logging.getLogger(__name__)
_current: contextvars.ContextVar[Access | None] = contextvars.ContextVar("orion_access", default=None)


def current_access() -> Access:
    """The guard's decision for the handler running now."""
    access = _current.get()
    if access is None:
        raise RuntimeError("current_access() is only available inside a @guarded handler.")
    return access


def module_of(function) -> str:
    """`modules.<code>.…` -> `<code>`: a handler belongs to the module it is written in."""
    parts = function.__module__.split(".")
    if len(parts) < 2 or parts[0] != get_registry_package():
        raise ValueError(f"{function.__qualname__} is not inside a module package.")
    return parts[1]


def get_registry_package() -> str:
    from orion_app.settings import get_settings

    return get_settings().modules_package


def refusal(access: Access, state: rx.State, quiet: bool):
    """What the browser gets when a handler is refused."""
    GUARD_REFUSALS.labels(kind="handler", verdict=access.verdict.value).inc()
    if access.verdict == Verdict.SIGN_IN and access.tenant:
        return rx.redirect(sign_in_url(access.tenant.base))
    if quiet:
        return None
    key = "orion.error.forbidden" if access.verdict == Verdict.FORBIDDEN else "orion.error.not_found"
    return rx.toast.error(translate(key, state.lang))


def guarded(
    permission: str | None = None,
    *,
    frontends: tuple[Frontend, ...] | None = None,
    quiet: bool = False,
    public: bool = False,
):
    """Refuse the handler unless its module is enabled here and the user holds `permission`."""

    def decorate(function):
        module = module_of(function)

        def decide(state) -> Access:
            declared = get_registry().permissions.get(permission) if permission else None
            allowed = frontends or ((declared.frontend,) if declared else tuple(Frontend))
            path, host = state._location()
            return check_access(
                path=path,
                host=host,
                token=state.session_token,
                module=module,
                frontends=allowed,
                permission=permission,
                public=public,
            )

        def failed(state, error: ServiceError):
            return rx.toast.error(translate(error.message_key, state.lang, **error.params))

        if inspect.iscoroutinefunction(function):

            @functools.wraps(function)
            async def async_wrapper(self, *args, **kwargs):
                access = decide(self)
                if not access.ok:
                    return refusal(access, self, quiet)
                token = _current.set(access)
                try:
                    return await function(self, *args, **kwargs)
                except ServiceError as error:
                    return failed(self, error)
                finally:
                    _current.reset(token)

            return async_wrapper

        if inspect.isgeneratorfunction(function):

            @functools.wraps(function)
            def generator_wrapper(self, *args, **kwargs):
                access = decide(self)
                if not access.ok:
                    yield refusal(access, self, quiet)
                    return
                token = _current.set(access)
                try:
                    yield from function(self, *args, **kwargs)
                except ServiceError as error:
                    yield failed(self, error)
                finally:
                    _current.reset(token)

            return generator_wrapper

        @functools.wraps(function)
        def wrapper(self, *args, **kwargs):
            access = decide(self)
            if not access.ok:
                return refusal(access, self, quiet)
            token = _current.set(access)
            try:
                return function(self, *args, **kwargs)
            except ServiceError as error:
                return failed(self, error)
            finally:
                _current.reset(token)

        return wrapper

    return decorate
