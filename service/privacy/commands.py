"""`stegvis export-person`, `stegvis purge` and `stegvis rotate-key`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click
from flask.cli import with_appcontext

from service.cli import commands
from service.clock import local_today
from service.extensions import db


@commands.command("export-person")
@click.argument("person_id", type=int)
@click.option("--out", "out_file", required=True, type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def export_person(person_id: int, out_file: Path) -> None:
    """Write everything held about a person as a ZIP (audited as person.export)."""
    from service.models import Person
    from service.privacy.export import build_person_export

    person = db.session.get(Person, person_id)
    if person is None:
        raise click.ClickException(f"No person with id {person_id}.")
    content = build_person_export(person)
    db.session.commit()
    out_file.write_bytes(content)
    click.echo(json.dumps({"person": person_id, "bytes": len(content)}))


@commands.command("purge")
@click.option(
    "--closed-before",
    required=True,
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only cases closed before this date (YYYY-MM-DD).",
)
@click.option("--dry-run", is_flag=True, help="List what would be erased; change nothing.")
@with_appcontext
def purge_command(closed_before: object, dry_run: bool) -> None:
    """Erase cases closed before DATE whose unit's retention period has run out."""
    from service.privacy.purge import due_cases, purge

    cutoff: date = closed_before.date()  # type: ignore[attr-defined]
    due = {item.case_id: item for item in due_cases(cutoff, local_today())}
    result = purge(cutoff, dry_run=dry_run)
    verb = "would erase" if dry_run else "erased"
    for case_id in result["cases"]:
        item = due[case_id]
        click.echo(
            f"case {case_id} (unit {item.unit_id}, closed {item.closed_on}, kept until "
            f"{item.kept_until}): {verb}"
        )
    for person_id in result["persons"]:
        click.echo(f"person {person_id}: {'would be anonymised' if dry_run else 'anonymised'}")
    click.echo(
        f"{len(result['cases'])} case(s), {len(result['persons'])} person(s) {verb}"
        f"{' (dry run: nothing changed)' if dry_run else ''}."
    )


@commands.command("rotate-key")
@click.option(
    "--batch-size",
    default=500,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="Rows read, re-encrypted and committed at a time.",
)
@with_appcontext
def rotate_key(batch_size: int) -> None:
    """Re-encrypt every encrypted value under the first key of STEGVIS_DATA_KEYS and recompute
    every blind index under the first key of STEGVIS_INDEX_KEY.

    Rows are streamed in batches in id order and each batch is committed, so memory stays flat
    and an interrupted run can simply be run again: values already under the first key are
    recognised by their key id and skipped. Progress goes to stderr, the counts (JSON) to
    stdout.
    """
    from service.crypto import (
        current_index_keys,
        current_keyring,
        rotate_index_keys,
        rotate_keys,
    )

    keyring = current_keyring()
    index_keys = current_index_keys()

    def progress(column: str, changed: int, done: int) -> None:
        click.echo(f"{column}: {changed} in this batch, {done} so far", err=True)

    db.session.close()
    with db.engine.connect() as connection:
        counts = rotate_keys(connection, keyring, batch_size, progress, commit=True)
        reindexed = rotate_index_keys(
            connection, keyring, index_keys, batch_size, progress, commit=True
        )
    click.echo(
        json.dumps(
            {
                "key": keyring.primary,
                "index_key": index_keys.primary,
                "re_encrypted": counts,
                "reindexed": reindexed,
            }
        )
    )
