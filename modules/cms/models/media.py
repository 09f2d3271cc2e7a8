"""Media library and store themes (tables)."""

__all__: list[str] = []
