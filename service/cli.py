"""The `stegvis` command: the Flask CLI plus init-db, demo, create-user and export-case."""

from __future__ import annotations

import json
from pathlib import Path

import click
import sqlalchemy as sa
from flask import Flask
from flask.cli import AppGroup, FlaskGroup, NoAppException, with_appcontext

from service.extensions import db

#: The service's own commands; attached to ``app.cli`` so `stegvis` and `flask` both list them.
commands = AppGroup("stegvis")


def register_commands(app: Flask) -> None:
    """Attach the commands to the app's CLI."""
    from service.privacy import commands as _privacy  # noqa: F401  (export-person, purge, rotate-key)

    for command in commands.commands.values():
        app.cli.add_command(command)


def _create_app() -> Flask:
    from forms.method_schema import MethodError
    from service import create_app
    from service.config import ConfigError

    try:
        return create_app()
    except (ConfigError, MethodError) as exc:
        raise NoAppException(str(exc)) from None


@click.group(cls=FlaskGroup, create_app=_create_app)
def main() -> None:
    """Stegvis: guided intake, assessment and individual plans for social work."""


@commands.command("init-db")
@with_appcontext
def init_db() -> None:
    """Create or upgrade the database schema (Alembic migrations to the newest)."""
    from service.migrate import upgrade

    upgrade()
    click.echo("Database is up to date.")


@main.command("check-methods", with_appcontext=False)
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
def check_methods(directory: Path | None) -> None:
    """Check every method file (default: forms/methods) and say what is wrong, if anything."""
    from forms.method_registry import METHODS_DIR, load_methods
    from forms.method_schema import MethodError

    try:
        found = load_methods(directory or METHODS_DIR)
    except MethodError as exc:
        raise click.ClickException(str(exc)) from None
    for key, method in found.items():
        click.echo(
            f"{key:<12} version {method.version}  {len(method.areas)} life areas, "
            f"{sum(len(s.questions()) for s in method.steps.values())} questions"
        )
    click.echo(f"{len(found)} method files are correct.")


@commands.command("demo")
@with_appcontext
def demo() -> None:
    """Load demo units, staff and cases (only once; a second run changes nothing)."""
    from service.demo import DEMO_PASSWORD, load_demo

    created = load_demo()
    click.echo("Demo data loaded." if created else "Demo data was already there.")
    click.echo(f"Demo logins (password for all: {DEMO_PASSWORD}):")
    from service.demo import demo_logins

    for email, role, unit in demo_logins():
        click.echo(f"  {email:<32} {role:<11} {unit}")


@commands.command("create-user")
@click.option("--email", required=True)
@click.option("--name", "full_name", required=True)
@click.option("--unit", "unit_name", required=True, help="Exact name of an existing unit.")
@click.option("--role", type=click.Choice(["worker", "caseworker", "admin"]), default="worker")
@click.password_option()
@with_appcontext
def create_user_command(
    email: str, full_name: str, unit_name: str, role: str, password: str
) -> None:
    """Add a member of staff to a unit."""
    from service.auth.operations import create_user, find_user
    from service.models import Role, Unit

    unit = db.session.scalar(sa.select(Unit).where(Unit.name == unit_name))
    if unit is None:
        raise click.ClickException(f"No unit named {unit_name!r}.")
    if find_user(email):
        raise click.ClickException("A user with this e-mail already exists.")
    user = create_user(
        email=email, full_name=full_name, password=password, unit=unit, role=Role(role)
    )
    db.session.commit()
    click.echo(f"Created user {user.id}.")


@commands.command("export-case")
@click.argument("case_id", type=int)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path))
@with_appcontext
def export_case(case_id: int, out_dir: Path) -> None:
    """Write every issued document of a case and an index.json into OUT (for filing)."""
    from service.documents.case_file import DamagedDocument
    from service.filing import export_case_documents

    try:
        index = export_case_documents(case_id, out_dir)
    except LookupError as exc:
        raise click.ClickException(str(exc)) from None
    except DamagedDocument as exc:
        raise click.ClickException(f"A stored document no longer matches its hash: {exc}") from None
    click.echo(json.dumps({"case": index["case"], "documents": len(index["documents"])}))
