"""Data written inside a `<script>` element, such as a storefront's JSON-LD."""

import json

# Escaped so no data can close the element (`</script>`), open an HTML comment, or end a
# JavaScript line (U+2028/U+2029). They only occur inside JSON strings, where `\uXXXX`
# means the same character, so the output still parses to the same value.
_SCRIPT_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_json(value: object) -> str:
    """`value` as JSON that is safe to place between `<script>` and `</script>`."""
    return json.dumps(value, ensure_ascii=False).translate(_SCRIPT_ESCAPES)


def escape_for_script(json_text: str) -> str:
    """JSON text that is already serialised, made safe the same way as `script_json`."""
    return json_text.translate(_SCRIPT_ESCAPES)
