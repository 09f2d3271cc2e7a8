"""Links to the backend's own HTTP routes (`/api/…`, uploads) as the browser reaches them."""

import reflex as rx
from reflex.constants import Dirs
from reflex.utils.imports import ImportVar
from reflex.vars import VarData

# The backend's origin as the browser reaches it (in development it listens on another port
# than the pages); Reflex resolves uploaded-file URLs the same way.
BACKEND_ORIGIN = rx.Var(
    "getBackendURL(env.UPLOAD).origin",
    _var_data=VarData(
        imports={
            f"$/{Dirs.STATE_PATH}": "getBackendURL",
            "$/env.json": ImportVar(tag="env", is_default=True),
        }
    ),
).to(str)


def backend_url(path: rx.Var | str) -> rx.Var:
    """An absolute URL of a backend route (`/api/…`), so the session cookie goes with it."""
    return BACKEND_ORIGIN + path
