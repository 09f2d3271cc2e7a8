"""The module framework: definitions, discovery and dependency rules.

Each submodule names its public part in `__all__`; the package re-exports exactly that,
so a new name is declared once, next to its code."""

from orion_app.registry import definition, registry
from orion_app.registry.definition import *  # noqa: F403
from orion_app.registry.registry import *  # noqa: F403

__all__ = [*definition.__all__, *registry.__all__]
