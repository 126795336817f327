"""Sync with the central server: REST adapter, sync engine, token storage (Qt-free)."""
