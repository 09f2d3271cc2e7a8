"""HTTP endpoints beside Reflex's own: health, metrics, and every module's `api_routes`."""

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from orion_app.auth_api import auth_routes
from orion_app.cors import OrionCORSMiddleware
from orion_app.observability import readiness
from orion_app.registry import ModuleRegistry, import_string
from orion_app.ssr.respond import ServerRenderedPages
from orion_app.static_pages import PrerenderedWithoutSlash


async def live(_request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def ready(_request: Request) -> JSONResponse:
    report = await run_in_threadpool(readiness)
    ok = all(check["ok"] for check in report.values())
    return JSONResponse(
        {"status": "ok" if ok else "unavailable", "checks": report}, status_code=200 if ok else 503
    )


async def metrics(_request: Request) -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


def build_api(registry: ModuleRegistry) -> Starlette:
    """The Starlette app Reflex mounts its own routes into (via `api_transformer`)."""
    routes = [
        *auth_routes(),
        Route("/health", ready),
        Route("/health/live", live),
        Route("/health/ready", ready),
        Route("/metrics", metrics),
    ]
    for definition in registry:
        if definition.api_routes:
            routes.extend(import_string(definition.api_routes)())
    return Starlette(routes=routes)


def api_transformer(registry: ModuleRegistry):
    """Orion's routes in front of Reflex's, in a new Starlette app each time Reflex builds
    its ASGI app (a started Starlette app takes no more middleware, so none is reused)."""

    def transform(reflex_app):
        api = build_api(registry)
        api.add_middleware(OrionCORSMiddleware)
        api.add_middleware(PrerenderedWithoutSlash)
        # Outermost: public pages are rendered before the prerendered copies are looked up.
        api.add_middleware(ServerRenderedPages)
        api.mount("", reflex_app)
        return api

    return transform
