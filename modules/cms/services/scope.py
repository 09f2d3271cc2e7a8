"""Who a piece of CMS content belongs to: one store or one platform, exactly one of them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Owner:
    """A store's content (`store_id`) or a platform's (`platform_id`); never both, never neither."""

    platform_id: int | None = None
    store_id: int | None = None

    def __post_init__(self) -> None:
        if (self.platform_id is None) == (self.store_id is None):
            raise ValueError("an Owner is a store or a platform, exactly one of them")

    @classmethod
    def store(cls, store_id: int) -> "Owner":
        return cls(platform_id=None, store_id=store_id)

    @classmethod
    def platform(cls, platform_id: int) -> "Owner":
        return cls(platform_id=platform_id, store_id=None)

    @property
    def folder(self) -> str:
        """The owner's folder under the media folder: `store/<id>` or `platform/<id>`."""
        return f"store/{self.store_id}" if self.store_id is not None else f"platform/{self.platform_id}"

    def where(self, table):
        """The SQL condition selecting `table`'s rows of this owner (it has both columns)."""
        if self.store_id is not None:
            return table.store_id == self.store_id
        return (table.platform_id == self.platform_id) & (table.store_id.is_(None))
