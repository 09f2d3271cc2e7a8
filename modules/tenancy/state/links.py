"""The origin that starts links mailed to staff (invitations, password resets)."""

import reflex as rx

from orion_app.cors import allowed_origin


def mail_origin(state: rx.State) -> str:
    """The page's origin when it is one of this deployment's own, else Reflex's deploy_url.

    The page's address comes from the browser: a forged one must never put a foreign host
    in front of a token we mail to someone else.
    """
    origin = state.router.url.origin
    return origin if allowed_origin(origin) else rx.config.get_config().deploy_url or ""
