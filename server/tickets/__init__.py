"""tickets feature."""
