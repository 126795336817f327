"""sync feature."""
