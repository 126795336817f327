"""Server settings, declared once with their defaults (pydantic-settings, env prefix HOTLINE_)."""

from functools import cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from app.reference import REFERENCE_DIR

DEFAULT_DATA_DIR = Path("data/server")
SQLITE_FILENAME = "hotline-server.sqlite3"


class ServerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HOTLINE_", extra="ignore")

    data_dir: Path = Field(default=DEFAULT_DATA_DIR, description="数据目录（SQLite 默认库所在）")
    database_url: str = Field(default="", description="数据库地址；空则用数据目录中的 SQLite")
    host: str = "127.0.0.1"
    port: int = 8345
    debug: bool = Field(default=False, description="调试模式：提供交互式接口文档")
    # TLS by uvicorn itself; or leave both empty and put the server behind a reverse proxy
    # (nginx, Caddy) that terminates TLS and forwards to 127.0.0.1.
    ssl_certfile: Path | None = Field(default=None, description="TLS 证书文件（PEM，含中间证书）")
    ssl_keyfile: Path | None = Field(default=None, description="TLS 私钥文件（PEM）")
    city_prefix: str = Field(default="SQ", description="正式工单号的城市前缀")
    token_idle_minutes: int = Field(default=8 * 60, description="令牌闲置失效（分钟）")
    token_absolute_hours: int = Field(default=7 * 24, description="令牌绝对失效（小时）")
    login_max_failures: int = Field(default=5, description="同一账号同一地址连续失败多少次后限流")
    login_block_max_seconds: int = Field(default=15 * 60, description="限流最长等待（秒）")
    login_unknown_per_address: int = Field(default=20, description="同一地址用不存在的用户名登录失败多少次后限流")
    login_unknown_overall: int = Field(default=200, description="全中心用不存在的用户名登录失败多少次后限流（窗口内）")
    tombstone_retention_days: int = Field(default=30, description="删除记录保留天数")
    reference_dir: Path = Field(default=REFERENCE_DIR, description="首次启动时导入的参考数据目录")
    open311_rate_per_minute: int = Field(default=60, description="每个 Open311 合作方密钥每分钟最多请求数")
    platform_deliver_seconds: float = Field(
        default=5.0, description="向下级平台投递转办的间隔（秒）；0 则不在服务进程中投递")
    max_push_batch: int = 1000
    clock_skew_seconds: int = Field(default=300, description="座席时钟可比中心快多少秒；更快的时间被拒收")
    offline_limit_days: int = Field(default=30, description="座席离线提交的期限（天）；更早的时间被拒收")
    max_body_mb: int = Field(default=16, description="一个请求体的上限（MB）；更大的请求答 413")
    max_pull_limit: int = 2000
    # Test hooks are compiled in but only switched on by this variable (never in production).
    test_hooks: bool = False

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / SQLITE_FILENAME).resolve()}"


@cache
def get_settings() -> ServerSettings:
    return ServerSettings()
