"""reference feature."""
