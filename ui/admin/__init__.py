"""The admin's set-up views: users and roles, units, categories, holidays, the audit log."""
