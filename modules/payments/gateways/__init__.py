"""Gateways: what payments asks of a payment provider, as plain dataclasses (see base.py)."""
