"""The central server of Hotline Desk: REST API and sync endpoint (FastAPI + SQLAlchemy)."""
