"""Ticket services: capture, edit, timeline, queue queries, import and export."""
