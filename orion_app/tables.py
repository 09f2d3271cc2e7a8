"""What every table shares: an integer primary key `id`, given by the database."""

from sqlmodel import Field, SQLModel


class Row(SQLModel):
    """Base of a table: `class Product(Row, table=True)` gets `id` (None until inserted)."""

    id: int | None = Field(default=None, primary_key=True)
