"""Marketplace settings (env prefix `MARKETPLACE_`, e.g. `MARKETPLACE_BATCH_SIZE`)."""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class MarketplaceConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MARKETPLACE_", extra="ignore")

    # Rows written per transaction; each batch is also the import's checkpoint.
    batch_size: int = Field(default=500, ge=1, le=10_000)
    # The largest feed accepted, uploaded or fetched.
    feed_max_bytes: int = Field(default=200 * 1024 * 1024, ge=1024)
    # A feed URL must answer and finish within this many seconds.
    feed_timeout_seconds: float = Field(default=60.0, gt=0)
    # Feed files being imported and export files (private: not served by the web server).
    files_dir: str = "data/marketplace"
    # Where a feed's `quantity` column puts the stock.
    stock_warehouse: str = Field(default="MAIN", min_length=1, max_length=40)
    # A running import whose worker has not reported for this long is marked abandoned.
    stale_after_seconds: int = Field(default=120, ge=1)
    # How often RQ retries an import that crashed, and the back-off between tries.
    retry_max: int = Field(default=3, ge=0, le=10)
    retry_intervals: list[int] = [10, 60, 300]
    # Feed photos (`image_link`, `additional_image_link`): each URL must deliver within this,
    # and a transient failure (time-out, 5xx) is tried again after each of these pauses.
    photo_timeout_seconds: float = Field(default=20.0, gt=0)
    photo_retry_intervals: list[float] = [2, 10]
    # Dry runs keep their file this long, so "Apply this dry run" reads what was checked.
    dry_run_keep_hours: int = Field(default=24, ge=0)
