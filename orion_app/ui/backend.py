"""Links to the backend's own HTTP routes (`/api/…`, uploads) as the browser reaches them."""

import reflex as rx
from reflex.constants import Dirs
from reflex.utils.imports import ImportVar
from reflex.vars import VarData
from reflex_base.components.component import field
from reflex_base.vars.base import Var
from reflex_components_core.el.elements.base import BaseHTML

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


class NativeForm(BaseHTML):
    """A `<form>` the browser submits itself (a real POST and page load), unlike `rx.el.form`,
    which always stops the submission and hands the fields to a Reflex event."""

    tag = "form"

    action: Var[str] = field(doc="URL the browser posts the form to")

    method: Var[str] = field(doc="HTTP method of the submission")


def post_form(*children, path: str, **props) -> rx.Component:
    """A form posted straight to a backend route (sign-in, sign-out)."""
    return NativeForm.create(*children, action=backend_url(path), method="post", **props)
