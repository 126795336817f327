"""Hotline Desk core: domain rules, local store, sync, assistant and reports. Never imports Qt."""
