"""Server rendering of public pages: content in the first HTML response (docs/storefront.md)."""
