"""Redirect targets: only paths on this site survive, however they are encoded."""

import pytest

from orion_app.redirects import safe_next

FALLBACK = "/fallback/"

LEAVING_THE_SITE = [
    "//x",
    "/\\x",
    "/%5Cx",
    "/%5cx",
    "/%09/x",
    "/%0d%0a/x",
    "\\\\x",
    "\\x",
    "javascript:alert(1)",
    "JaVaScRiPt:x",
    "http://x",
    "https:x",
    "/%2F/x",
    "/%252F%252Fx",
    " /x",
    "/\t/x",
    "/%00/x",
    "/%25252525252F/x",
    "",
    None,
    "x/y",
]

ON_THE_SITE = [
    "/admin/",
    "/store/cafe-lux/products?q=a%20b",
    "/platforms/oms/storefront/cafe-lux/",
]


@pytest.mark.parametrize("target", LEAVING_THE_SITE)
def test_a_target_that_could_lead_off_the_site_gives_the_fallback(target):
    assert safe_next(target, FALLBACK) == FALLBACK


@pytest.mark.parametrize("target", ON_THE_SITE)
def test_a_path_on_this_site_is_kept_as_written(target):
    assert safe_next(target, FALLBACK) == target


def test_sign_in_still_finds_safe_next_beside_the_form_helpers():
    from orion_app.ui.forms import safe_next as from_forms

    assert from_forms is safe_next
