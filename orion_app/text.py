"""One way to fold text for search: accent-blind and case-blind.

Searchable text is stored folded and queries are folded the same way before they are
compared, so "José", "jose" and "JOSÉ" meet, and so do "Straße" and "strasse" (customers'
directory, the merchant's order list).
"""

import unicodedata


def fold(text: str) -> str:
    """Without accents, case-folded, single-spaced: 'Zoë Straße' -> 'zoe strasse'."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())
