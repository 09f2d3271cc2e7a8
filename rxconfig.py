"""Reflex configuration: the app is `orion_app`; the database URL comes from the environment."""

import os

import reflex as rx

config = rx.Config(
    app_name="orion_app",
    db_url=os.environ.get("DATABASE_URL", "sqlite:///orion.db"),
    telemetry_enabled=False,
    show_built_with_reflex=False,
    disable_plugins=[rx.plugins.SitemapPlugin],
    plugins=[
        rx.plugins.RadixThemesPlugin(theme=rx.theme(accent_color="teal", gray_color="slate", radius="medium"))
    ],
)
