"""The feed reader alone (no database): every corpus file, then limits and header rules.

The corpus table (tests/fixtures/feeds/corpus.py) says what an import of each file gives;
here only the reader's part of it is checked: whole-file problems, notices, each row's
line and problems, and the values of the good rows. Duplicate SKUs are the import's
business (the reader does not remember rows), so those rows read as good here.
"""

import csv

import pytest

from modules.marketplace.services import feed as reader
from modules.marketplace.services.feed import FeedProblem, normalise_header, open_feed
from tests.fixtures.feeds.corpus import CASES, FEEDS

IMPORT_ONLY = {
    "marketplace.row.duplicate_sku",
    "marketplace.row.duplicate_item",
    "marketplace.row.duplicate_combination",  # item_group_id: rows become variants at import
    "marketplace.row.group_options_differ",
    "marketplace.row.variant_sku_taken",
}  # found by the import, not the reader
# A product's value when the feed leaves the cell empty (the table states stored values).
DEFAULTS = {
    "availability": "in_stock",
    "condition": "new",
    "description": "",
    "brand": "",
    "mpn": "",
    "gtin": "",
    "gtin_type": "",
    "sale_price_cents": None,
}


@pytest.fixture
def cell_limit(monkeypatch):
    """Lower the reader's cell limit for one test; the csv module's limit is put back after."""
    before = csv.field_size_limit()

    def lower(limit: int) -> None:
        monkeypatch.setattr(reader, "MAX_FIELD", limit)

    yield lower
    csv.field_size_limit(before)


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_file_reads_as_the_table_says(name, cell_limit):
    case = CASES[name]
    path = FEEDS / name
    if "failed" in case:
        with pytest.raises(FeedProblem) as problem:
            open_feed(path)
        assert (problem.value.message_key, problem.value.params) == case["failed"]
        return
    if "max_field" in case:
        cell_limit(case["max_field"])

    feed = open_feed(path)
    rows = list(feed.rows())

    assert feed.notices == case.get("notices", [])
    expected_errors = [e for e in case.get("errors", []) if e[2] not in IMPORT_ONLY]
    assert [(row.line, *error) for row in rows for error in row.errors] == expected_errors
    assert feed.count_rows() == len(rows)
    good: dict[str, dict] = {}
    for row in rows:
        if not row.errors:
            good.setdefault(row.sku, row.values)  # the first row of a SKU is the one imported
    read = case.get("read", case["products"])  # grouped rows: what the reader passes
    assert set(good) == set(read)
    for sku, expected in read.items():
        values = {**DEFAULTS, **good[sku]}
        assert {field: values[field] for field in expected} == expected, sku
    raws = {row.line: row.raw for row in rows}
    for line, raw in case.get("raw", {}).items():
        assert raws[line] == raw


def test_corpus_has_a_file_for_every_case_and_a_case_for_every_file():
    files = {p.name for p in FEEDS.iterdir() if p.is_file() and p.suffix != ".py" and p.name[0] != "."}
    assert files == set(CASES)


def test_unclosed_quote_past_the_real_cell_limit_loses_only_the_lines_it_swallowed(tmp_path):
    """A stray quote on line 3, then 12,000 lines of 100 characters (1.2 MB, past the
    1,000,000-character cell limit): line 3 is unreadable, the lines the open cell
    swallowed before the limit are gone, and every row after the limit reads normally."""
    header = "id\ttitle\tprice"
    filler = [f"F-{n:05d}\t{'Tasse en grès ' * 5:<87}\t9.90" for n in range(12_000)]
    assert all(len(line) == 100 for line in filler)
    path = tmp_path / "broken.tsv"
    path.write_text("\n".join([header, "OK-1\tBol\t6.00", 'BAD\t"Mug\t9.90', *filler]) + "\n")

    rows = list(open_feed(path).rows())

    assert (rows[0].line, rows[0].sku, rows[0].errors) == (2, "OK-1", [])
    assert rows[1].line == 3
    assert rows[1].errors == [("", "marketplace.row.unreadable", {"limit": 1_000_000})]
    assert len(rows[1].raw) == 4000  # the error report keeps the start of it
    # The cell reached the limit inside the line holding its 1,000,000th character: that line is
    # dropped, reading resumes on the next one. 10 characters of line 3 (`Mug\t9.90\n`) count too.
    overflow_line = 4 + (1_000_000 - len("Mug\t9.90\n")) // 101
    after = rows[2:]
    assert after[0].line == overflow_line + 1
    assert all(not row.errors for row in after)
    assert [row.line for row in after] == list(range(overflow_line + 1, 4 + 12_000))
    assert after[-1].sku == "F-11999"


def test_rows_are_read_one_at_a_time(tmp_path):
    """The reader is a generator over the file: the first row comes before the file is read."""
    path = tmp_path / "feed.tsv"
    path.write_text("id\ttitle\tprice\n" + "".join(f"S-{n}\tT\t1.00\n" for n in range(50_000)))
    rows = open_feed(path).rows()
    first = next(rows)
    assert (first.line, first.sku) == (2, "S-0")
    rows.close()


@pytest.mark.parametrize(
    "name, field",
    [
        ("id", "id"),
        ("G:Price", "price"),
        ("g:sale_price", "sale_price"),
        ("Sale Price", "sale_price"),
        (" Image-Link ", "image_link"),
        ('"ID"', "id"),
        ("ITEM ID", "item_id"),
    ],
)
def test_header_names_are_normalised(name, field):
    assert normalise_header(name) == field


def test_the_header_decides_the_delimiter_tab_wins_a_tie(tmp_path):
    path = tmp_path / "feed.tsv"
    path.write_text("id\ttitle, short\n1\tMug, big\n")
    feed = open_feed(path)
    assert (feed.delimiter, feed.header, feed.notices) == (
        "\t",
        ["id", "title, short"],
        [{"key": "marketplace.notice.ignored", "params": {"columns": "title, short"}}],
    )


def test_spreadsheet_formula_neutralising_is_undone(tmp_path):
    """An export writes `'=…` so spreadsheets do not run it; the import reads `=…` back."""
    path = tmp_path / "feed.tsv"
    path.write_text("id\ttitle\tprice\n'=A1\t'+Mug\t12.00\nX-2\t'-10 % promo\t3.00\n")
    rows = list(open_feed(path).rows())
    assert [(r.sku, r.values["title"], r.errors) for r in rows] == [
        ("=A1", "+Mug", []),
        ("X-2", "-10 % promo", []),
    ]


def test_a_repeated_column_counts_once_and_the_second_is_listed(tmp_path):
    path = tmp_path / "feed.tsv"
    path.write_text("id\tsku\ttitle\tprice\nA-1\tOTHER\tMug\t12.00\n")
    feed = open_feed(path)
    assert feed.notices == [{"key": "marketplace.notice.ignored", "params": {"columns": "sku"}}]
    assert next(feed.rows()).sku == "A-1"
