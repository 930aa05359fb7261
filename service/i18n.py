"""Which language a page is shown in, and the language switcher's storage."""

from __future__ import annotations

from flask import current_app, request, session
from flask_login import current_user

SESSION_KEY = "lang"


def select_locale() -> str:
    """The session's choice, then the user's, then the browser's, then the unit's default."""
    languages = current_app.config["LANGUAGES"]
    chosen = session.get(SESSION_KEY)
    if chosen in languages:
        return str(chosen)
    if current_user.is_authenticated and current_user.locale in languages:
        return str(current_user.locale)
    browser = request.accept_languages.best_match(languages)
    if browser:
        return browser
    if current_user.is_authenticated:
        return str(current_user.unit.default_locale)
    return str(current_app.config["DEFAULT_LOCALE"])


LANGUAGE_NAMES = {"sv": "Svenska", "pl": "Polski", "en": "English"}
