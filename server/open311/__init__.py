"""Open311 GeoReport v2 at /open311/v2: partners' apps and websites file and read requests."""
