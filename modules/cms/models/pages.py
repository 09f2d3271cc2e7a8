"""Content pages, their texts per language and revisions (tables)."""

__all__: list[str] = []
