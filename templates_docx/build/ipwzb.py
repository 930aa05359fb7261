"""The IPWzB, the individual programme for leaving homelessness (art. 49 u.p.s.): the person,
the analysis of the life situation (family and financial situation, education, possibilities of
work, health including addictions, reasons for and length of homelessness), the goals, the
actions of the person, the actions of the social worker, every form of help with who is
responsible for it, the person's participation, the dated meetings and the rhythm of the
assessment of progress the team set, and the signatures with the head of centre's approval.

Rows with nothing to say are left out (no "—" rows)."""

from __future__ import annotations

from templates_docx.build.bodies import Texts, _v
from templates_docx.build.kit import (
    GREY,
    PAGE_WIDTH,
    Signer,
    _cell,
    _row,
    _table,
    heading,
    loop_table,
    p,
    para,
    run,
    signature_block,
    spacer,
    subheading,
    tag,
    title,
)

LABEL_WIDTH = 2900


def facts_if(rows: list[tuple[str, str, str]]) -> str:
    """Label/value rows, each printed only when its condition holds (Jinja ``{%tr if %}``)."""
    value_width = PAGE_WIDTH - LABEL_WIDTH
    body = ""
    for label, value, condition in rows:
        row = _row(
            _cell(p(run(label, bold=True, size=18), after=0), LABEL_WIDTH, fill="F2F2F2")
            + _cell(p(run(value), after=0), value_width)
        )
        if condition:
            row = (
                _row(
                    _cell(p(run("{%tr if " + condition + " %}"), after=0), LABEL_WIDTH)
                    + _cell(p(after=0), value_width),
                    cant_split=False,
                )
                + row
                + _row(
                    _cell(p(run("{%tr endif %}"), after=0), LABEL_WIDTH)
                    + _cell(p(after=0), value_width),
                    cant_split=False,
                )
            )
        body += row
    return _table([LABEL_WIDTH, value_width], body) + spacer()


def _value(expr: str) -> tuple[str, str]:
    return "{{ " + expr + " }}", expr


def _person(t: Texts) -> str:
    rows = [
        (t["name"], *_value("person.full_name")),
        (
            '{{ person.identity_kind or "' + t["identity"] + '" }}',
            *_value("person.identity_number|nobreak"),
        ),
        (t["address"], *_value("person.address")),
        (t["assignment"], *_value("case.assignment")),
        (t["method"], "{{ case.method }}", ""),
        (t["caseworker"], *_value("caseworker.name")),
        (
            t["contact_person"],
            "{{ worker.name }}{% if worker.phone %}, tel.\u00a0{{ worker.phone|nobreak }}"
            "{% endif %}",
            "worker.name",
        ),
        (t["adopted_on"], *_value("plan.adopted_on")),
    ]
    return heading(t["h_plan_basis"]) + facts_if(rows)


def _analysis(t: Texts) -> str:
    keys = (
        "family",
        "financial",
        "education",
        "employability",
        "health",
        "homelessness",
        "causes",
        "possibilities",
        "limitations",
    )
    label = "".join(
        "{% " + ("if" if n == 0 else "elif") + f' row.key == "{key}" %}}' + t["a_" + key]
        for n, key in enumerate(keys)
    )
    label += "{% endif %}"
    areas = "ipwzb.areas"
    matters = [
        (t["values"], *_value("assessment.what_they_value")),
        (t["feels_safe"], *_value("assessment.feels_safe")),
        (t["interests"], *_value("assessment.interests")),
        (t["network"], *_value("assessment.network")),
    ]
    return "".join(
        [
            heading(t["h_analysis"]),
            tag("{%p if ipwzb.analysis %}"),
            para(t["analysis_intro"], color=GREY, size=18, after=60),
            loop_table(
                [(t["question"], 3400), (t["answer"], PAGE_WIDTH - 3400)],
                [label, "{{ row.text }}"],
                "row in ipwzb.analysis",
                first_column_fill=True,
                size=18,
            ),
            tag("{%p endif %}"),
            tag("{%p if " + areas + " %}"),
            subheading(t["h_areas"]),
            para(t["assessment_intro"], color=GREY, size=18),
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
                "a in " + areas,
                first_column_fill=True,
                size=18,
            ),
            tag("{%p endif %}"),
            tag(
                "{%p if assessment.what_they_value or assessment.feels_safe or "
                "assessment.interests or assessment.network %}"
            ),
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
            tag("{%p if ipwzb.extras %}"),
            subheading(t["h_extras"]),
            loop_table(
                [(t["question"], 3400), (t["answer"], 6238)],
                ["{{ x.label }}", "{{ x.value }}"],
                "x in ipwzb.extras",
                first_column_fill=True,
                size=18,
            ),
            tag("{%p endif %}"),
        ]
    )


def _goals(t: Texts) -> str:
    return "".join(
        [
            heading(t["h_goals"]),
            para(t["goals_intro"], color=GREY, size=18),
            tag("{%p for goal in plan.goals %}"),
            subheading(t["goal"] + " {{ goal.no }}: {{ goal.area }}"),
            para("{{ goal.goal }}", keep_next=True, bold=True),
            tag("{%p if goal.from_assignment %}"),
            para(
                t["from_assignment"] + " {{ goal.from_assignment }}",
                keep_next=True,
                size=18,
                color=GREY,
            ),
            tag("{%p endif %}"),
            loop_table(
                [
                    (t["no"], 600),
                    (t["sub_goal"], 3300),
                    (t["others"], 2400),
                    (t["when"], 1500),
                    (t["progress_sign"], 1838),
                ],
                [
                    "{{ s.ref }}",
                    "{{ s.sub_goal }}",
                    "{{ s.responsible_text }}",
                    "{{ s.when }}",
                    "{{ s.progress_sign }}",
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


def _actions(t: Texts, who: str) -> str:
    rows = f"ipwzb.{who}_actions"
    return "".join(
        [
            tag("{%p if " + rows + " %}"),
            heading(t[f"h_{who}_actions"]),
            para(t[f"{who}_actions_intro"], keep_next=True, after=60),
            loop_table(
                [(t["for_goal"], 900), (t["action"], 5238), (t["sub_goal"], 3500)],
                ["{{ r.ref }}", "{{ r.action }}", "{{ r.sub_goal }}"],
                "r in " + rows,
                size=18,
            ),
            tag("{%p endif %}"),
        ]
    )


def _help(t: Texts) -> str:
    return "".join(
        [
            heading(t["h_help"]),
            para(t["help_intro"], color=GREY, size=18, after=60),
            tag("{%p if ipwzb.help %}"),
            loop_table(
                [
                    (t["no"], 600),
                    (t["measure"], 3000),
                    (t["details"], 2238),
                    (t["responsible"], 2100),
                    (t["period"], 1700),
                ],
                [
                    "{{ h.no }}",
                    "{{ h.measure }}",
                    "{{ h.details }}",
                    "{{ h.responsible }}",
                    "{{ h.period }}",
                ],
                "h in ipwzb.help",
                size=18,
            ),
            tag("{%p else %}"),
            para(t["no_help"]),
            tag("{%p endif %}"),
        ]
    )


def _participation(t: Texts) -> str:
    return "".join(
        [
            tag("{%p if plan.participation or plan.other_participants %}"),
            heading(t["h_participation"]),
            facts_if(
                [
                    (t["participation"], *_value("plan.participation")),
                    (t["other_participants"], *_value("plan.other_participants")),
                ]
            ),
            tag("{%p endif %}"),
        ]
    )


def _follow_up(t: Texts) -> str:
    return "".join(
        [
            heading(t["h_follow_up"]),
            tag("{%p if ipwzb.meetings %}"),
            loop_table(
                [(t["meeting_day"], 2600), (t["stage"], 7038)],
                ["{{ m.day }}", "{{ m.stage }}"],
                "m in ipwzb.meetings",
            ),
            tag("{%p endif %}"),
            tag("{%p if ipwzb.meeting_dates or ipwzb.rhythm or ipwzb.how %}"),
            facts_if(
                [
                    (t["meeting_dates"], *_value("ipwzb.meeting_dates")),
                    (t["follow_up_rhythm"], *_value("ipwzb.rhythm")),
                    (t["follow_up_how"], *_value("ipwzb.how")),
                ]
            ),
            tag("{%p endif %}"),
            para(t["follow_up_note"], color=GREY, size=18),
        ]
    )


def _signatures(t: Texts) -> str:
    """The person and the pracownik socjalny who drew the programme up with them, the asystent
    when the method has them sign, and the kierownik ośrodka who approves it."""
    signers = [
        Signer(t["sig_person"], "{{ person.full_name }}", drawn_signature=True),
        Signer(
            t["sig_caseworker"],
            "{{ caseworker.name }}",
            condition='caseworker.name and "caseworker" in signs',
        ),
        Signer(t["sig_worker"], "{{ worker.name }}", "{{ worker.title }}", '"worker" in signs'),
        Signer(
            t["sig_head"],
            "{{ approval.by }}",
            "{{ approval.title }}{% if approval.on %}, "
            + t["approved_on"]
            + " {{ approval.on }}{% endif %}",
            condition="approval.needed",
        ),
    ]
    return (
        heading(t["h_signatures"])
        + para(t["signatures_note"], keep_next=True, after=40)
        + signature_block(signers, t["place_and_date"], t["signature"])
    )


def ipwzb(t: Texts) -> str:
    """The whole IPWzB."""
    from templates_docx.build.records import plan_changes  # records builds on bodies

    return "".join(
        [
            tag("{%p if approval.needed and not approval.by %}"),
            para(t["draft_banner"], bold=True, color="C00000", size=26, align="center", after=120),
            tag("{%p endif %}"),
            title(t["plan_title"]),
            para(t["plan_subtitle"], color=GREY, after=120),
            _person(t),
            _analysis(t),
            _goals(t),
            _actions(t, "person"),
            _actions(t, "worker"),
            _help(t),
            _participation(t),
            _follow_up(t),
            plan_changes(t),
            _signatures(t),
        ]
    )
