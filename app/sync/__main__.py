"""python -m app.sync once|status — operator commands (also used by tests and acceptance).

once:   one full push and pull; the last line is
        ``pushed=N pulled=N pending=N conflicts=N rejected=N``; exit 0 only if nothing is pending.
status: what waits in the local store, the cursor and the last successful sync.
"""

import argparse
import logging
import os
import sys
from pathlib import Path

from app.store.keys import StoreKeyError
from app.store.terminal import STORE_LOCKED_EXIT, terminal_prompt
from app.store.unlock import open_store
from app.sync.client import ApiClient
from app.sync.credentials import TokenStore
from app.sync.engine import SyncEngine, counts, get_state, set_state
from app.sync.errors import AuthRequired, SyncError


def _once(args: argparse.Namespace) -> int:
    data_dir = Path(args.data_dir)
    password = os.environ.get(args.password_env, "") if args.password_env else ""
    tokens = TokenStore()
    if tokens.notice:
        print(tokens.notice, file=sys.stderr)
    account = TokenStore.account(args.server, args.user)
    api = ApiClient(args.server, token=tokens.get(account), ca_bundle=args.ca_bundle,
                    connect_timeout=args.connect_timeout, read_timeout=args.read_timeout,
                    allow_plain_http=args.allow_http)
    with open_store(data_dir, prompt=terminal_prompt) as store:
        with store.session() as session, session.begin():
            set_state(session, "server_url", args.server)
            set_state(session, "username", args.user)
        engine = SyncEngine(store, api)
        code = 0
        report = None
        for attempt in range(2):
            try:
                if api.token is None:
                    if not password:
                        raise AuthRequired(f"需要登录：请在环境变量 {args.password_env or '(未指定)'} 中提供密码。")
                    tokens.set(account, api.login(args.user, password).token)
                report = engine.sync_once()
                break
            except AuthRequired as error:
                tokens.delete(account)
                api.token = None
                if attempt or not password:
                    print(str(error), file=sys.stderr)
                    code = 3
                    break
            except SyncError as error:
                print(str(error), file=sys.stderr)
                code = 1
                break
        with store.session() as session:
            now = counts(session)
        if report is not None:
            print(report.line())
        else:
            print(f"pushed=0 pulled=0 pending={now.pending} conflicts={now.conflicts} rejected={now.rejected}")
    api.close()
    if code:
        return code
    return 0 if now.pending == 0 else 2


def _status(args: argparse.Namespace) -> int:
    with open_store(Path(args.data_dir), prompt=terminal_prompt) as store, store.session() as session:
        now = counts(session)
        print(f"中心服务器：{get_state(session, 'server_url') or '（未设置）'}")
        print(f"上次成功同步（UTC）：{get_state(session, 'last_sync_at') or '从未'}")
        print(f"同步位置：{get_state(session, 'cursor', '0')}")
        print(f"pending={now.pending} conflicts={now.conflicts} rejected={now.rejected}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.sync", description="与中心同步工单")
    sub = parser.add_subparsers(dest="command", required=True)
    once = sub.add_parser("once", help="推送并拉取一次")
    once.add_argument("--data-dir", required=True)
    once.add_argument("--server", required=True, help="如 https://12345.example.gov.cn:8345（本机可用 http://127.0.0.1:8345）")
    once.add_argument("--allow-http", action="store_true",
                      help="允许以未加密的 http 连接其他机器上的中心（仅限封闭内网）")
    once.add_argument("--user", required=True)
    once.add_argument("--password-env", default="", help="存放密码的环境变量名")
    once.add_argument("--ca-bundle", default=None, help="自签证书时指定 CA 证书文件")
    once.add_argument("--connect-timeout", type=float, default=5.0)
    once.add_argument("--read-timeout", type=float, default=30.0)
    status = sub.add_parser("status", help="查看待同步数量")
    status.add_argument("--data-dir", required=True)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    try:
        return _once(args) if args.command == "once" else _status(args)
    except StoreKeyError as error:
        print(str(error), file=sys.stderr)
        return STORE_LOCKED_EXIT


if __name__ == "__main__":
    sys.exit(main())
