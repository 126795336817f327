"""Links between centers (省、市、县三级互联互通): tickets transferred down, delivered exactly once."""
