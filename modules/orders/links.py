"""Where this deployment is served, for links in mails sent without a request (a webhook
marking an order paid): Reflex's `deploy_url`, as orion_app/cors.py reads it."""


def deployment_origin() -> str:
    from reflex.config import get_config

    return get_config().deploy_url or ""


def api_origin() -> str:
    """Where the backend's routes (`/api/…`) are served: Reflex's `api_url`."""
    from reflex.config import get_config

    return (get_config().api_url or deployment_origin()).rstrip("/")
