"""Contracts' public face: plan limits asked where the action happens.

The protocols other modules implement stay in `protocols.py`, which any module may import
too: a Protocol is a shape to fill in, not a way into this module's internals.
"""

from modules.contracts.features import LimitReached, feature_limit, require_room

__all__ = ["LimitReached", "feature_limit", "require_room"]
