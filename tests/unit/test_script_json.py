"""JSON inside a <script> element: a product title can never close the element."""

import json

from orion_app.ui.script import script_json

TITLE = "</script><script>alert(1)</script> Café & Thé \u2028 line \u2029 paragraph"
PRODUCT = {"@type": "Product", "name": TITLE, "offers": {"price": "4.50"}}


def test_a_hostile_product_title_leaves_no_markup_in_the_script_text():
    text = script_json(PRODUCT)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in text
    assert "\\u003c/script\\u003e" in text and "\\u0026" in text


def test_the_escaped_text_is_still_json_for_the_same_value():
    assert json.loads(script_json(PRODUCT)) == PRODUCT


def test_accented_letters_stay_readable():
    assert "Café" in script_json({"name": "Café"})
