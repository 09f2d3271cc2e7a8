"""Rendering templates in Jinja2's sandbox, and the checks a template passes before it is saved.

Two sandboxed environments with StrictUndefined: HTML bodies are autoescaped, subjects and
plain-text bodies are not. A template may only use its kind's declared variables and the
common ones; attributes starting with "_" (`''.__class__.__mro__`) are refused when saved,
and the sandbox refuses them again when rendered.

The modules' own default texts (files shipped with the code, never typed in a form) render
`trusted`: the same settings without the sandbox, whose checks on every attribute and call
were half of rendering an order's confirmation of 50 lines. Saved overrides always render
sandboxed.
"""

from dataclasses import dataclass
from functools import lru_cache

from jinja2 import Environment, StrictUndefined, Template, TemplateError, TemplateSyntaxError, meta, nodes
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from modules.messaging.config import messaging_config
from modules.messaging.kinds import PARTS, MessageKind, Texts
from orion_app.errors import FieldErrors, ServiceError

_HTML = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
_PLAIN = SandboxedEnvironment(autoescape=False, undefined=StrictUndefined)
_TRUSTED_HTML = Environment(autoescape=True, undefined=StrictUndefined)
_TRUSTED_PLAIN = Environment(autoescape=False, undefined=StrictUndefined)


def _env(part: str, trusted: bool = False) -> Environment:
    if trusted:
        return _TRUSTED_HTML if part == "body_html" else _TRUSTED_PLAIN
    return _HTML if part == "body_html" else _PLAIN


@dataclass(frozen=True)
class Rendered:
    subject: str
    body_html: str
    body_text: str


def _unsafe_names(tree: nodes.Template) -> list[str]:
    """Attribute or item names starting with "_" that the template reaches for."""
    found = [node.attr for node in tree.find_all(nodes.Getattr) if node.attr.startswith("_")]
    for node in tree.find_all(nodes.Getitem):
        if isinstance(node.arg, nodes.Const) and str(node.arg.value).startswith("_"):
            found.append(str(node.arg.value))
    return found


def _check_part(kind: MessageKind, part: str, source: str) -> tuple[str, dict[str, object]] | None:
    """The (message key, params) of the first problem of one part, or None when it is fine."""
    cfg = messaging_config()
    if part == "subject":
        if "\r" in source or "\n" in source:
            return "messaging.error.subject_newline", {}
        if not source.strip():
            return "messaging.error.subject_required", {}
        if len(source) > cfg.max_subject_chars:
            return "messaging.error.subject_too_long", {"max": cfg.max_subject_chars}
    elif len(source.encode("utf-8")) > cfg.max_body_bytes:
        return "messaging.error.body_too_large", {"max_kb": cfg.max_body_bytes // 1024}
    elif not source.strip():
        return "messaging.error.body_required", {}
    return _check_source(part, source, kind.allowed_variables)


# Sending renders the same few templates over and over: their checks and compiled forms are
# kept (by source text, so an edited template is checked and compiled afresh).
@lru_cache(maxsize=512)
def _check_source(part: str, source: str, allowed: frozenset[str]) -> tuple[str, dict[str, object]] | None:
    try:
        tree = _env(part).parse(source)
    except TemplateSyntaxError as exc:
        return "messaging.error.syntax", {"line": exc.lineno, "detail": exc.message or ""}
    unsafe = _unsafe_names(tree)
    if unsafe:
        return "messaging.error.unsafe", {"name": ", ".join(sorted(set(unsafe)))}
    undeclared = sorted(meta.find_undeclared_variables(tree) - allowed)
    if undeclared:
        return "messaging.error.undeclared_variable", {"name": ", ".join(undeclared)}
    return None


@lru_cache(maxsize=512)
def _compiled(part: str, source: str, trusted: bool = False) -> Template:
    return _env(part, trusted).from_string(source)


def validate_template(kind: MessageKind, subject: str, body_html: str, body_text: str) -> None:
    """Raise FieldErrors (subject / body_html / body_text, with params) unless all three parts
    are safe to save: size, no line break in the subject, valid syntax, only the kind's
    variables and the common ones, no "_" attributes."""
    errors: dict[str, str] = {}
    params: dict[str, dict[str, object]] = {}
    for part, source in zip(PARTS, (subject, body_html, body_text), strict=True):
        problem = _check_part(kind, part, source)
        if problem:
            errors[part], params[part] = problem
    if errors:
        raise FieldErrors(errors, params)


def render(
    kind: MessageKind, texts: Texts, variables: dict[str, object], *, trusted: bool = False
) -> Rendered:
    """The three parts rendered with `variables`; ServiceError when a template cannot render
    (a missing variable, the sandbox refusing) or the subject would carry a line break.
    `trusted`: `texts` are the module's own defaults (see the module docstring)."""
    values = {name: value for name, value in variables.items() if name in kind.allowed_variables}
    out: dict[str, str] = {}
    for part in PARTS:
        source = texts.part(part)
        problem = _check_part(kind, part, source)
        if problem:
            raise ServiceError(problem[0], **problem[1])
        try:
            out[part] = _compiled(part, source, trusted).render(values)
        except SecurityError:
            raise ServiceError("messaging.error.unsafe", name="?") from None
        except TemplateError as exc:
            raise ServiceError("messaging.error.render", detail=str(exc)[:200]) from None
    if "\r" in out["subject"] or "\n" in out["subject"]:  # a variable brought a line break
        raise ServiceError("messaging.error.subject_newline")
    return Rendered(
        subject=out["subject"].strip()[:200], body_html=out["body_html"], body_text=out["body_text"]
    )


def sample_values(kind: MessageKind, *, store_name: str, platform_name: str) -> dict[str, str]:
    """Stand-in values for a preview: links look like links, other values show their name."""
    values = {
        name: (f"https://example.com/{name}?token=sample" if name.endswith(("url", "link")) else f"[{name}]")
        for name in kind.variables
    }
    return {
        **values,
        "recipient_name": "Marie Schmit",
        "store_name": store_name,
        "platform_name": platform_name,
    }
