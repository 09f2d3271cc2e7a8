"""CMS services: media library, themes, pages (plain functions taking a session)."""
