"""Settings: defaults, then the environment, then what the caller passes (tests)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

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
        "BABEL_DEFAULT_TIMEZONE": os.environ.get("STEGVIS_TIMEZONE", "Europe/Stockholm"),
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env == "production",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "WTF_CSRF_TIME_LIMIT": None,
        # Security (service/security.py): 8 h sessions, 30 min idle, warned 2 min before.
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=8),
        "SESSION_IDLE_TIMEOUT": timedelta(minutes=30),
        "SESSION_WARNING_BEFORE": timedelta(minutes=2),
        "MAX_FORM_MEMORY_SIZE": 512 * 1024,
        "MAX_FORM_PARTS": 1000,
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_KEY_PREFIX": "stegvis",
        # The test suite logs in hundreds of times from one address; limit tests lower it.
        "LOGIN_RATE_LIMIT": "10000 per minute" if env == "testing" else "10 per minute",
        "STEGVIS_DATA_KEYS": os.environ.get("STEGVIS_DATA_KEYS"),
        "STEGVIS_INDEX_KEY": os.environ.get("STEGVIS_INDEX_KEY"),
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
    return config
