"""The case page's one next action, and the self-rating chart: title, text size, legend order,
dates in the UI language, the figures as a table."""

from __future__ import annotations

import re
from datetime import date

from flask import Flask

from service.cases.chart import NARROW, WIDE, ratings_chart
from service.models import Role, User
from tests.conftest import FormClient
from tests.test_journey import START, ipwzb_assessment, issue_kontrakt, open_case, register, second
from tests.test_lifecycle import assessment

NEXT = re.compile(r'<div class="next-action" id="next-action">(.*?)</div>', re.S)


def next_action(page: str) -> str:
    found = NEXT.search(page)
    assert found, "no next action on the case page"
    return found.group(1)


def test_a_new_case_leads_to_the_start_meeting(logged_in: FormClient) -> None:
    case_url = open_case(logged_in, register(logged_in))
    box = next_action(logged_in.get(case_url).get_data(as_text=True))
    assert "Next step: Start meeting" in box
    assert f'<a class="button" href="{case_url}/steps/start_meeting">' in box
    page = logged_in.get(case_url).get_data(as_text=True)
    # The one primary action: every other step button on the page is secondary.
    steps = page.split("<h2>Steps</h2>")[1]
    assert 'class="button"' not in steps and 'class="button secondary small"' in steps
    # A step that cannot start yet looks disabled and says why.
    assert 'class="button secondary small disabled" aria-disabled="true"' in steps
    assert "First finalise the step “Start meeting”." in steps


def test_after_the_second_meeting_the_agreement_is_issued(
    logged_in: FormClient, worker: User, social_worker: User
) -> None:
    case_url = open_case(logged_in, register(logged_in))
    assert logged_in.post(f"{case_url}/steps/start_meeting", START).status_code == 302
    assert logged_in.post(f"{case_url}/steps/second_meeting", second(worker.id)).status_code == 302
    # the kontrakt's part I is the assessment: its button says why it waits
    page = logged_in.get(case_url).get_data(as_text=True)
    assert re.search(r'disabled aria-describedby="agreement-blocker agreement-who"', page)
    assert "Part I of the kontrakt socjalny is taken from the assessment" in page
    assert logged_in.post(f"{case_url}/steps/assessment", ipwzb_assessment()).status_code == 302
    # the asystent sees the next step, disabled: the pracownik socjalny concludes the kontrakt
    box = next_action(logged_in.get(case_url).get_data(as_text=True))
    assert "Next step: issue “Agreement”" in box
    assert "The pracownik socjalny concludes the kontrakt socjalny." in box
    assert 'aria-disabled="true"' in box and f'action="{case_url}/documents/agreement"' not in box
    assert issue_kontrakt(logged_in, case_url, social_worker, worker).status_code == 302
    page = logged_in.get(case_url).get_data(as_text=True)
    assert "Next step: issue “Consent to share information”" in next_action(page)
    assert logged_in.post(f"{case_url}/documents/consent", form_url=case_url).status_code == 302
    page = logged_in.get(case_url).get_data(as_text=True)
    assert "Next step: Individual plan" in next_action(page), next_action(page)
    # The plan cannot be issued yet: its button is disabled and tied to the reason.
    assert re.search(r'disabled aria-describedby="plan-blocker"', page)
    assert 'id="plan-blocker"' in page


def test_after_the_plan_a_follow_up_is_next(logged_in: FormClient, worker: User) -> None:
    from tests.test_lifecycle import plan

    case_url = open_case(logged_in, register(logged_in), method="buss")
    assert logged_in.post(f"{case_url}/steps/start_meeting", START).status_code == 302
    assert logged_in.post(f"{case_url}/steps/second_meeting", second(worker.id)).status_code == 302
    for doc in ("agreement", "consent"):
        assert logged_in.post(f"{case_url}/documents/{doc}", form_url=case_url).status_code == 302
    assert logged_in.post(f"{case_url}/steps/assessment", assessment()).status_code == 302
    assert logged_in.post(f"{case_url}/steps/plan", plan(date(2026, 12, 1))).status_code == 302
    assert logged_in.post(f"{case_url}/documents/plan", form_url=case_url).status_code == 302
    box = next_action(logged_in.get(case_url).get_data(as_text=True))
    assert "Record “Follow-up 1”" in box
    assert f'href="{case_url}/steps/follow_up/1"' in box


def test_a_reader_sees_the_next_step_disabled_with_the_reason(
    app: Flask, client: FormClient, logged_in: FormClient, worker: User, make_user: object
) -> None:
    # BUSS: the socialsekreterare reads; the Polish pracownik socjalny would draft (roles:)
    case_url = open_case(logged_in, register(logged_in), method="buss")
    with app.app_context():
        from service.extensions import db
        from service.models import Unit

        unit = db.session.get(Unit, worker.unit_id)
    caseworker: User = make_user(  # type: ignore[operator]
        email="erik@example.org", unit=unit, role=Role.CASEWORKER, full_name="Erik Lund"
    )
    client.post("/logout", {}, form_url="/")
    client.login(caseworker.email)
    page = client.get(case_url).get_data(as_text=True)
    box = next_action(page)
    assert 'aria-disabled="true" aria-describedby="next-action-why"' in box
    assert "Only the staff working with the case can change it." in box
    assert "<a " not in box and "<button" not in box


def _series() -> dict[str, list[tuple[date, int]]]:
    return {
        "social": [(date(2026, 10, 31), 3), (date(2026, 11, 18), 5)],
        "housing": [(date(2026, 10, 31), 2), (date(2026, 11, 18), 6)],
    }


LABELS = {
    "housing": "Boende",
    "education": "Utbildning och personlig utveckling",
    "social": "Social gemenskap",
}


def test_chart_has_a_title_a_whole_legend_in_the_methods_order_and_a_table(app: Flask) -> None:
    series = {**_series(), "education": [(date(2026, 10, 31), 4)]}
    with app.test_request_context(headers={"Accept-Language": "sv"}):
        html = str(ratings_chart(series, LABELS, "Självskattning över tid"))
    assert html.startswith("<figcaption>Självskattning över tid</figcaption>")
    legend = re.search(r'<ul class="chart-legend".*?</ul>', html).group(0)  # type: ignore[union-attr]
    assert re.findall(r"<span>([^<]*)</span>", legend) == [
        "Boende",
        "Utbildning och personlig utveckling",  # whole, not cut
        "Social gemenskap",
    ]
    table = html[html.index("<table") :]
    assert "<caption>Självskattning över tid</caption>" in table
    assert '<th scope="col">Möte</th>' in table
    assert '<th scope="row">31 okt. 2026</th><td class="num" data-label="Boende">2</td>' in table
    assert '<td class="num" data-label="Utbildning och personlig utveckling">–</td>' in table


def test_chart_dates_are_in_the_ui_language(app: Flask) -> None:
    for language, day in (("pl", "31 paź"), ("sv", "31 okt."), ("en", "31 Oct")):
        with app.test_request_context(headers={"Accept-Language": language}):
            html = str(ratings_chart(_series(), LABELS, "t"))
        assert f">{day}</text>" in html, (language, html)
        assert "2026-10-31" not in html


def test_chart_text_is_at_least_12_px_where_each_plot_is_shown(app: Flask) -> None:
    """Each plot is drawn for the width CSS shows it at: the wide one from 40rem (640 px: the
    figure is then at least 558 px wide), the narrow one below (310 px wide at 360 px)."""
    with app.test_request_context():
        html = str(ratings_chart(_series(), LABELS, "t"))
    for layout, shown_width in ((WIDE, 558), (NARROW, 310)):
        svg = re.search(rf'<svg class="chart {layout.name}".*?</svg>', html).group(0)  # type: ignore[union-attr]
        sizes = {int(s) for s in re.findall(r'font-size="(\d+)"', svg)}
        assert sizes and min(sizes) * shown_width / layout.width >= 12, (layout.name, sizes)


def test_chart_escapes_labels_and_titles(app: Flask) -> None:
    with app.test_request_context():
        html = str(ratings_chart(_series(), {"housing": "<b>&", "social": "{{ 7*7 }}"}, "<t>"))
    assert "<b>" not in html and "&lt;b&gt;&amp;" in html and "&lt;t&gt;" in html
    assert "{{ 7*7 }}" in html  # shown as typed, never evaluated
