"""Which center addresses a seat may talk to: https anywhere, plain http only on this machine
(or where the seat's settings say so explicitly, for a closed test network)."""

import ipaddress
from urllib.parse import urlsplit

from app.sync.errors import InsecureTransport


def is_loopback_host(host: str) -> bool:
    """localhost, 127.0.0.0/8 or ::1: traffic that never leaves this machine."""
    name = host.strip().strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_transport(base_url: str, *, allow_plain_http: bool) -> None:
    """Raise InsecureTransport when ``base_url`` would carry secrets in clear."""
    parts = urlsplit(base_url.strip())
    scheme = parts.scheme.lower()
    if scheme == "https":
        return
    if scheme != "http":
        raise InsecureTransport(
            f"中心地址“{base_url}”应以 https:// 开头（如 https://12345.example.gov.cn:8345）。")
    if allow_plain_http or is_loopback_host(parts.hostname or ""):
        return
    from app.settings import Settings  # the setting's own title, declared once there

    raise InsecureTransport(
        f"中心地址 {base_url} 未加密（http）：账号密码、登录令牌和市民的电话会以明文经过网络，"
        f"没有发送。请向管理员要 https:// 开头的地址；确需在封闭内网中使用 http 时，"
        f"请在“同步 → 设置…”中勾选“{Settings.titles()['allow_plain_http']}”。")
