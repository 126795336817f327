"""The local SQLite store: tickets, their timeline, the sync outbox, drafts and search."""
