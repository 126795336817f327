"""Smart assistant for the seat: Qt-free models and rules behind the sidebar."""
