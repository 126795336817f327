"""admin feature: users, units, categories and holidays through the server."""
