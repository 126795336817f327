"""lifecycle feature: lifecycle actions pushed by seats, planned with app.domain.rules."""
