"""The ticket and its rules, shared by the desktop client and the server."""
