"""orion_app/speed.py: which routes get the public pages' own code chunk, and the stylesheet edit
(Radix's split files) and the root edit (no lazy Radix loader) fail loudly when Reflex's generated text changes."""

from types import SimpleNamespace

import pytest

from orion_app import speed

STYLES = "@layer __reflex_base;\n@import url('./__reflex_style_reset.css');\n" + speed.RADIX_ALL + "\n"


def test_only_public_routes_get_the_public_chunk():
    routes = speed.public_routes()
    assert "platforms/[platform]/storefront/[store]/products/[slug]" in routes
    assert "platforms/[platform]/storefront/[store]/products" in routes
    assert "platforms/[platform]/storefront/[store]" in routes
    assert "platforms/[platform]/pricing" in routes  # the platform's public site
    assert "platforms/[platform]" in routes
    assert "" in routes  # `/`: a storefront's home or the platform's, both public
    assert not any(r.startswith(("admin", "store/")) for r in routes), routes


def test_radix_css_is_split_into_the_used_colours():
    css = speed.lean_radix_css(STYLES)
    assert speed.RADIX_ALL not in css
    assert "@import url('@radix-ui/themes/tokens/base.css');" in css
    assert "@import url('@radix-ui/themes/tokens/colors/teal.css');" in css
    assert "@import url('@radix-ui/themes/components.css');" in css
    assert "colors/ruby.css" not in css
    with pytest.raises(RuntimeError, match=r"styles\.css"):
        speed.lean_radix_css("@import url('./other.css');")


def test_root_loses_only_the_radix_loader():
    root = "  const loaders = {\n" + speed.RADIX_LOADER + "  };\n"
    assert speed.no_radix_loader(root) == "  const loaders = {\n  };\n"
    with pytest.raises(RuntimeError, match="Radix Themes loader"):
        speed.no_radix_loader("  const loaders = {\n  };\n")


@pytest.mark.parametrize(
    ("route", "lean", "module"),
    [
        ("platforms/[platform]/storefront/[store]/products/[slug]", "1", speed.PUBLIC_MODULE),
        ("admin/users", "1", "orion_app.orion_app"),
        ("platforms/[platform]/storefront/[store]/products/[slug]", "0", "orion_app.orion_app"),
    ],
)
def test_storefront_pages_compile_into_their_own_module(monkeypatch, route, lean, module):
    monkeypatch.setenv("ORION_LEAN_BUILD", lean)
    page = SimpleNamespace(route=route, source_module="orion_app.orion_app")
    speed.PublicSplitPlugin().enter_component(object(), page_context=page, compile_context=None)
    assert page.source_module == module
