"""Dates and moments as pages show them: kept once per process, the same text as Babel's."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from flask import Flask
from flask_babel import force_locale, format_date, format_datetime

from service.template_helpers import _day, _moment


@pytest.mark.parametrize("language", ["sv", "pl", "en"])
def test_a_moment_is_babels_short_form_in_the_services_zone(app: Flask, language: str) -> None:
    late = datetime(2026, 12, 2, 23, 30, 59, tzinfo=UTC)  # 00:30 on 3 December in Stockholm
    with app.test_request_context("/"), force_locale(language):
        shown = _moment(late)
        assert shown == format_datetime(late, format="short")
        assert _moment(late.replace(second=1)) == shown  # the same minute, the same text
        assert _moment(datetime(2026, 12, 2, 23, 31, tzinfo=UTC)) != shown
        assert "00:30" in shown or "12:30" in shown  # the zone applied (en: 12:30 AM)
        assert _day(date(2026, 12, 3)) == format_date(date(2026, 12, 3), format="medium")
        assert _moment(None) == ""
