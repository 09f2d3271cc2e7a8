"""Tenancy services: every function takes a session and the acting user's scope."""
