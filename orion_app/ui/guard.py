"""Handler policies: every public method of every Orion state declares exactly one.

Reflex lets any client call any public State method by name with any payload, from any
page. So each one says what it is:

- `@guarded(permission)`: tenant data. The tenant comes from the browser URL and Host,
  the user from the session cookie of the websocket, never from ids the client sends; the
  module must be enabled on the tenant's platform, in the merchant's plan (else the upgrade
  message) and the user must hold `permission`. While the merchant is read-only, a client's
  call is refused unless the handler or its permission is `open_when_read_only` (or needs no
  permission); page loaders run by the page guard always read.
- `@public(...)`: storefront or sign-in pages. The tenant is resolved and the module must
  be enabled, but nobody needs to be signed in; `rate=(hits, seconds)` limits it per
  client address and per browser tab.
- `@ui_only`: changes only the caller's own view state. It may not open a database
  session (that raises), so it cannot reach a service.

A `@guarded`/`@public` handler written as a plain function runs (its access decision and
its body) on a database worker thread (`orion_app.db.run_blocking`) when an event loop
calls it, so its queries never block the loop; Reflex holds the tab's state lock
meanwhile. (Called where no loop runs, it runs in place.) Async handlers call
`run_blocking` themselves around their database work.

A page's loaders are run by the page guard right after it decided (`page_decision`): they
take that decision instead of making their own. Called by a client, they decide as always.

`require_handler_policies()` stops start-up when any handler declares none.
"""

import asyncio
import contextlib
import contextvars
import functools
import importlib
import inspect
import logging
import pkgutil
from collections.abc import Callable
from enum import StrEnum

import reflex as rx

from orion_app import ratelimit
from orion_app.access import (
    Access,
    Verdict,
    check_access,
    current_access,
    deciding,
    read_only_refuses,
    within,
)
from orion_app.db import database_forbidden, run_blocking
from orion_app.errors import ServiceError
from orion_app.i18n import translate
from orion_app.observability import GUARD_REFUSALS
from orion_app.registry import Frontend, get_registry
from orion_app.routes import sign_in_url
from orion_app.settings import get_settings

log = logging.getLogger(__name__)

__all__ = ["Policy", "current_access", "guarded", "page_decision", "policy_of", "public", "ui_only"]

POLICY_ATTRIBUTE = "__orion_policy__"
# (permission, frontends) a guarded handler asks for, for tools and tests that list handlers.
GUARD_ATTRIBUTE = "__orion_guard__"
# True on a guarded handler declared `open_when_read_only` itself.
READ_ONLY_ATTRIBUTE = "__orion_open_when_read_only__"


class Policy(StrEnum):
    GUARDED = "guarded"
    PUBLIC = "public"
    UI_ONLY = "ui_only"


def policy_of(function: Callable) -> Policy | None:
    return getattr(function, POLICY_ATTRIBUTE, None)


def module_of(function) -> str:
    """`modules.<code>.…` -> `<code>`: a handler belongs to the module it is written in."""
    parts = function.__module__.split(".")
    if len(parts) < 2 or parts[0] != get_settings().modules_package:
        raise ValueError(f"{function.__qualname__} is not inside a module package.")
    return parts[1]


def refusal(access: Access, state: rx.State, quiet: bool):
    """What the browser gets when a handler is refused."""
    GUARD_REFUSALS.labels(kind="handler", verdict=access.verdict.value).inc()
    if access.verdict == Verdict.SIGN_IN and access.tenant:
        return rx.redirect(sign_in_url(access.tenant.base))
    if quiet:
        return None
    return rx.toast.error(refusal_message(access, state.lang))


def refusal_message(access: Access, lang: str) -> str:
    """The sentence a refused handler shows: the upgrade or read-only message, no access, or
    not found."""
    if access.verdict == Verdict.UPGRADE:
        return translate("orion.error.upgrade", lang, module=translate(f"{access.module}.module.name", lang))
    key = {
        Verdict.FORBIDDEN: "orion.error.forbidden",
        Verdict.READ_ONLY: "orion.error.read_only",
    }.get(access.verdict, "orion.error.not_found")
    return translate(key, lang)


def _failed(state, error: ServiceError):
    return rx.toast.error(translate(error.message_key, state.lang, **error.params))


# The page guard's decision while it runs the page's own loaders (never set otherwise).
_page_access: contextvars.ContextVar[Access | None] = contextvars.ContextVar(
    "orion_page_access", default=None
)


@contextlib.contextmanager
def page_decision(access: Access):
    """Inside this block, handlers take `access` (the page guard's) instead of deciding."""
    token = _page_access.set(access)
    try:
        yield access
    finally:
        _page_access.reset(token)


def _wrap(function, policy: Policy, enter: Callable):
    """`function` run inside `enter(self)`, a context manager that yields a refusal or None.

    One wrapper per calling convention (plain, coroutine, generator): Reflex looks at the
    wrapper to decide how to run the handler. A plain guarded or public function becomes a
    coroutine that runs on a database worker thread.
    """
    if inspect.iscoroutinefunction(function):

        @functools.wraps(function)
        async def wrapper(self, *args, **kwargs):
            with enter(self) as refused:
                if refused is not None:
                    return refused.event
                try:
                    return await function(self, *args, **kwargs)
                except ServiceError as error:
                    return _failed(self, error)

    elif inspect.isasyncgenfunction(function):

        @functools.wraps(function)
        async def wrapper(self, *args, **kwargs):
            with enter(self) as refused:
                if refused is not None:
                    yield refused.event
                    return
                try:
                    async for item in function(self, *args, **kwargs):
                        yield item
                except ServiceError as error:
                    yield _failed(self, error)

    elif inspect.isgeneratorfunction(function):

        @functools.wraps(function)
        def wrapper(self, *args, **kwargs):
            with enter(self) as refused:
                if refused is not None:
                    yield refused.event
                    return
                try:
                    yield from function(self, *args, **kwargs)
                except ServiceError as error:
                    yield _failed(self, error)

    else:

        def run(self, *args, **kwargs):
            with enter(self) as refused:
                if refused is not None:
                    return refused.event
                try:
                    return function(self, *args, **kwargs)
                except ServiceError as error:
                    return _failed(self, error)

        if policy == Policy.UI_ONLY:
            wrapper = functools.wraps(function)(run)
        else:

            @functools.wraps(function)
            def wrapper(self, *args, **kwargs):
                try:
                    asyncio.get_running_loop()
                except RuntimeError:
                    return run(self, *args, **kwargs)  # called from a thread, a job, a test
                return _off_the_loop(run, self, *args, **kwargs)

    setattr(wrapper, POLICY_ATTRIBUTE, policy)
    return wrapper


async def _off_the_loop(run, *args, **kwargs):
    """`run(...)` on a database worker thread, its answer yielded: on an event loop a plain
    handler returns this async generator, which Reflex iterates (and so do page loads)."""
    result = await run_blocking(run, *args, **kwargs)
    if result is not None:
        yield result


class _Refused:
    """A refusal as a value, so `None` can mean "go ahead"."""

    def __init__(self, event):
        self.event = event


def _access_gate(
    function,
    *,
    permission: str | None,
    frontends: tuple[Frontend, ...] | None,
    quiet: bool,
    public: bool,
    module: str | None,
    rate: tuple[int, int] | None = None,
    open_when_read_only: bool = False,
):
    module = module or module_of(function)
    limit = ratelimit.Limit(f"handler:{function.__module__}.{function.__qualname__}", *rate) if rate else None

    def decide(state) -> Access:
        declared = get_registry().permissions.get(permission) if permission else None
        allowed = frontends or ((declared.frontend,) if declared else tuple(Frontend))
        if (page := _page_access.get()) is not None:
            return within(page, module=module, frontends=allowed, permission=permission, public=public)
        path, host = state._location()
        return check_access(
            path=path,
            host=host,
            token=state._session_token(),
            module=module,
            frontends=allowed,
            permission=permission,
            public=public,
        )

    def throttled(state) -> bool:
        session = state.router.session
        subjects = [f"ip:{session.client_ip}", f"tab:{session.client_token}"]
        blocked = any(ratelimit.is_blocked(limit, s) for s in subjects)
        for subject in subjects:
            ratelimit.record_hit(limit, subject)
        return blocked

    @contextlib.contextmanager
    def enter(state):
        access = decide(state)
        if (
            not public
            and _page_access.get() is None
            and read_only_refuses(access, permission, open_when_read_only)
        ):
            access = Access(Verdict.READ_ONLY, access.tenant, access.principal, access.enabled, access.plan)
        if not access.ok:
            yield _Refused(refusal(access, state, quiet))
        elif limit and throttled(state):
            GUARD_REFUSALS.labels(kind="handler", verdict="rate_limited").inc()
            yield _Refused(rx.toast.error(translate("orion.error.too_many", state.lang)))
        else:
            with deciding(access):
                yield None

    return enter


def guarded(
    permission: str | None = None,
    *,
    frontends: tuple[Frontend, ...] | None = None,
    quiet: bool = False,
    module: str | None = None,
    open_when_read_only: bool = False,
):
    """Tenant data: refuse unless the module is enabled here and the user holds `permission`.

    `permission=None` lets in anyone who may enter the frontend (e.g. any store member).
    `module` defaults to the module the handler is written in. `open_when_read_only=True`
    says this handler only reads although its permission may write (a list's filter under a
    managing permission), so it stays usable while the merchant is read-only.
    """

    def decorate(function):
        gate = _access_gate(
            function,
            permission=permission,
            frontends=frontends,
            quiet=quiet,
            public=False,
            module=module,
            open_when_read_only=open_when_read_only,
        )
        wrapper = _wrap(function, Policy.GUARDED, gate)
        setattr(wrapper, GUARD_ATTRIBUTE, (permission, frontends))
        setattr(wrapper, READ_ONLY_ATTRIBUTE, open_when_read_only)
        return wrapper

    return decorate


def public(
    *,
    frontends: tuple[Frontend, ...] | None = None,
    rate: tuple[int, int] | None = None,
    quiet: bool = True,
    module: str | None = None,
    page_guard: bool = False,
):
    """Storefront and sign-in pages: tenant resolved, module enabled, nobody need sign in.

    Handlers that write give `rate=(hits, seconds)`: more calls than that per client
    address or per browser tab within the window are refused. `page_guard=True` is for
    the framework's page guard alone, which makes the access decision itself.
    """

    def decorate(function):
        if page_guard:
            setattr(function, POLICY_ATTRIBUTE, Policy.PUBLIC)
            return function
        gate = _access_gate(
            function,
            permission=None,
            frontends=frontends,
            quiet=quiet,
            public=True,
            module=module,
            rate=rate,
        )
        return _wrap(function, Policy.PUBLIC, gate)

    return decorate


def ui_only(function):
    """Only the caller's own view state: no tenant lookup, and no database session."""

    @contextlib.contextmanager
    def enter(_state):
        with database_forbidden(f"@ui_only handler {function.__qualname__}"):
            yield None

    return _wrap(function, Policy.UI_ONLY, enter)


async def handler_events(function, state, **args) -> list:
    """Call an event handler's function on `state` as Reflex would (plain, coroutine or
    generator) and return the events it returned or yielded, flattened, without None."""
    result = function(state, **args)
    if inspect.isawaitable(result):
        result = await result
    if inspect.isasyncgen(result):
        result = [item async for item in result]
    elif inspect.isgenerator(result):
        result = list(result)
    return _flat(result)


def runs_in_place(function) -> bool:
    """Whether a handler is a plain function, which runs where it is called when no event loop
    runs there (a database worker thread): not a coroutine or generator of either kind."""
    return not (
        inspect.iscoroutinefunction(function)
        or inspect.isasyncgenfunction(function)
        or inspect.isgeneratorfunction(function)
    )


def events_in_place(function, state, **args) -> list:
    """Call a plain handler (`runs_in_place`) where no event loop runs, as Reflex would; the
    events it returned, flattened, without None."""
    return _flat(function(state, **args))


def _flat(result) -> list:
    """The events in what a handler returned or yielded: None, one event, or lists of them."""
    if result is None:
        return []
    if isinstance(result, list | tuple):
        return [event for item in result for event in _flat(item)]
    return [result]


class HandlerPolicyError(Exception):
    """A public State method declares no handler policy; start-up must stop."""


def import_states(package: str, codes) -> None:
    """Import every module's `state` (module or package), so all handlers exist."""
    for code in codes:
        try:
            root = importlib.import_module(f"{package}.{code}.state")
        except ModuleNotFoundError as error:
            if error.name in (f"{package}.{code}.state", f"{package}.{code}"):
                continue
            raise
        for info in pkgutil.iter_modules(getattr(root, "__path__", [])):
            importlib.import_module(f"{root.__name__}.{info.name}")


def undeclared_handlers() -> list[str]:
    """`module.Class.method` of every Orion event handler without a policy."""
    from orion_app.ui.state import OrionState

    found, pending, seen = [], [OrionState], set()
    while pending:
        cls = pending.pop()
        if cls in seen:
            continue
        seen.add(cls)
        pending.extend(cls.__subclasses__())
        for handler in cls.event_handlers.values():
            function = handler.fn
            if function.__module__.split(".")[0] == "reflex" or policy_of(function) is not None:
                continue
            found.append(f"{function.__module__}.{function.__qualname__}")
    return sorted(set(found))


def require_handler_policies() -> None:
    """Stop start-up with one sentence when an event handler declares no policy."""
    undeclared = undeclared_handlers()
    if undeclared:
        raise HandlerPolicyError(
            f"{undeclared[0]} declares no handler policy: decorate it with @guarded(permission), "
            "@public(...) or @ui_only, because any client can call any public State method."
            + (f" ({len(undeclared) - 1} more: {', '.join(undeclared[1:6])})" if len(undeclared) > 1 else "")
        )
