"""The admin's set-up views, Qt-free: the center's /admin and /audit endpoints, and the reference
data the center last sent this seat."""
