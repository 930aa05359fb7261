"""Settings: defaults, then the environment, then what the caller passes (tests)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

from service.clock import configured_zone

LANGUAGES = ("sv", "pl", "en")
ENVIRONMENTS = ("production", "development", "testing")


class ConfigError(RuntimeError):
    """The service cannot start with these settings; the message says what to set."""


def default_database_url(instance_path: str) -> str:
    """SQLite in the instance folder: the embedded default."""
    return f"sqlite:///{Path(instance_path) / 'stegvis.sqlite3'}"


def load_config(instance_path: str, overrides: dict[str, Any] | None) -> dict[str, Any]:
    """Build the settings dict and check it; raises ConfigError with a clear message."""
    overrides = dict(overrides or {})
    env = overrides.get("STEGVIS_ENV") or os.environ.get("STEGVIS_ENV", "production")
    if overrides.get("TESTING"):
        env = "testing"
    if env not in ENVIRONMENTS:
        raise ConfigError(f"STEGVIS_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env!r}.")

    config: dict[str, Any] = {
        "STEGVIS_ENV": env,
        "TESTING": env == "testing",
        "DEBUG": False,
        "SECRET_KEY": os.environ.get("SECRET_KEY"),
        "DATABASE_URL": os.environ.get("DATABASE_URL") or default_database_url(instance_path),
        "DEFAULT_LOCALE": os.environ.get("DEFAULT_LOCALE", "sv"),
        "LANGUAGES": LANGUAGES,
        "BABEL_TRANSLATION_DIRECTORIES": str(Path(__file__).resolve().parent.parent / "locales"),
        "BABEL_DEFAULT_TIMEZONE": configured_zone(),
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env == "production",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "WTF_CSRF_TIME_LIMIT": None,
        # Security (service/security.py): 8 h sessions, 30 min idle, warned 2 min before.
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=8),
        # The cookie is written when the session changes (its last-seen time moves every 15 s
        # of activity: service/security.py), not signed and sent again on every page.
        "SESSION_REFRESH_EACH_REQUEST": False,
        "SESSION_IDLE_TIMEOUT": timedelta(minutes=30),
        "SESSION_WARNING_BEFORE": timedelta(minutes=2),
        "MAX_FORM_MEMORY_SIZE": 512 * 1024,
        "MAX_FORM_PARTS": 1000,
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_KEY_PREFIX": "stegvis",
        # Failed sign-ins (wrong password or code) per account and, higher, per address;
        # successful ones do not count. The test suite fails logins on purpose from one
        # address; the limit tests lower these.
        "LOGIN_ACCOUNT_LIMIT": "10000 per minute" if env == "testing" else "5 per minute",
        "LOGIN_ADDRESS_LIMIT": "10000 per minute" if env == "testing" else "30 per minute",
        # Proxies in front of the service whose X-Forwarded-For/-Proto are trusted (ProxyFix);
        # 0: the headers are ignored and the connecting address is the client's.
        "TRUSTED_PROXY_HOPS": os.environ.get("TRUSTED_PROXY_HOPS", "0"),
        # How long a set-password link works, and how long the step between the password and
        # the two-factor code may take.
        "PASSWORD_LINK_LIFETIME": timedelta(hours=24),
        "TWO_FACTOR_STEP_LIFETIME": timedelta(minutes=5),
        # Setting up the app (installing it first, perhaps) may take longer than typing a code.
        "ENROLMENT_STEP_LIFETIME": timedelta(minutes=30),
        "STEGVIS_DATA_KEYS": os.environ.get("STEGVIS_DATA_KEYS"),
        "STEGVIS_INDEX_KEY": os.environ.get("STEGVIS_INDEX_KEY"),
        # Public verification of printed documents (service/documents/verification.py).
        "STEGVIS_VERIFY_KEY": os.environ.get("STEGVIS_VERIFY_KEY"),
        "VERIFY_RATE_LIMIT": "10000 per minute" if env == "testing" else "30 per minute",
        # PDF conversions on shared `stegvis worker` processes (service/documents/pdf_cache.py).
        "REDIS_URL": os.environ.get("REDIS_URL"),
        # Case and step pages kept per process under their revisions (service/page_cache.py).
        "PAGE_CACHE": os.environ.get("STEGVIS_PAGE_CACHE", "on") != "off",
    }
    config.update(overrides)
    config["STEGVIS_ENV"] = env

    if not config["SECRET_KEY"]:
        if env == "production":
            raise ConfigError(
                "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
                "value (e.g. `python -c 'import secrets; print(secrets.token_hex(32))'`), or set "
                "STEGVIS_ENV=development to run locally."
            )
        config["SECRET_KEY"] = f"stegvis-{env}-only-key"
    if config["DEFAULT_LOCALE"] not in LANGUAGES:
        raise ConfigError(
            f"DEFAULT_LOCALE must be one of {', '.join(LANGUAGES)}, "
            f"not {config['DEFAULT_LOCALE']!r}."
        )
    config["BABEL_DEFAULT_LOCALE"] = config["DEFAULT_LOCALE"]
    config["TRUSTED_PROXY_HOPS"] = _proxy_hops(config["TRUSTED_PROXY_HOPS"])
    return config


def _proxy_hops(value: Any) -> int:
    """The number of trusted proxies: a whole number from 0 to 5."""
    text = str(value).strip()
    if not text.isdigit() or int(text) > 5:
        raise ConfigError(
            f"TRUSTED_PROXY_HOPS must be the number of proxies in front of the service "
            f"(0 to 5; 0 when clients connect directly), not {value!r}."
        )
    return int(text)


#: Shortest verification key accepted (characters of each comma-separated key).
MIN_VERIFY_KEY_LENGTH = 32


def check_verify_key(config: dict[str, Any], env: str) -> None:
    """``STEGVIS_VERIFY_KEY``: required in production, long enough; a fixed one elsewhere.

    Checked after the data keys (service/security.py), so each missing setting is named in turn.
    """
    value = config.get("STEGVIS_VERIFY_KEY")
    if not value:
        if env == "production":
            raise ConfigError(
                "STEGVIS_VERIFY_KEY is not set. It makes the codes in the QR codes and "
                "verification links printed on documents. Set it to a long random value (e.g. "
                "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`) and keep it as "
                "long as the documents: printed codes made with a lost key no longer open. Or "
                "set STEGVIS_ENV=development to run locally."
            )
        config["STEGVIS_VERIFY_KEY"] = f"stegvis-{env}-only-verification-key-not-secret"
        return
    keys = [key.strip() for key in str(value).split(",")]
    if env == "production" and any(len(key) < MIN_VERIFY_KEY_LENGTH for key in keys):
        raise ConfigError(
            f"Every key in STEGVIS_VERIFY_KEY must be at least {MIN_VERIFY_KEY_LENGTH} "
            "characters long (e.g. `python -c 'import secrets; print(secrets.token_urlsafe(32))'`)."
        )
