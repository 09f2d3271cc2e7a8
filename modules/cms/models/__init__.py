"""CMS tables: the media library and store themes (`media.py`), content pages and their
revisions (`pages.py`). Imported as one `models` module by migrations and the registry."""

from modules.cms.models.media import *  # noqa: F403
from modules.cms.models.pages import *  # noqa: F403
