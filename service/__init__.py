"""Stegvis: guided intake, assessment and individual plans for social work."""

from __future__ import annotations

import gc
import logging
from pathlib import Path
from typing import Any

from flask import Flask

from service.config import load_config


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the application: defaults, then environment, then ``config`` (tests)."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(load_config(app.instance_path, config))
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    _configure_logging(app)
    _configure_methods(app)
    _configure_security(app)
    _configure_extensions(app)
    _configure_blueprints(app)
    _configure_templates(app)
    _configure_commands(app)
    _configure_gc(app)
    return app


#: Requests a process serves before what they built (compiled templates, parsed methods and
#: forms, cached catalogs) is moved out of the cyclic garbage collector's reach.
GC_FREEZE_AFTER = 50


def _configure_gc(app: Flask) -> None:
    """Keep the cyclic garbage collector off the long-lived objects (gunicorn worker, ``run``).

    Once the first requests have built the caches, everything alive (the app, its modules,
    compiled templates, parsed methods and forms) goes to the permanent generation
    (``gc.freeze``): each collection then scans only what requests allocate, not the app's
    hundreds of thousands of objects again. Only in a process that serves (not in tests,
    which build many apps in one process).
    """
    if app.testing:
        return
    remaining = [GC_FREEZE_AFTER]

    @app.teardown_request
    def _freeze_once_warm(_error: BaseException | None) -> None:
        if remaining[0] > 0:
            remaining[0] -= 1
            if remaining[0] == 0:
                gc.collect()
                gc.freeze()


def _configure_logging(app: Flask) -> None:
    """Application logs carry ids and actions only; personal data stays in the database."""
    if not app.debug and not app.testing:
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s"
        )
        logging.getLogger("alembic").setLevel(logging.WARNING)


def _configure_security(app: Flask) -> None:
    from service.security import configure_security

    configure_security(app)


def _configure_methods(app: Flask) -> None:
    """Check every method file now: a mistake stops start-up with the file and question named.

    ``METHODS_DIR`` (default forms/methods/) says where the files are.
    """
    from forms import method_registry

    directory = app.config.get("METHODS_DIR")
    app.extensions[method_registry.EXTENSION] = (
        method_registry.load_methods(Path(directory))
        if directory
        else method_registry.shipped_methods()
    )


def _configure_extensions(app: Flask) -> None:
    from flask_babel import lazy_gettext as _l

    from service import models  # noqa: F401  (registers the tables)
    from service.extensions import babel, csrf, db, login_manager
    from service.i18n import select_locale

    db.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    # Flask-Login's own message is English only; this one is translated when it is shown.
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "warning"
    login_manager.session_protection = "strong"
    from service.security import session_identifier

    # No public setting for it: the identifier follows TRUSTED_PROXY_HOPS, not a raw header.
    login_manager._session_identifier_generator = session_identifier  # type: ignore[attr-defined]

    from service.auth.operations import load_user

    login_manager.user_loader(load_user)


def _configure_blueprints(app: Flask) -> None:
    from service.auth.views import bp as auth_bp
    from service.cases import (
        amendment_views,  # noqa: F401  (the kontrakt's amendments)
        family_views,  # noqa: F401  (the person's family on a case)
        step_views,  # noqa: F401  (registers the step routes)
        team_views,  # noqa: F401  (registers the case team routes)
    )
    from service.cases.views import bp as cases_bp
    from service.documents.views import bp as documents_bp
    from service.journal import network_views  # noqa: F401  (registers the network routes)
    from service.journal.views import bp as journal_bp
    from service.login_required import require_login
    from service.reports.views import bp as reports_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(cases_bp)
    app.register_blueprint(documents_bp)
    app.register_blueprint(journal_bp)
    from service.week.views import bp as week_bp

    app.register_blueprint(week_bp)
    app.register_blueprint(reports_bp)
    from service.outreach.views import bp as outreach_bp

    app.register_blueprint(outreach_bp)
    from service.admin.views import bp as admin_bp
    from service.privacy.views import register_privacy

    app.register_blueprint(admin_bp)
    register_privacy(app)
    app.before_request(require_login)

    from service.errors import register_error_handlers

    register_error_handlers(app)


def _configure_templates(app: Flask) -> None:
    from forms import html_params
    from service.template_helpers import register_template_helpers

    html_params.install()  # the same attributes as WTForms writes, built faster
    register_template_helpers(app)


def _configure_commands(app: Flask) -> None:
    from service.cli import register_commands

    register_commands(app)
