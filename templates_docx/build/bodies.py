"""The body of each generated document type; the words come from ``texts`` per language."""

from __future__ import annotations

from templates_docx.build.kit import (
    Signer,
    facts,
    heading,
    loop_table,
    para,
    signature_block,
    subheading,
    tag,
    title,
)

Texts = dict[str, str]
DASH = ' or "—" }}'


def _v(expr: str) -> str:
    """``{{ expr or "—" }}``: a value that prints a dash when empty."""
    return "{{ " + expr + DASH


def _signatures(t: Texts, *, caseworker: bool, head: bool = False) -> str:
    """The signature block; the method file says who signs (``signs``) and who approves."""
    signers = [
        Signer(t["sig_person"], "{{ person.full_name }}", drawn_signature=True),
        Signer(t["sig_worker"], "{{ worker.name }}", "{{ worker.title }}", '"worker" in signs'),
    ]
    if caseworker:
        signers.append(
            Signer(
                t["sig_caseworker"],
                "{{ caseworker.name }}",
                condition='caseworker.name and "caseworker" in signs',
            )
        )
    if head:
        signers.append(
            Signer(
                t["sig_head"],
                "{{ approval.by }}",
                "{{ approval.title }}{% if approval.on %}, "
                + t["approved_on"]
                + " {{ approval.on }}{% endif %}",
                condition="approval.needed",
            )
        )
    return (
        heading(t["h_signatures"])
        + para(t["signatures_note"], keep_next=True, after=40)
        + signature_block(signers, t["place_and_date"], t["signature"])
    )


def _parties(t: Texts) -> str:
    return facts(
        [
            (t["name"], _v("person.full_name")),
            (
                '{{ person.identity_kind or "' + t["identity"] + '" }}',
                _v("person.identity_number|nobreak"),
            ),
            (t["address"], _v("person.address")),
            (t["unit"], "{{ unit.name }}"),
            (
                t["contact_person"],
                '{{ worker.name or "—" }}{% if worker.phone %}, tel.\u00a0'
                "{{ worker.phone|nobreak }}{% endif %}",
            ),
            (t["case"], "{{ case.reference }} · {{ case.method }}"),
        ]
    )


def consent(t: Texts) -> str:
    """Consent to share information: parties, one row per recipient with yes or no, data,
    purpose, validity, withdrawal, the information of GDPR art. 13 and the confidentiality law
    of the provider; a signature line for the legal representative when there is one."""
    signers = [
        Signer(t["sig_person"], "{{ person.full_name }}", drawn_signature=True),
        # every adult member of the family gives their own consent
        Signer("{{ m.family_role }}", "{{ m.full_name }}", loop="m in consent.family"),
        Signer(
            t["sig_legal_rep"],
            "{{ legal_rep.name }}",
            "{{ legal_rep.kind }}",
            condition="legal_rep.name",
        ),
        Signer(t["sig_worker"], "{{ worker.name }}", "{{ worker.title }}", '"worker" in signs'),
    ]
    return "".join(
        [
            title(t["consent_title"]),
            para(t["consent_intro"], color="595959", after=120),
            tag("{%p if consent.family %}"),
            para(t["consent_family"], color="595959", after=120),
            tag("{%p endif %}"),
            heading(t["h_person"]),
            _parties(t),
            tag("{%p if legal_rep.name %}"),
            para(t["consent_legal_rep"]),
            tag("{%p endif %}"),
            heading(t["h_consent_parties"]),
            tag("{%p if consent.recipients %}"),
            loop_table(
                [(t["recipient"], 3000), (t["recipient_name"], 4238), (t["consents"], 2400)],
                ["{{ r.kind }}", _v("r.name"), "{{ r.answer }}"],
                "r in consent.recipients",
                first_column_fill=True,
            ),
            tag("{%p endif %}"),
            tag("{%p if consent.parties %}"),
            para(t["consent_parties_free"], keep_next=True, after=40, color="595959", size=18),
            para("{{ consent.parties }}"),
            tag("{%p endif %}"),
            heading(t["h_consent_data"]),
            para("{{ consent.data }}"),
            heading(t["h_consent_purpose"]),
            para("{{ consent.purpose }}"),
            heading(t["h_consent_valid"]),
            para(t["consent_valid"]),
            heading(t["h_consent_withdraw"]),
            para(t["consent_withdraw"], keep_next=True, after=60),
            para(t["consent_contacts"]),
            heading(t["h_gdpr"]),
            para(t["gdpr_controller"], size=18, after=40),
            para(t["gdpr_purposes"], size=18, after=40),
            para(t["gdpr_recipients"], size=18, after=40),
            para(t["gdpr_special"], size=18, after=40),
            para(t["gdpr_retention"], size=18, after=40),
            para(t["gdpr_rights"], size=18, after=40),
            para(t["gdpr_authority"], size=18, after=40),
            para(t["consent_secrecy"], size=18, after=40),
            para(t["consent_legal"], color="595959", size=18),
            heading(t["h_signatures"]),
            para(t["signatures_note"], keep_next=True, after=40),
            signature_block(signers, t["place_and_date"], t["signature"]),
        ]
    )


def _assessment(t: Texts) -> str:
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
            subheading(t["h_matters"]),
            facts(
                [
                    (t["values"], _v("assessment.what_they_value")),
                    (t["feels_safe"], _v("assessment.feels_safe")),
                    (t["interests"], _v("assessment.interests")),
                    (t["network"], _v("assessment.network")),
                ]
            ),
            subheading(t["h_earlier"]),
            loop_table(
                [(t["intervention"], 4000), (t["when"], 1638), (t["result"], 4000)],
                [_v("e.intervention"), _v("e.when"), _v("e.result")],
                "e in assessment.earlier_interventions",
                size=18,
            ),
            tag("{%p if assessment.extras %}"),
            subheading(t["h_extras"]),
            loop_table(
                [(t["question"], 3400), (t["answer"], 6238)],
                ["{{ x.label }}", _v("x.value")],
                "x in assessment.extras",
                first_column_fill=True,
                size=18,
            ),
            tag("{%p endif %}"),
        ]
    )


def _goals(t: Texts) -> str:
    return "".join(
        [
            para(t["goals_intro"], color="595959", size=18),
            tag("{%p for goal in plan.goals %}"),
            subheading(t["goal"] + " {{ goal.no }}: {{ goal.area }}"),
            para("{{ goal.goal }}", keep_next=True, bold=True),
            para(
                t["from_assignment"] + " " + _v("goal.from_assignment"),
                keep_next=True,
                size=18,
                color="595959",
            ),
            loop_table(
                [
                    (t["no"], 500),
                    (t["sub_goal"], 1700),
                    (t["person_actions"], 1400),
                    (t["worker_actions"], 1450),
                    (t["others"], 1888),  # names of people and offices: long words
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


def _member_tasks(t: Texts) -> str:
    """Each task of the family plan with whose it is: the person or a member of the family."""
    return "".join(
        [
            tag("{%p if plan.member_tasks %}"),
            subheading(t["h_member_tasks"]),
            loop_table(
                [(t["member_whose"], 2600), (t["member_task"], 5138), (t["member_due"], 1900)],
                [_v("m.whose"), _v("m.task"), _v("m.due|nobreak")],
                "m in plan.member_tasks",
                size=18,
            ),
            tag("{%p endif %}"),
        ]
    )


def plan(t: Texts) -> str:
    from templates_docx.build.records import plan_changes  # records builds on this module

    """The individual plan; section order and names follow ``t`` (SOSFS 2014:5, art. 49 u.p.s.)."""
    return "".join(
        [
            tag("{%p if approval.needed and not approval.by %}"),
            para(t["draft_banner"], bold=True, color="C00000", size=26, align="center", after=120),
            tag("{%p endif %}"),
            title(t["plan_title"]),
            para(t["plan_subtitle"], color="595959", after=120),
            heading(t["h_plan_basis"]),
            facts(
                [
                    (t["name"], _v("person.full_name")),
                    (
                        '{{ person.identity_kind or "' + t["identity"] + '" }}',
                        _v("person.identity_number|nobreak"),
                    ),
                    (t["assignment"], _v("case.assignment")),
                    (t["method"], "{{ case.method }}"),
                    (t["contact_person"], _v("worker.name")),
                    (t["caseworker"], _v("caseworker.name")),
                    (t["adopted_on"], _v("plan.adopted_on")),
                ]
            ),
            heading(t["h_analysis"]),
            _assessment(t),
            heading(t["h_goals"]),
            _goals(t),
            _member_tasks(t) if "h_member_tasks" in t else "",  # the plan pracy z rodziną
            heading(t["h_participation"]),
            facts(
                [
                    (t["participation"], _v("plan.participation")),
                    (t["other_participants"], _v("plan.other_participants")),
                ]
            ),
            heading(t["h_follow_up"]),
            facts(
                [
                    (t["follow_up_rhythm"], _v("plan.follow_up_rhythm")),
                    (t["follow_up_how"], _v("plan.follow_up_how")),
                    (t["meeting_dates"], _v("plan.meeting_dates")),
                ]
            ),
            para(t["follow_up_note"], color="595959", size=18),
            plan_changes(t),
            _signatures(t, caseworker=True, head=True),
        ]
    )
