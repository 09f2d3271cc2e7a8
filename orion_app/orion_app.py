"""Builds the Reflex app from the discovered modules; nothing module-specific lives here."""

import contextlib
import logging

import reflex as rx

from orion_app.api import api_transformer
from orion_app.cors import install_cors, restrict_websocket_origins
from orion_app.events import Event, ModuleEvent, bus
from orion_app.gc_tuning import tune_collector
from orion_app.http_errors import install_error_handling
from orion_app.registry import get_registry, import_string
from orion_app.routes import Route, build_routes
from orion_app.ui.departures import install_departures
from orion_app.ui.guard import import_states, require_handler_policies
from orion_app.ui.layout import shell_for, toaster
from orion_app.ui.page_load import install_page_loads_in_place
from orion_app.ui.shell import ShellState
from orion_app.ui.socket import install_namespace, websocket_fast_path
from orion_app.ui.verdicts import not_found_view

log = logging.getLogger(__name__)


def _component(route: Route) -> rx.Component:
    """The page at a route; a shared root route shows the page of the resolved frontend."""
    rendered = [
        (
            entry.page.frontend.value,
            shell_for(entry.page.frontend, entry.page.public)(import_string(entry.page.component)()),
        )
        for entry in route.entries
    ]
    if len(rendered) == 1:
        return rendered[0][1]
    return rx.match(ShellState.frontend, *rendered, rendered[0][1])


def _on_load(route: Route) -> list:
    """What a page load at `route` runs after hydrating: the page guard, which decides and
    then runs the chosen page's own loaders (`Page.on_load`) under that one decision."""
    return [ShellState.guard(",".join(entry.page_id for entry in route.entries))]


class OrionApp(rx.App):
    """Reflex's app, whose ASGI entry sends the event websocket past the HTTP middleware
    (`orion_app.ui.socket.WebsocketFastPath`)."""

    def __call__(self):
        return websocket_fast_path(self, super().__call__())


def create_app() -> rx.App:
    registry = get_registry()
    install_cors()
    app = OrionApp(
        api_transformer=api_transformer(registry),
        stylesheets=["/orion.css"],
        toaster=toaster(),
    )
    install_error_handling(app)
    install_namespace(app)
    install_departures(app)
    install_page_loads_in_place()
    restrict_websocket_origins(app)
    for route in build_routes(registry):
        app.add_page(
            lambda route=route: _component(route),
            route=route.path,
            title=ShellState.page_title,
            on_load=_on_load(route),
        )
    # The guard with no page: it finds the tenant, so a store's 404 links back into the store.
    app.add_page(lambda: not_found_view(), route="404", title="Not found", on_load=ShellState.guard(""))
    import_states(registry.package, registry.codes)
    require_handler_policies()
    app.register_lifespan_task(module_lifespan)
    app.register_lifespan_task(tune_collector)  # last: once everything start-up builds exists
    return app


@contextlib.asynccontextmanager
async def module_lifespan():
    """Run modules' `on_startup` hooks and announce STARTUP/SHUTDOWN on the event bus."""
    registry = get_registry()
    for definition in registry:
        if definition.on_startup:
            try:
                import_string(definition.on_startup)()
            except Exception:
                log.exception("on_startup of %s failed", definition.code)
        bus.publish(Event(ModuleEvent.STARTUP, definition.code))
    yield
    for definition in reversed(list(registry)):
        bus.publish(Event(ModuleEvent.SHUTDOWN, definition.code))


app = create_app()
