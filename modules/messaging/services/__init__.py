"""Messaging services: one concern per file (rendering, templates, sending, delivery, settings, outbox)."""
