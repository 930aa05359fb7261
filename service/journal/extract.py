"""The printable journal extract: the contacts of a period as a Word document in the case's
document language (templates_docx/journal_<language>.docx)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from babel.dates import format_datetime
from flask_babel import force_locale, gettext, ngettext
from flask_login import current_user

from service.cases.operations import latest_submission
from service.cases.subgoals import plan_sub_goals
from service.clock import local_today
from service.documents.context import base_context, document_language, format_day
from service.documents.rendering import render_document
from service.journal import operations
from service.journal.display import entry_rows
from service.models import Case


def extract_filename(case: Case, first: date, last: date) -> str:
    """The download name: case reference and period, never the person's name."""
    return f"{case.reference}-journal-{first.isoformat()}-{last.isoformat()}.docx"


def extract_context(
    case: Case, first: date, last: date, start: datetime, end: datetime
) -> dict[str, Any]:
    """What the extract prints, every word in the document's language."""
    language = document_language(case)
    plan = latest_submission(case, "plan")
    sub_goals = dict(plan_sub_goals(plan.answers)) if plan is not None else {}
    context = base_context(
        case,
        number="",
        version=1,
        language=language,
        issued_on=local_today(),
        contact=case.contact_person,
        doc_type="journal",
    )
    locale = "en_GB" if language == "en" else language
    with force_locale(language):
        rows = entry_rows(operations.entries_between(case, start, end), sub_goals)
        entries = []
        for row in rows:
            who = ([gettext("The person")] if row.person else []) + row.staff + row.network
            note = row.note
            if row.sub_goals:
                note = (note + "\n" if note else "") + gettext("Sub-goals") + ": "
                note += "; ".join(row.sub_goals)
            minutes = (
                ngettext("%(num)d minute", "%(num)d minutes", row.duration)
                if row.duration is not None
                else ""
            )
            missed = gettext("Did not take place")
            when = format_datetime(
                row.moment, format="short", tzinfo=operations.local_zone(), locale=locale
            )
            entries.append(
                {
                    "no": row.entry_no,
                    "when": f"{when}\n{minutes}" if minutes else when,
                    # a missed contact says so under its kind, on a line of its own
                    "kind": row.kind_label if row.took_place else f"{row.kind_label}\n{missed}",
                    "missed": "" if row.took_place else missed,
                    "who": ", ".join(who),
                    "note": note,
                    "correction": (
                        gettext(
                            "corrected, version %(n)d: %(reason)s",
                            n=row.version,
                            reason=row.change_reason,
                        )
                        if row.version > 1
                        else ""
                    ),
                }
            )
        context["extract"] = {
            "period": f"{format_day(first, language)} – {format_day(last, language)}",
            "count": len(rows),
            "missed": sum(1 for row in rows if not row.took_place),
            "entries": entries,
            "printed_on": format_day(local_today(), language),
            "printed_by": current_user.full_name,
        }
    return context


def render_extract(
    case: Case, first: date, last: date, start: datetime, end: datetime
) -> tuple[bytes, int]:
    """The .docx bytes of the extract and the number of entries it holds."""
    context = extract_context(case, first, last, start, end)
    language = document_language(case)
    return render_document(f"journal_{language}", context), context["extract"]["count"]
