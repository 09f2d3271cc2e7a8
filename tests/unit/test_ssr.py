"""Server rendering's pure parts: the build patch, URL matching, head tags, injected states."""

import json
import re

import pytest

from orion_app.ssr.head import PageMeta, apply_head, with_lang
from orion_app.ssr.page_state import state_json
from orion_app.ssr.plugin import GeneratedCodeChanged, patch_context
from orion_app.ui.script import escape_for_script

CONTEXT = """import x from "y";
export const initialState = {"a": {"b_rx_state_": ""}};
export const initialStateHashes = ["1"];
function ClientStateProvider({ children }) {
  useEffect(() => store.mergeInitialState(initialState), [store, initialState]);
}
const serverStateStore = {
  dispatchers: {},
  getSnapshot: (substateName) => initialState[substateName],
  subscribe: () => () => {},
};
"""


def test_the_build_patch_reads_request_states_on_the_server_and_merges_them_in_the_browser():
    patched = patch_context(CONTEXT)
    assert "const request = globalThis.__orionSsrState?.();" in patched
    assert "{ ...initialState[substateName], ...request[substateName] }" in patched
    assert 'const compiledInitialState = {"a": {"b_rx_state_": ""}};' in patched
    assert "{ ...values, ...serverRendered[name] }" in patched
    assert 'window.dispatchEvent(new Event("orion:hydrated"))' in patched
    assert patch_context(patched) == patched  # a second compile step changes nothing


def test_the_build_stops_when_reflex_generated_other_code():
    with pytest.raises(GeneratedCodeChanged, match=r"reflex==0\.10\.1"):
        patch_context(CONTEXT.replace("getSnapshot: (substateName) => initialState[substateName],", ""))


def test_injected_states_cannot_close_the_script_element():
    hostile = {"s": {"title_rx_state_": "</script><script>alert(1)</script><!--", "x": "\u2028"}}
    text = escape_for_script(state_json(hostile))
    assert "</script" not in text and "<!--" not in text and "\u2028" not in text
    assert json.loads(text) == hostile


def test_head_tags_are_escaped_and_the_language_is_set():
    page = '<!DOCTYPE html><html lang="en"><head><meta content="favicon.ico" property="og:image"/></head><body></body></html>'
    meta = PageMeta(
        lang="fr",
        title='Tasse "double" <b>',
        canonical='https://shop.example/products/x?a="1"',
        alternates=[
            ("fr", "https://shop.example/products/x"),
            ("x-default", "https://shop.example/products/x"),
        ],
        description="Une <tasse>",
    )
    html = apply_head(page, meta, "<script>window.__ORION_STATE__={}</script>")
    assert html.startswith('<!DOCTYPE html><html lang="fr">')
    assert '<link rel="canonical" href="https://shop.example/products/x?a=&quot;1&quot;">' in html
    assert '<meta property="og:title" content="Tasse &quot;double&quot; &lt;b&gt;">' in html
    assert '<meta name="description" content="Une &lt;tasse&gt;">' in html
    assert "favicon.ico" not in html  # the build's placeholder image gave way
    assert html.index("window.__ORION_STATE__") < html.index("</head>")


def test_a_language_is_a_query_parameter_of_the_same_url():
    assert with_lang("https://s.example/products?category=cafe&page=2", "en") == (
        "https://s.example/products?category=cafe&page=2&lang=en"
    )
    assert with_lang("https://s.example/products?lang=de&page=2", "") == "https://s.example/products?page=2"


@pytest.mark.parametrize(
    ("path", "route", "params"),
    [
        (
            "/platforms/oms/storefront/cafe/products/tasse",
            "/platforms/[platform]/storefront/[store]/products/[slug]",
            {"platform": "oms", "store": "cafe", "slug": "tasse"},
        ),
        (
            "/platforms/oms/storefront/cafe/products",
            "/platforms/[platform]/storefront/[store]/products",
            {"platform": "oms", "store": "cafe"},
        ),
        (
            "/platforms/oms/storefront/cafe/",
            "/platforms/[platform]/storefront/[store]",
            {"platform": "oms", "store": "cafe"},
        ),
        ("/products/tasse", "/products/[slug]", {"slug": "tasse"}),
        ("/", "/", {}),
    ],
)
def test_public_pages_are_matched_by_dev_path_and_host_form(path, route, params):
    from orion_app.ssr.respond import match

    found = match(path)
    assert found is not None
    assert (found[0].path, found[1]) == (route, params)


@pytest.mark.parametrize(
    "path",
    [
        "/store/cafe/products",  # a merchant's dashboard: never rendered on the server
        "/admin/platforms",
        "/platforms/oms/storefront/cafe/products/tasse/",  # only a frontend's home has a slash
        "/platforms/oms/storefront/cafe/nothing/here/at/all",
    ],
)
def test_other_paths_are_left_to_reflex(path):
    from orion_app.ssr.respond import match

    assert match(path) is None


def test_injected_json_is_what_reflex_sends():
    text = state_json({"s": {"n_rx_state_": 1.5, "l_rx_state_": ["a"]}})
    assert re.fullmatch(r"\{.*\}", text) and json.loads(text)["s"]["l_rx_state_"] == ["a"]


BOOT_PAGE = (
    '<html><head><link rel="modulepreload" href="/assets/a.js"/></head><body><h1>x</h1>'
    '<script type="module" async="">import "/assets/manifest-1.js";\n'
    'window.__reactRouterRouteModules = {"root":route0};\nimport("/assets/entry.client-X.js");</script>'
    "</body></html>"
)


def test_the_app_starts_after_paint_and_records_early_taps():
    from orion_app.ssr.boot import defer_boot

    page = defer_boot(BOOT_PAGE)
    assert "modulepreload" not in page and '<script type="module"' not in page
    # `=>` is written `=\\u003e` inside the script's JSON string: same code, nothing to close a tag.
    assert 'import(\\"/assets/entry.client-X.js\\").then(() =\\u003e window.__orionBooted());' in page
    assert "document.addEventListener(type, record, true)" in page
    assert page.index("<h1>x</h1>") < page.index("const code")


def test_a_page_without_the_boot_script_is_left_alone():
    from orion_app.ssr.boot import defer_boot

    page = "<html><body><script>window.x = 1</script></body></html>"
    assert defer_boot(page) == page


def test_boot_code_is_escaped_inside_its_script_element():
    from orion_app.ssr.boot import defer_boot

    page = defer_boot(BOOT_PAGE.replace('import "/assets/manifest-1.js";', 'const s = "<!-- <b>";'))
    assert "<!--" not in page and "<b>" not in page
    assert "\\u003c!-- \\u003cb\\u003e" in page
