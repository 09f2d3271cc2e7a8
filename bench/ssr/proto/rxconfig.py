import reflex as rx

config = rx.Config(
    app_name="proto",
    telemetry_enabled=False,
    plugins=[],
    disable_plugins=["reflex.plugins.sitemap.SitemapPlugin"],
)
