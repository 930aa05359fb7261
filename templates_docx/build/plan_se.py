"""The Swedish handlingsplan / genomförandeplan (SOSFS 2014:5, 6 kap.): a row or a section
with nothing to say is left out, so a plan prints what was planned, not a column of dashes."""

from __future__ import annotations

from templates_docx.build.bodies import DASH, _signatures
from templates_docx.build.kit import (
    PAGE_WIDTH,
    _cell,
    _row,
    _table,
    heading,
    loop_table,
    p,
    para,
    run,
    spacer,
    subheading,
    tag,
    title,
)

Texts = dict[str, str]
LABEL_WIDTH = 3300


def _v(expr: str) -> str:
    return "{{ " + expr + DASH


def facts_if(rows: list[tuple[str, str, str]]) -> str:
    """Label/value rows; a row with a condition shows only when it holds (``{%tr if %}``)."""
    widths = [LABEL_WIDTH, PAGE_WIDTH - LABEL_WIDTH]
    body = ""
    for label, value, condition in rows:
        row = _row(
            _cell(p(run(label, bold=True, size=18), after=0), widths[0], fill="F2F2F2")
            + _cell(p(run(value), after=0), widths[1])
        )
        if condition:
            empty = _cell(p(after=0), widths[1])
            row = (
                _row(_cell(p(run(f"{{%tr if {condition} %}}"), after=0), widths[0]) + empty)
                + row
                + _row(_cell(p(run("{%tr endif %}"), after=0), widths[0]) + empty)
            )
        body += row
    return _table(widths, body) + spacer()


def _basis(t: Texts) -> str:
    return facts_if(
        [
            (t["name"], "{{ person.full_name }}", ""),
            (
                '{{ person.identity_kind or "' + t["identity"] + '" }}',
                "{{ person.identity_number|nobreak }}",
                "person.identity_number",
            ),
            (t["decision_insats"], "{{ plan.decision_insats }}", "plan.decision_insats"),
            (t["decision_date"], "{{ plan.decision_date }}", "plan.decision_date"),
            (t["assignment"], "{{ case.assignment }}", "case.assignment"),
            (t["caseworker"], "{{ caseworker.name }}", "caseworker.name"),
            (
                t["responsible"],
                "{{ plan.responsible.name }}{% if plan.responsible.role %}, "
                "{{ plan.responsible.role }}{% endif %}",
                "plan.responsible.name",
            ),
            (
                t["contact_person"],
                "{{ worker.name }}{% if worker.phone %}, tel.\u00a0{{ worker.phone|nobreak }}"
                "{% endif %}",
                "worker.name",
            ),
            (t["method"], "{{ case.method }}", ""),
        ]
    )


def _assessment(t: Texts) -> str:
    matters = [
        (t["values"], "{{ assessment.what_they_value }}", "assessment.what_they_value"),
        (t["feels_safe"], "{{ assessment.feels_safe }}", "assessment.feels_safe"),
        (t["interests"], "{{ assessment.interests }}", "assessment.interests"),
        (t["network"], "{{ assessment.network }}", "assessment.network"),
    ]
    any_matter = " or ".join(condition for _, _, condition in matters)
    return "".join(
        [
            para(t["assessment_intro"], color="595959", size=18),
            loop_table(
                [
                    (t["area"], 1500),
                    (t["strengths"], 2000),
                    (t["situation"], 1900),
                    (t["causes"], 1700),
                    (t["barriers"], 1700),
                    (t["rating"], 838),
                ],
                [
                    "{{ a.label }}",
                    _v("a.strengths"),
                    _v("a.situation"),
                    _v("a.causes"),
                    _v("a.barriers"),
                    _v("a.rating"),
                ],
                "a in assessment.areas",
                first_column_fill=True,
                size=18,
            ),
            tag("{%p if " + any_matter + " %}"),
            subheading(t["h_matters"]),
            facts_if(matters),
            tag("{%p endif %}"),
            tag("{%p if assessment.earlier_interventions %}"),
            subheading(t["h_earlier"]),
            loop_table(
                [(t["intervention"], 4000), (t["when"], 1638), (t["result"], 4000)],
                [_v("e.intervention"), _v("e.when"), _v("e.result")],
                "e in assessment.earlier_interventions",
                size=18,
            ),
            tag("{%p endif %}"),
            tag('{%p if assessment.extras|selectattr("value")|list %}'),
            subheading(t["h_extras"]),
            loop_table(
                [(t["question"], 3400), (t["answer"], 6238)],
                ["{{ x.label }}", "{{ x.value }}"],
                "x in assessment.extras if x.value",  # an unanswered question is left out
                first_column_fill=True,
                size=18,
            ),
            tag("{%p endif %}"),
        ]
    )


def _goals(t: Texts) -> str:
    return "".join(
        [
            para(t["goals_intro"], color="595959", size=18, keep_next=True),  # with goal 1
            tag("{%p for goal in plan.goals %}"),
            subheading(t["goal"] + " {{ goal.no }}: {{ goal.area }}"),
            para("{{ goal.goal }}", keep_next=True, bold=True),
            tag("{%p if goal.from_assignment %}"),
            para(
                t["from_assignment"] + " {{ goal.from_assignment }}",
                keep_next=True,
                size=18,
                color="595959",
            ),
            tag("{%p endif %}"),
            loop_table(
                [
                    (t["no"], 500),
                    (t["sub_goal"], 1700),
                    (t["person_actions"], 1400),
                    (t["worker_actions"], 1450),
                    (t["others"], 1888),
                    (t["when"], 1100),
                    (t["progress_sign"], 1600),
                ],
                [
                    "{{ s.ref }}",
                    _v("s.sub_goal"),
                    _v("s.person_actions"),
                    _v("s.worker_actions"),
                    _v("s.responsible_text"),
                    _v("s.when"),
                    _v("s.progress_sign"),
                ],
                "s in goal.sub_goals",
                size=18,
            ),
            tag("{%p endfor %}"),
            tag("{%p if not plan.goals %}"),
            para(t["no_goals"]),
            tag("{%p endif %}"),
        ]
    )


def plan(t: Texts) -> str:
    """The genomförandeplan in the order of the allmänna råd of SOSFS 2014:5, 6 kap."""
    from templates_docx.build.records import plan_changes  # records builds on bodies

    follow_up = [
        (t["follow_up_rhythm"], "{{ plan.follow_up_rhythm }}", "plan.follow_up_rhythm"),
        (t["follow_up_how"], "{{ plan.follow_up_how }}", "plan.follow_up_how"),
        (t["meeting_dates"], "{{ plan.meeting_dates }}", "plan.meeting_dates"),
    ]
    return "".join(
        [
            tag("{%p if approval.needed and not approval.by %}"),
            para(t["draft_banner"], bold=True, color="C00000", size=26, align="center", after=120),
            tag("{%p endif %}"),
            title(t["plan_title"]),
            para(t["plan_subtitle"], color="595959", after=120),
            heading(t["h_plan_basis"]),
            _basis(t),
            heading(t["h_analysis"]),
            _assessment(t),
            heading(t["h_goals"]),
            _goals(t),
            tag("{%p if plan.cooperation_board or plan.cooperation_principals %}"),
            heading(t["h_cooperation"]),
            facts_if(
                [
                    (
                        t["cooperation_board"],
                        "{{ plan.cooperation_board }}",
                        "plan.cooperation_board",
                    ),
                    (
                        t["cooperation_principals"],
                        "{{ plan.cooperation_principals }}",
                        "plan.cooperation_principals",
                    ),
                ]
            ),
            tag("{%p endif %}"),
            heading(t["h_participation"]),
            facts_if(
                [
                    (t["participation"], _v("plan.participation"), ""),
                    (
                        t["other_participants"],
                        "{{ plan.other_participants }}",
                        "plan.other_participants",
                    ),
                    (t["adopted_on"], "{{ plan.adopted_on }}", "plan.adopted_on"),
                ]
            ),
            heading(t["h_follow_up"]),
            tag("{%p if " + " or ".join(c for _, _, c in follow_up) + " %}"),
            facts_if(follow_up),
            tag("{%p endif %}"),
            para(t["follow_up_note"], color="595959", size=18),
            plan_changes(t),  # the sub-goals lowered since the plan was made
            _signatures(t, caseworker=True, head=True),
        ]
    )
