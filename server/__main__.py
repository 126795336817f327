"""python -m server [serve|create-user|migrate|purge|open311-key] — the central server's commands."""

import argparse
import logging
import os
import sys
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.accounts import USERNAME_MAX, USERNAME_PATTERN
from app.domain.roles import Role
from app.sync.protocol import ReferenceKind
from server.config import ServerSettings

if TYPE_CHECKING:
    from server.db import Database


def _settings(args: argparse.Namespace) -> ServerSettings:
    overrides: dict[str, object] = {}
    if args.data_dir:
        overrides["data_dir"] = Path(args.data_dir)
    if args.database_url:
        overrides["database_url"] = args.database_url
    if getattr(args, "host", None):
        overrides["host"] = args.host
    if getattr(args, "port", None):
        overrides["port"] = args.port
    if getattr(args, "debug", False):
        overrides["debug"] = True
    for name in ("ssl_certfile", "ssl_keyfile"):
        if getattr(args, name, None):
            overrides[name] = Path(getattr(args, name))
    if getattr(args, "reference_dir", None):
        overrides["reference_dir"] = Path(args.reference_dir)
    return ServerSettings(**overrides)  # type: ignore[arg-type]


def is_loopback(host: str) -> bool:
    from app.sync.transport import is_loopback_host

    return is_loopback_host(host)


def tls_problem(settings: ServerSettings) -> str | None:
    """Why the TLS options cannot start a server, in the operator's words; None when fine."""
    certfile, keyfile = settings.ssl_certfile, settings.ssl_keyfile
    if (certfile is None) != (keyfile is None):
        return "启用 https 需要同时给出 --ssl-certfile（证书）和 --ssl-keyfile（私钥）。"
    for option, path in (("--ssl-certfile", certfile), ("--ssl-keyfile", keyfile)):
        if path is not None and not path.is_file():
            return f"{option} 指定的文件 {path} 不存在或不是文件。"
    if certfile is not None and keyfile is not None:
        import ssl

        try:
            # No prompt for an encrypted key: it fails here, with the message below.
            ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(certfile, keyfile, password=lambda: b"")
        except (ssl.SSLError, OSError) as error:
            return f"证书 {certfile} 和私钥 {keyfile} 无法使用（{error.__class__.__name__}）：请确认二者为 PEM 格式且相互匹配。"
    return None


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", help="数据目录（默认 data/server，SQLite）")
    parser.add_argument("--database-url", help="如 postgresql+psycopg://user@host/db；也可用 HOTLINE_DATABASE_URL")
    parser.add_argument("--reference-dir", help="首次启动导入的参考数据目录")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m server", description="热线座席工作台中心服务")
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser("serve", help="启动服务（默认）")
    _common(serve)
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--debug", action="store_true", help="提供 /api/v1/docs 交互式文档")
    serve.add_argument("--ssl-certfile", help="TLS 证书文件（PEM）；与 --ssl-keyfile 一起启用 https")
    serve.add_argument("--ssl-keyfile", help="TLS 私钥文件（PEM）")
    user = sub.add_parser("create-user", help="新建账号")
    _common(user)
    user.add_argument("--username", required=True)
    user.add_argument("--role", required=True, choices=[r.value for r in Role])
    user.add_argument("--unit", default="", help="承办单位名称（role=unit 时必填）")
    user.add_argument("--display-name", default="")
    user.add_argument("--password-env", required=True, help="存放密码的环境变量名")
    migrate = sub.add_parser("migrate", help="只升级数据库结构")
    _common(migrate)
    purge = sub.add_parser("purge", help="清理过期的删除记录")
    _common(purge)
    key = sub.add_parser("open311-key", help="为 Open311 合作方签发密钥（最后一行即密钥），或停用")
    _common(key)
    key.add_argument("--name", help="合作方名称")
    key.add_argument("--channel", default="App", choices=["网站", "App"], help="其诉求的受理渠道")
    key.add_argument("--rate-per-minute", type=int, help="该密钥每分钟最多请求数（默认取服务设置，60）")
    key.add_argument("--revoke", action="store_true", help="停用该合作方的全部密钥")
    key.add_argument("--list", action="store_true", help="列出合作方与密钥状态（不显示密钥）")
    link = sub.add_parser("link", help="平台互联：add 新增、list 列出、remove 停用上下级平台链接")
    _common(link)
    link.add_argument("action", choices=["add", "list", "remove"])
    link.add_argument("--name", help="平台名称，如 梁园区12345平台")
    link.add_argument("--kind", choices=["parent", "child"], help="parent 上级（转来工单）/ child 下级（转办给它）")
    link.add_argument("--url", default="", help="下级平台中心的地址，如 https://county.example/")
    link.add_argument("--account", default="", help="我方在对方中心的服务账号（转办、反馈时用它登录）")
    link.add_argument("--password-env", default="", help="存放该服务账号密码的环境变量名（密码不落盘）")
    link.add_argument("--peer-account", default="", help="对方在本中心的服务账号（本中心的用户）")
    link.add_argument("--channel", default="", help="上级平台转来工单的受理渠道，如 省平台")
    deliver = sub.add_parser("platform-deliver", help="立即向下级平台投递到期的转办")
    _common(deliver)
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (arguments[0].startswith("-") and arguments[0] not in ("-h", "--help")):
        arguments = ["serve", *arguments]  # serving is the default command
    args = parser.parse_args(arguments)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    settings = _settings(args)

    from server.main import create_app, prepare_database

    if args.command == "serve":
        import uvicorn

        if (problem := tls_problem(settings)) is not None:
            print(problem, file=sys.stderr)
            return 2
        database = prepare_database(settings)
        app = create_app(settings, database)
        if settings.platform_deliver_seconds > 0:
            from server.platform.worker import start_delivery

            start_delivery(database, settings.platform_deliver_seconds)
        tls = settings.ssl_certfile is not None
        print(f"中心服务运行于 {'https' if tls else 'http'}://{settings.host}:{settings.port}/api/v1", flush=True)
        if not tls and not is_loopback(settings.host):
            print(f"注意：{settings.host} 上的服务未加密（http），密码、令牌和市民信息会以明文经过网络。"
                  "请用 --ssl-certfile/--ssl-keyfile 启用 https，或只监听 127.0.0.1 并由反向代理提供 https。",
                  file=sys.stderr, flush=True)
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="info",
                    access_log=settings.debug, server_header=False,
                    ssl_certfile=str(settings.ssl_certfile) if tls else None,
                    ssl_keyfile=str(settings.ssl_keyfile) if settings.ssl_keyfile else None)
        return 0

    database = prepare_database(settings)
    if args.command == "create-user":
        from server.auth.service import create_user
        from server.reference.service import put_item, unit_problem
        from server.sync.service import allocate_seqs

        if not USERNAME_PATTERN.match(args.username):
            print(f"用户名只能用英文字母、数字和 _ . -，最长 {USERNAME_MAX} 个字符。", file=sys.stderr)
            return 2
        password = os.environ.get(args.password_env, "")
        if not password:
            print(f"环境变量 {args.password_env} 中没有密码，请设置后重试。", file=sys.stderr)
            return 2
        role = Role(args.role)
        try:
            with database.write_session() as session, session.begin():
                if role is Role.UNIT and (problem := unit_problem(session, args.unit)):
                    print(problem, file=sys.stderr)
                    return 2
                created = create_user(session, username=args.username, role=role, password=password,
                                      unit=args.unit, display_name=args.display_name)
                put_item(session, ReferenceKind.USER, created.username, {
                    "display_name": created.display_name, "role": created.role, "unit": created.unit,
                }, allocate_seqs)
        except ValueError as error:
            print(str(error), file=sys.stderr)
            return 2
        except Exception as error:  # a duplicate username
            if "unique" in str(error).lower() or "duplicate" in str(error).lower():
                print(f"用户名 {args.username} 已存在，请换一个。", file=sys.stderr)
                return 2
            raise
        print(f"已创建账号 {args.username}（{role.value}）")
        return 0
    if args.command == "purge":
        from server.sync.service import purge_tombstones, utc_now

        with database.write_session() as session, session.begin():
            count = purge_tombstones(
                session, older_than=utc_now() - timedelta(days=settings.tombstone_retention_days))
        print(f"已清理 {count} 条过期删除记录")
        return 0
    if args.command == "open311-key":
        return _open311_key(args, database)
    if args.command == "link":
        return _link(args, database)
    if args.command == "platform-deliver":
        from server.platform.service import deliver_due

        done = deliver_due(database)
        print(f"sent={done.sent} answered={done.answered} failed={done.failed}")
        return 0 if not done.failed else 1
    print("数据库已升级到最新结构")
    return 0


def _link(args: argparse.Namespace, database: "Database") -> int:
    from server.platform import service as platform

    if args.action == "list":
        with database.read_session() as session, session.begin():
            for item in platform.list_links(session):
                shown = platform.link_dict(item)
                print("\t".join(str(shown[k]) for k in ("name", "kind", "url", "account",
                                                        "password_env", "peer_account", "channel",
                                                        "active")))
        return 0
    if not args.name:
        print("请用 --name 指定平台名称。", file=sys.stderr)
        return 2
    if args.action == "remove":
        with database.write_session() as session, session.begin():
            removed = platform.remove_link(session, name=args.name)
        print(f"已停用平台链接 {args.name}" if removed else f"没有有效的平台链接 {args.name}")
        return 0 if removed else 1
    try:
        with database.write_session() as session, session.begin():
            platform.add_link(session, name=args.name, kind=args.kind or "", url=args.url,
                              account=args.account, password_env=args.password_env,
                              peer_account=args.peer_account, channel=args.channel)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 2
    print(f"已新增平台链接 {args.name}（{args.kind}）")
    return 0


def _open311_key(args: argparse.Namespace, database: "Database") -> int:
    from server.open311 import service as open311

    if args.list:
        with database.read_session() as session, session.begin():
            for item in open311.list_keys(session):
                state = f"停用于 {item.revoked_at:%Y-%m-%d %H:%M}" if item.revoked_at else "有效"
                print(f"{item.partner}\t{item.channel}\t签发于 {item.created_at:%Y-%m-%d %H:%M}\t{state}")
        return 0
    if not args.name:
        print("请用 --name 指定合作方名称。", file=sys.stderr)
        return 2
    if args.revoke:
        with database.write_session() as session, session.begin():
            count = open311.revoke_keys(session, partner=args.name)
        print(f"已停用合作方 {args.name} 的 {count} 个密钥")
        return 0 if count else 1
    try:
        with database.write_session() as session, session.begin():
            key = open311.create_key(session, partner=args.name, channel=args.channel,
                                     rate_per_minute=args.rate_per_minute)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 2
    # Shown once: only its hash is kept. The last line is the key alone, for scripts.
    print(f"已为合作方 {args.name} 签发 Open311 密钥（渠道：{args.channel}）；请妥善转交，中心只保存其摘要：")
    print(key)
    return 0


if __name__ == "__main__":
    sys.exit(main())
