"""Catalog services: products, categories, media and the storefront's read side."""
