"""What a user account's name and password must be: one rule for the admin window (which says
so before sending), the center's API and its create-user command (which refuse)."""

import re

USERNAME_CHARS = r"[A-Za-z0-9_.\-]"  # letters, digits, _ . - (typed on any keyboard, safe in URLs)
USERNAME_MAX = 64
USERNAME_PATTERN = re.compile(rf"^{USERNAME_CHARS}{{1,{USERNAME_MAX}}}$")
# The whole password rule (length and not a common password) is app/domain/passwords.py.
MIN_PASSWORD = 12
MAX_PASSWORD = 256
