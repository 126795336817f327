"""The password rule: one definition for the center, the admin pages and the desk.

At least 12 characters, at most 256, and not a common password. "Common" is decided by zxcvbn
(Dropbox's estimator, maintained on PyPI), never by a list of our own: its 30,000 most used
passwords taken from real leaks, and anything it can guess in under a million tries (a common
password with digits after it, a keyboard row, a repeat, the user's own name).
"""

from app.domain.accounts import MAX_PASSWORD, MIN_PASSWORD
from app.messages import Message, Text

MIN_LENGTH = MIN_PASSWORD
MAX_LENGTH = MAX_PASSWORD
# zxcvbn's score 2 starts at 10^6 guesses: "somewhat guessable", safe against online guessing
# through a throttled login; below it a password falls to a short dictionary run.
MIN_GUESSES = 1_000_000
_ESTIMATED_PREFIX = 72  # zxcvbn refuses longer input; a longer password is judged by its start

TOO_SHORT = Text("passwords.too_short",
                 "密码至少 {minimum} 个字符（现在 {length} 个）：可以用几个词加数字组成一句好记的话。")
TOO_LONG = Text("passwords.too_long", "密码最多 {maximum} 个字符。")
BLANK = Text("passwords.blank", "密码不能全是空格。")
COMMON = Text("passwords.common", "这是常见密码，很容易被猜中：请换一个。")
GUESSABLE = Text("passwords.guessable",
                 "这个密码很容易被猜中（常见密码、键盘上连着的键、重复的字符或用户名）：请换一个。")


def password_problem(password: str, *, username: str = "", display_name: str = "") -> Message | None:
    """Why ``password`` may not be used, in the user's words; None when it may."""
    if len(password) < MIN_LENGTH:
        return TOO_SHORT(minimum=MIN_LENGTH, length=len(password))
    if len(password) > MAX_LENGTH:
        return TOO_LONG(maximum=MAX_LENGTH)
    if not password.strip():
        return BLANK()
    # Imported here: its word lists take ~0.1 s to load, paid only when a password is set.
    from zxcvbn import zxcvbn
    from zxcvbn.matching import RANKED_DICTIONARIES

    if password.lower() in RANKED_DICTIONARIES["passwords"]:
        return COMMON()
    hints = [hint for hint in (username, display_name) if hint]
    estimate = zxcvbn(password[:_ESTIMATED_PREFIX], user_inputs=hints)
    if float(estimate["guesses"]) < MIN_GUESSES:
        return GUESSABLE()
    return None
