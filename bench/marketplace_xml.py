"""Feed import, text against XML: the same products as a tab-separated feed and as a Google
Shopping RSS 2.0 feed, imported into SQLite; rows/s and peak memory for each, and the XML
import's peak memory at ROWS*2 against ROWS/5 rows (the streaming check: it must not grow
with the file; target ≤ 1.5×).

The feed is bench/letzshop_feed.py's (fixed seed) with two columns more, so rows come in
groups of 5 variants (ROWS/5 groups): `item_group_id` (GR-000000, …) and `size` (XS…XL).
The XML file holds exactly the same cells, each as a `g:` element of its item (empty
cells left out, as XML exporters do). Both files import every row as a product (the group
columns are carried in the rows and listed as not imported).

Each import runs in a subprocess of its own on a fresh migrated, seeded SQLite database
(marketplace_import.py's memory run): `runner.run_import(id)` (the RQ job's body: count the
rows, read and check each, write batches of 500 with their checkpoint), timed; peak RSS is
the process's VmHWM, reset just before the import through /proc/self/clear_refs, so it is
the import's own peak. "read_only" runs the reader alone (open, count, read every row; no
database) the same way: the reader's own memory, without what the import keeps per row
for the whole file (the SKU map of the duplicate check) or SQLite's cache.

Environment: BENCH_FEED_ROWS (default 50000), BENCH_MEMORY_ROWS ("10000,100000" by
default: ROWS/5 and ROWS*2), BENCH_MEMORY_TSV (0; 1 measures the text feed at those sizes
too). Quick: `BENCH_FEED_ROWS=2000 python -m bench.marketplace_xml`.
"""

import contextlib
import csv
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from bench.letzshop_feed import write_feed
from bench.marketplace_import import memory_run, run_child

ROWS = int(os.environ.get("BENCH_FEED_ROWS", "50000"))
MEMORY_ROWS = tuple(
    int(n) for n in os.environ.get("BENCH_MEMORY_ROWS", f"{max(ROWS // 5, 100)},{ROWS * 2}").split(",")
)
MEMORY_TSV = os.environ.get("BENCH_MEMORY_TSV", "0") == "1"
SIZES = ("XS", "S", "M", "L", "XL")
GOOGLE = "http://base.google.com/ns/1.0"


def write_pair(rows: int, folder: Path) -> tuple[Path, Path]:
    """The same `rows` products (groups of 5) as `feed-N.tsv` and `feed-N.xml`, streamed."""
    source, tsv, xml = (folder / f"src-{rows}.tsv", folder / f"feed-{rows}.tsv", folder / f"feed-{rows}.xml")
    write_feed(source, rows)
    with (
        source.open(encoding="utf-8", newline="") as src,
        tsv.open("w", encoding="utf-8", newline="") as out_tsv,
        xml.open("w", encoding="utf-8") as out_xml,
    ):
        reader = csv.reader(src, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = [*next(reader), "item_group_id", "size"]
        out_tsv.write("\t".join(header) + "\n")
        out_xml.write(
            f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="{GOOGLE}">\n'
            "<channel>\n<title>Boutique</title>\n<link>https://boutique.example.lu</link>\n"
        )
        for n, cells in enumerate(reader):
            cells = [*cells, f"GR-{n // 5:06d}", SIZES[n % 5]]
            out_tsv.write("\t".join(cells) + "\n")
            pairs = zip(header, cells, strict=True)
            elements = "".join(f"<g:{name}>{escape(value)}</g:{name}>" for name, value in pairs if value)
            out_xml.write(f"<item>{elements}</item>\n")
        out_xml.write("</channel>\n</rss>\n")
    source.unlink()
    return tsv, xml


def _import(rows: int, feed: Path) -> dict:
    """One import of `feed` into a fresh SQLite database, in a subprocess of its own."""
    measured = memory_run(rows, feed)
    if measured.pop("status") != "succeeded":
        raise RuntimeError(f"the import of {feed.name} did not succeed: {measured}")
    measured["rows_per_second"] = round(rows / measured["seconds"])
    print(f"  import {feed.name}: {measured}", flush=True)
    return measured


def _read_child(feed: Path) -> dict:
    """In a subprocess: open, count and read every row of `feed` (no database); time and peak."""
    from bench.marketplace_import import _status_kb
    from modules.marketplace.services.feed import open_feed

    rss_before = _status_kb("VmRSS")
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
    started = time.perf_counter()
    feed_ = open_feed(feed)
    counted = feed_.count_rows()
    good = sum(1 for row in feed_.rows() if not row.errors)
    seconds = time.perf_counter() - started
    peak = _status_kb("VmHWM")
    if good != counted:
        raise RuntimeError(f"{feed.name}: {counted - good} rows with problems")
    result = {"rows": counted, "seconds": round(seconds, 2), "rows_per_second": round(counted / seconds)}
    if rss_before and peak:
        result["read_peak_rss_mb"] = round(peak / 1024, 1)
        result["read_rss_growth_mb"] = round((peak - rss_before) / 1024, 1)
    return result


def _read(feed: Path) -> dict:
    measured = run_child("bench.marketplace_xml", "read", str(feed))
    print(f"  read {feed.name}: {measured}", flush=True)
    return measured


def _ratios(runs: dict, keys: tuple[str, ...]) -> dict:
    first, last = (runs[str(n)] for n in (MEMORY_ROWS[0], MEMORY_ROWS[-1]))
    return {
        f"ratio_{key}": round(last[key] / first[key], 2) for key in keys if first.get(key) and key in last
    }


def run() -> dict:
    folder = Path(tempfile.mkdtemp(prefix="orion-bench-xml-"))
    try:
        result: dict = {"rows": ROWS, "groups": ROWS // 5, "memory_rows": list(MEMORY_ROWS)}
        # Subprocesses only: each peak is its own run's (and this process stays small).
        kinds = ("xml", "tsv") if MEMORY_TSV else ("xml",)
        for rows in MEMORY_ROWS:
            tsv, xml = write_pair(rows, folder)
            for kind, feed in (("xml", xml), ("tsv", tsv)):
                if kind in kinds:
                    result.setdefault(f"memory_{kind}", {"import": {}, "read_only": {}})
                    result[f"memory_{kind}"]["import"][str(rows)] = _import(rows, feed)
                    result[f"memory_{kind}"]["read_only"][str(rows)] = _read(feed)
            tsv.unlink()
            xml.unlink()
        for kind in kinds:
            memory = result[f"memory_{kind}"]
            memory["import_ratios"] = _ratios(
                memory["import"], ("import_peak_rss_mb", "import_rss_growth_mb")
            )
            memory["read_only_ratios"] = _ratios(
                memory["read_only"], ("read_peak_rss_mb", "read_rss_growth_mb")
            )
        tsv, xml = write_pair(ROWS, folder)
        for kind, feed in (("tsv", tsv), ("xml", xml)):
            result[kind] = {
                "feed_mb": round(feed.stat().st_size / 1024 / 1024, 1),
                "sqlite_import": _import(ROWS, feed),
                "read_and_check_only": _read(feed),
            }
        seconds = {kind: result[kind]["sqlite_import"]["seconds"] for kind in ("tsv", "xml")}
        result["ratio_xml_vs_tsv_import_time"] = round(seconds["xml"] / seconds["tsv"], 2)
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["read"]:
        print(json.dumps(_read_child(Path(sys.argv[2]))), flush=True)
    else:
        print(json.dumps(run(), indent=2))
