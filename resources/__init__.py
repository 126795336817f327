"""The application's data files (reference data, the assistant's rules and prior, demo texts,
translations), shipped as package data; found through ``app.resources.resource_path``."""
