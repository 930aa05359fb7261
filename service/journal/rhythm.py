"""The agreed rhythm against what happened: the contact rhythm of the second meeting against
the journal, and the follow-up rhythm of the plan against the follow-ups.

A rhythm is read as the longest gap in days it allows ("once a week": 7). The answers of the
structured questions (``meeting_rhythm`` with ``rhythm_contacts`` per ``rhythm_period``, and the
plan's ``follow_up_every``) give it directly; a follow-up rhythm written as free text before
the question was structured ("Varje vecka", "co dwa tygodnie") is kept as written and read
when it says one of the usual rhythms, else shown without a check.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import gettext, ngettext

from forms.method_schema import Method

#: meeting_rhythm → the longest gap between two contacts, in days.
CONTACT_GAPS = {
    "daily": 1,
    "twice_weekly": 4,
    "one_two_weekly": 7,
    "weekly": 7,
    "fortnightly": 14,
    "monthly": 31,
    "few_messages_month": 15,
}
#: follow_up_every → the longest gap between two follow-ups, in days.
FOLLOW_UP_GAPS = {"weekly": 7, "fortnightly": 14, "monthly": 31, "two_months": 62, "quarterly": 92}
PERIOD_DAYS = {"week": 7, "month": 30}

#: Free-text follow-up rhythms of earlier answers (sv, pl, en) → gap in days; first match wins.
_FREE_TEXT = [
    (
        re.compile(
            r"varannan vecka|var (?:14|fjortonde) dag|co (?:dwa|2) tygodnie|"
            r"every (?:second|other|two|2) weeks?|fortnight",
            re.I,
        ),
        14,
    ),
    (
        re.compile(
            r"varje vecka|en gång i veckan|veckovis|1 gång/vecka|co tydzień|"
            r"raz w tygodniu|cotygodniow|weekly|every week|once a week",
            re.I,
        ),
        7,
    ),
    (re.compile(r"varannan månad|co dwa miesiące|every (?:second|other|two) months?", re.I), 62),
    (
        re.compile(
            r"varje månad|en gång i månaden|månadsvis|co miesiąc|raz w miesiącu|"
            r"comiesięczn|monthly|every month|once a month",
            re.I,
        ),
        31,
    ),
    (re.compile(r"dagligen|varje dag|codziennie|daily|every day", re.I), 1),
]


@dataclass(frozen=True)
class RhythmCheck:
    """An agreed rhythm and how the case keeps it."""

    #: What was agreed, as shown ("Once a week").
    agreed: str
    #: The longest gap it allows in days; None when it cannot be read (free text).
    gap_days: int | None
    #: The day of the last contact or follow-up (None: none yet).
    last: date | None
    #: Days since ``last`` (or since ``since`` when there was none yet).
    days: int | None
    #: True when more days have passed than the rhythm allows.
    overdue: bool


def free_text_gap(text: str) -> int | None:
    """The gap a rhythm written as free text names, or None."""
    for pattern, days in _FREE_TEXT:
        if pattern.search(text or ""):
            return days
    return None


def contact_gap(answers: Mapping[str, Any]) -> int | None:
    """The longest gap between contacts the second meeting agreed, or None."""
    value = answers.get("meeting_rhythm")
    if value == "other":
        count, period = answers.get("rhythm_contacts"), answers.get("rhythm_period")
        if isinstance(count, int) and count > 0 and period in PERIOD_DAYS:
            return max(1, math.ceil(PERIOD_DAYS[str(period)] / count))
        return None
    if isinstance(value, str) and value in CONTACT_GAPS:
        return CONTACT_GAPS[value]
    return free_text_gap(str(value or "")) if value else None


def contact_label(answers: Mapping[str, Any], method: Method) -> str:
    """The agreed contact rhythm as shown (translated)."""
    value = answers.get("meeting_rhythm")
    if value == "other":
        count, period = answers.get("rhythm_contacts"), answers.get("rhythm_period")
        if isinstance(count, int):
            if period == "month":
                return ngettext("%(num)d contact a month", "%(num)d contacts a month", count)
            return ngettext("%(num)d contact a week", "%(num)d contacts a week", count)
    step = method.steps.get("second_meeting")
    label = step.choice_label("meeting_rhythm", value) if step is not None else ""
    return gettext(label) if label else str(value or "")


def follow_up_gap(plan: Mapping[str, Any]) -> int | None:
    """The longest gap between follow-ups the plan agreed, or None."""
    value = plan.get("follow_up_every")
    if isinstance(value, str) and value in FOLLOW_UP_GAPS:
        return FOLLOW_UP_GAPS[value]
    return free_text_gap(str(plan.get("follow_up_rhythm") or ""))


def follow_up_label(plan: Mapping[str, Any], method: Method) -> str:
    """The agreed follow-up rhythm as shown: the choice, then what was written beside it."""
    step = method.steps.get("plan")
    value = plan.get("follow_up_every")
    label = step.choice_label("follow_up_every", value) if step is not None and value else ""
    written = str(plan.get("follow_up_rhythm") or "").strip()
    parts = [gettext(label)] if label else []
    if written:
        parts.append(written)
    return " – ".join(parts)


def check(
    agreed: str, gap: int | None, last: date | None, since: date | None, today: date
) -> RhythmCheck:
    """``agreed`` with ``gap`` against the ``last`` contact (or ``since``: the rhythm's start)."""
    start = last or since
    days = (today - start).days if start is not None else None
    overdue = gap is not None and days is not None and days > gap
    return RhythmCheck(agreed, gap, last, days, overdue)


def case_rhythms(
    status: str,
    steps: list[Any],
    method: Method,
    last_contact: date | None,
    today: date,
) -> tuple[RhythmCheck | None, RhythmCheck | None]:
    """(contact rhythm, follow-up rhythm) of a case from its final steps (oldest first).

    ``steps`` are Submission rows (newest version of each step instance); nothing is checked
    for a closed case or before the step that agrees the rhythm.
    """
    from service.cases.overview import meeting_day

    if status == "closed":
        return None, None
    second = next((s for s in reversed(steps) if s.step == "second_meeting"), None)
    contact = None
    if second is not None and second.answers.get("meeting_rhythm"):
        contact = check(
            contact_label(second.answers, method),
            contact_gap(second.answers),
            last_contact,
            meeting_day(second),
            today,
        )
    plan = next((s for s in reversed(steps) if s.step == "plan"), None)
    phase = current_phase(plan.answers, today) if plan is not None else None
    if phase is not None:  # the plan tapers the contacts off: the phase running today
        started, every = phase
        contact = check(
            phase_label(every, started, method),
            CONTACT_GAPS.get(every),
            last_contact,
            started,
            today,
        )
    follow_up = None
    if plan is not None:
        agreed = follow_up_label(plan.answers, method)
        held = [meeting_day(s) for s in steps if s.step == "follow_up"]
        if agreed:
            follow_up = check(
                agreed,
                follow_up_gap(plan.answers),
                max(held) if held else None,
                meeting_day(plan),
                today,
            )
    return contact, follow_up


def current_phase(plan: Mapping[str, Any], today: date) -> tuple[date, str] | None:
    """(first day, rhythm) of the plan's tapering phase running ``today``, or None."""
    running = None
    for row in plan.get("phase_out") or []:
        every = row.get("every")
        try:
            day = date.fromisoformat(str(row.get("from_date")))
        except ValueError:
            continue
        if every in CONTACT_GAPS and day <= today and (running is None or day >= running[0]):
            running = (day, str(every))
    return running


def phase_label(every: str, started: date, method: Method) -> str:
    """ "Every second week – phasing out since 2 March": the phase as shown (translated)."""
    from flask_babel import format_date

    step = method.steps.get("plan")
    question = next((q for q in step.questions() if q.key == "phase_out"), None) if step else None
    sub = next((q for q in question.questions if q.key == "every"), None) if question else None
    label = next((c.label for c in sub.choices if c.value == every), every) if sub else every
    return gettext(
        "%(rhythm)s – phasing out since %(day)s",
        rhythm=gettext(label),
        day=format_date(started, format="medium"),
    )
