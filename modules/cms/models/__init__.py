"""CMS tables: the media library and store themes (`media.py`), content pages and their
revisions (`pages.py`). Imported as one `models` module by migrations and the registry."""

from modules.cms.models.media import *  # noqa: F403
from modules.cms.models.media import CmsMedia, StoreTheme
from modules.cms.models.pages import *  # noqa: F403
from modules.cms.models.pages import CmsPage, CmsPageText
from orion_app.access_cache import watch_models

# Every backend process caches the public site's menus and each store's look (scope "cms");
# a commit touching what they are read from tells them all. Revisions, alt texts and media
# usage are not read by either (restoring a revision writes the page and its texts).
watch_models((CmsPage, CmsPageText, CmsMedia, StoreTheme), scope="cms")
