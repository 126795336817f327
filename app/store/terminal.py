"""Asking for the store's passphrase on a terminal (the command-line tools).

On a terminal the passphrase is typed without echo (a new one twice); from a pipe the first
line of standard input is read, so that a script on a keyring-less machine can pass it on.
"""

import getpass
import sys

from app.store.keys import PassphraseRequest


def terminal_prompt(request: PassphraseRequest) -> str | None:
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        return line.rstrip("\r\n") or None
    print(request.reason, file=sys.stderr)
    if request.retry:
        print("口令不正确，请重新输入。", file=sys.stderr)
    try:
        passphrase = getpass.getpass("设置工单库口令：" if request.new else "工单库口令：")
        if request.new and getpass.getpass("再输入一次：") != passphrase:
            print("两次输入的口令不一致。", file=sys.stderr)
            return None
    except (EOFError, KeyboardInterrupt):
        return None
    return passphrase


# The exit code of a command line whose store could not be unlocked (its reason on stderr).
STORE_LOCKED_EXIT = 4
