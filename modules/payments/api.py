"""`POST /webhooks/stripe`: Stripe's events, verified and applied off the event loop.

The answer is 2xx only after the transaction that recorded and applied the event committed;
a refused signature or timestamp answers 400 (and is recorded too)."""

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from modules.payments.services.webhooks import handle_stripe_webhook
from orion_app.db import session_scope

STRIPE_WEBHOOK_PATH = "/webhooks/stripe"
MAX_BODY_BYTES = 512 * 1024


def _process(payload: bytes, signature: str):
    with session_scope() as session:
        return handle_stripe_webhook(session, payload, signature)


async def stripe_webhook(request: Request) -> Response:
    payload = await request.body()
    if len(payload) > MAX_BODY_BYTES:
        return JSONResponse({"outcome": "too_large"}, status_code=413)
    result = await run_in_threadpool(_process, payload, request.headers.get("stripe-signature", ""))
    return JSONResponse({"outcome": result.outcome}, status_code=result.status_code)


def routes() -> list[Route]:
    return [Route(STRIPE_WEBHOOK_PATH, stripe_webhook, methods=["POST"])]
