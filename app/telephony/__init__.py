"""Calls at the seat: the call model, its record in the seat's store, the adapters that feed it."""
