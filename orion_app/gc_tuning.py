"""The backend's garbage collector, set for many short-lived objects and a large heap that stays.

Measured under the storefront load (issue 11, `bench/storefront_load.py`, one backend process):
with Python's defaults the collector took ~12 % of the backend's CPU, most of it in full
collections (~215 ms each, five in 20 s at C=20), which walk every object the process holds:
the imported modules, Reflex's compiled pages and components, SQLAlchemy's mappers and
caches, none of which is ever garbage. Each page load allocates thousands of objects (a
tab's state tree, ORM rows, deltas), so the young generation filled every 700 allocations.

At start-up, once the app is built: one full collection, then `gc.freeze()` moves everything
that survived out of the collector's sight (it is still freed normally when its references
go), and the young generation's threshold rises from 700 to `YOUNG_THRESHOLD` allocations.
Cycles (a tab's state tree links parents and children) are still collected, a little later.
With both, the same load spent ~3 % of the backend's CPU in the collector and no full
collection ran during a 20 s level (docs/storefront.md, "CPU per page load").
"""

import gc
import logging

log = logging.getLogger(__name__)

YOUNG_THRESHOLD = 10_000  # Python's default: 700
MIDDLE_THRESHOLD = 20  # young collections per middle-generation one (default 10)
OLD_THRESHOLD = 10  # middle collections per full one (default 10)


def tune_collector() -> None:
    """Collect once, freeze what survived, raise the thresholds (see the module's note)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, MIDDLE_THRESHOLD, OLD_THRESHOLD)
    log.info("Garbage collector: %d start-up objects frozen", gc.get_freeze_count())
