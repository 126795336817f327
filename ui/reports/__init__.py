"""Supervisor reports: the dashboard widget, its models, charts and PDF export."""
