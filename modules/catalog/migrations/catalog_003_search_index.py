"""Catalog: a search index over `product.search_text` (folded titles, brand, SKU, GTIN, MPN).

PostgreSQL: a trigram GIN index, so `search_text LIKE '%word%'` is an index scan and
`word_similarity` can rank. SQLite: an FTS5 table with the trigram tokenizer (substring
matches, like LIKE, ranked by bm25) that reads its text from `product` (external content)
and is kept in step by triggers, so every writer, bulk inserts included, updates it.

Revision ID: catalog_003_search_index
Revises: catalog_002_listing_indexes
"""

from alembic import op

revision = "catalog_003_search_index"
down_revision = "catalog_002_listing_indexes"
branch_labels = None
depends_on = None

SQLITE_UP = [
    "CREATE VIRTUAL TABLE product_search USING fts5("
    "search_text, content='product', content_rowid='id', tokenize='trigram')",
    "INSERT INTO product_search(product_search) VALUES ('rebuild')",
    "CREATE TRIGGER product_search_insert AFTER INSERT ON product BEGIN "
    "INSERT INTO product_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER product_search_delete AFTER DELETE ON product BEGIN "
    "INSERT INTO product_search(product_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER product_search_update AFTER UPDATE OF search_text ON product BEGIN "
    "INSERT INTO product_search(product_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO product_search(rowid, search_text) VALUES (new.id, new.search_text); END",
]
SQLITE_DOWN = [
    "DROP TRIGGER product_search_update",
    "DROP TRIGGER product_search_delete",
    "DROP TRIGGER product_search_insert",
    "DROP TABLE product_search",
]
# The extension stays on downgrade: other schemas of the database may use it.
POSTGRES_UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_product_search_trgm ON product USING gin (search_text gin_trgm_ops)",
]
POSTGRES_DOWN = ["DROP INDEX ix_product_search_trgm"]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    _run(SQLITE_UP if op.get_bind().dialect.name == "sqlite" else POSTGRES_UP)


def downgrade() -> None:
    _run(SQLITE_DOWN if op.get_bind().dialect.name == "sqlite" else POSTGRES_DOWN)
