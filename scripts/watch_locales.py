"""Make `make run` reload the backend when a translation file is saved.

Reflex's reloader ignores `*.json` files (HOTRELOAD_IGNORE_PATTERNS in reflex/utils/exec.py),
and translations are compiled into the pages, so a saved locale file would only show after
the next Python edit. This watcher rewrites a stamp file in a folder the reloader does watch
(run.sh adds it to REFLEX_HOT_RELOAD_INCLUDE_PATHS) whenever a `locales/*.json` file changes.

Usage: python scripts/watch_locales.py STAMP FOLDER...
"""

import sys
import time
from pathlib import Path

from watchfiles import Change, watch


def is_locale_file(change: Change, path: str) -> bool:
    file = Path(path)
    return file.suffix == ".json" and file.parent.name == "locales"


def main(stamp: Path, folders: list[str]) -> None:
    for changes in watch(*folders, watch_filter=is_locale_file):
        stamp.write_text(f"{time.time()} {' '.join(sorted(path for _, path in changes))}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
