"""The kontrakt socjalny after its pattern (Rozporządzenie MPiPS z 8 listopada 2010 r., Dz.U. 2010
nr 218 poz. 1439): the stamp and date of conclusion, the parties (the person or every member of
the family who is a party; the social worker with phone), part I A or I B, part II A or II B with
the numbered actions and the period, the amendments (aneks), the evaluation and a signature line
per party. The consent to share information is its own document, never part of the kontrakt."""

from __future__ import annotations

from templates_docx.build.bodies import Texts, _v
from templates_docx.build.kit import (
    GREY,
    Signer,
    facts,
    heading,
    loop_table,
    p,
    para,
    signature_block,
    subheading,
    tag,
    title,
)

B = 'kontrakt.variant == "b"'


def _either(t: Texts, key: str) -> str:
    """The A or the B wording of ``key`` as the variant chosen on the case says."""
    return "{% if " + B + " %}" + t[key + "_b"] + "{% else %}" + t[key + "_a"] + "{% endif %}"


def _parties(t: Texts) -> str:
    return "".join(
        [
            para(t["between"], keep_next=True, after=60),
            para(_either(t, "variant"), italic=True, keep_next=True, after=120),
            subheading(t["h_person_family"]),
            loop_table(
                [
                    (t["no"], 500),
                    (t["last_name"], 1900),
                    (t["first_name"], 1600),
                    (t["residence"], 3538),
                    (t["pesel"], 2100),
                ],
                [
                    "{{ p.no }}",
                    _v("p.last_name"),
                    _v("p.first_name"),
                    _v("p.address") + "{% if p.family_role %} ({{ p.family_role }}){% endif %}",
                    _v("p.identity_number|nobreak"),
                ],
                "p in kontrakt.parties",
                size=18,
            ),
            subheading(t["h_social_worker"]),
            facts(
                [
                    (t["sw_name"], _v("kontrakt.social_worker.name")),
                    (t["sw_phone"], _v("kontrakt.social_worker.phone|nobreak")),
                    (
                        t["centre"],
                        "{{ unit.name }}{% if unit.address %}, {{ unit.address }}{% endif %}",
                    ),
                    (t["case"], "{{ case.reference }} · {{ case.method }}"),
                ]
            ),
        ]
    )


def _part_one(t: Texts) -> str:
    numbered = [
        (t["causes"], "kontrakt.part_one.causes"),
        (t["possibilities"], "kontrakt.part_one.possibilities"),
        (t["limitations"], "kontrakt.part_one.limitations"),
    ]
    rows = "".join(
        para(f"{n}. {label}", bold=True, keep_next=True, after=20) + para(_v(expr))
        for n, (label, expr) in enumerate(numbered, start=1)
    )
    unemployment = [
        (t["unemployment_causes"], "kontrakt.unemployment.causes"),
        (t["work_limitations"], "kontrakt.unemployment.limitations"),
        (t["earlier_activation"], "kontrakt.unemployment.earlier_activation"),
    ]
    rows_b = "".join(
        para(f"{n}. {label}", bold=True, keep_next=True, after=20) + para(_v(expr))
        for n, (label, expr) in enumerate(unemployment, start=4)
    )
    return "".join(
        [
            heading(_either(t, "part_one")),
            tag("{%p if kontrakt.part_one.from_assessment %}"),
            para(t["from_assessment"], color=GREY, size=18, after=60),
            tag("{%p endif %}"),
            rows,
            tag("{%p if " + B + " %}"),
            rows_b,
            tag("{%p endif %}"),
            para(t["main_goal"], bold=True, keep_next=True, after=20),
            tag("{%p for goal in kontrakt.part_one.main_goals %}"),
            para('{{ goal or "—" }}', after=40),
            tag("{%p endfor %}"),
            para(t["sub_goals"], bold=True, keep_next=True, after=20),
            tag("{%p for goal in kontrakt.part_one.sub_goals %}"),
            para("{{ loop.index }}. {{ goal }}", after=20),
            tag("{%p endfor %}"),
            tag("{%p if not kontrakt.part_one.sub_goals %}"),
            para("—"),
            tag("{%p endif %}"),
        ]
    )


def _part_two(t: Texts) -> str:
    return "".join(
        [
            heading(_either(t, "part_two")),
            para(t["actions_intro"], keep_next=True, after=60),
            loop_table(
                [(t["no"], 600), (t["action"], 4900), (t["who"], 2238), (t["by_when"], 1900)],
                ["{{ a.no }}", _v("a.what"), _v("a.who"), _v("a.by_when")],
                "a in agreement.actions",
                size=18,
            ),
            para(t["period"], after=60),
            subheading(t["h_cooperation"]),
            facts(
                [
                    (
                        t["contact"],
                        _v("worker.name") + "{% if worker.title %}, {{ worker.title }}{% endif %}",
                    ),
                    (t["rhythm"], _v("agreement.meeting_rhythm")),
                    (t["channels"], _v("agreement.contact_channels")),
                ]
            ),
            para(t["changes"], after=60),
            para(t["art_11"], color=GREY, size=18, after=60),
            para(t["consent_apart"], color=GREY, size=18),
        ]
    )


def _amendments(t: Texts) -> str:
    return "".join(
        [
            heading(t["h_amendments"]),
            tag("{%p if kontrakt.amendments %}"),
            loop_table(
                [(t["no"], 600), (t["date"], 1900), (t["change"], 4638), (t["signatures"], 2500)],
                ["{{ m.no }}", "{{ m.agreed_on }}", "{{ m.text }}", ""],
                "m in kontrakt.amendments",
                size=18,
            ),
            tag("{%p else %}"),
            para(t["no_amendments"]),
            tag("{%p endif %}"),
        ]
    )


#: A dotted line to write on by hand, to the right margin (the evaluation before any
#: follow-up is final): a dot-leader tab.
_WRITE_ON = '<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9638"/></w:tabs>'
_LINE = "<w:r><w:tab/></w:r>"


def _evaluation(t: Texts) -> str:
    evaluation = "kontrakt.evaluation"
    return "".join(
        [
            heading(t["h_evaluation"]),
            tag("{%p if " + evaluation + ".as_of or " + evaluation + ".final %}"),
            # each numbered action of part II as the newest final follow-up found it
            tag("{%p if " + evaluation + ".actions %}"),
            para(t["actions_as_of"], keep_next=True, after=60),
            loop_table(
                [(t["no"], 600), (t["action"], 3700), (t["status"], 2338), (t["comment"], 3000)],
                [
                    "{{ r.no }}",
                    _v("r.what"),
                    "{{ r.status }}{% if r.day and r.day != " + evaluation + ".as_of %}"
                    " ({{ r.day }}){% endif %}",
                    "{{ r.comment }}",
                ],
                "r in kontrakt.evaluation.actions",
                size=18,
            ),
            tag("{%p endif %}"),
            tag("{%p if " + evaluation + ".meetings %}"),
            loop_table(
                [(t["meeting"], 2300), (t["carried_out"], 7338)],
                ["{{ e.day }}", "{{ e.text }}"],
                "e in kontrakt.evaluation.meetings",
                size=18,
            ),
            tag("{%p endif %}"),
            tag("{%p if " + evaluation + ".sub_goals %}"),
            para(t["reached"], after=60),
            tag("{%p endif %}"),
            tag("{%p if " + evaluation + ".final %}"),
            para(t["final"], bold=True, keep_next=True, after=20),
            para("{{ kontrakt.evaluation.final }}"),
            tag("{%p endif %}"),
            tag("{%p else %}"),
            para(t["no_evaluation"], keep_next=True, after=0),
            # lines to write the evaluation on by hand until a follow-up is final
            p(_LINE, keep_next=True, before=240, after=0, extra=_WRITE_ON),
            p(_LINE, keep_next=True, before=240, after=0, extra=_WRITE_ON),
            p(_LINE, before=240, after=120, extra=_WRITE_ON),
            tag("{%p endif %}"),
        ]
    )


def _signatures(t: Texts) -> str:
    signers = [
        Signer(t["sig_party"], "{{ person.full_name }}", drawn_signature=True),
        Signer(
            '{{ p.family_role or "' + t["sig_family"] + '" }}',
            "{{ p.full_name }}",
            loop="p in kontrakt.parties[1:]",
        ),
        Signer(
            t["sig_legal_rep"],
            "{{ legal_rep.name }}",
            "{{ legal_rep.kind }}",
            condition="legal_rep.name",
        ),
        Signer(
            t["sig_caseworker"],
            _v("kontrakt.social_worker.name"),
            "{% if kontrakt.social_worker.phone %}tel. {{ kontrakt.social_worker.phone|nobreak }}"
            "{% endif %}",
            condition='"caseworker" in signs',
        ),
        Signer(t["sig_worker"], "{{ worker.name }}", "{{ worker.title }}", '"worker" in signs'),
    ]
    return (
        heading(t["h_signatures"])
        + para(t["kontrakt_copies"], keep_next=True, after=40)
        + signature_block(signers, t["place_and_date"], t["signature"])
    )


def kontrakt(t: Texts) -> str:
    """The whole kontrakt socjalny."""
    return "".join(
        [
            para("{{ unit.name }}", bold=True, after=0),
            para(t["stamp"], color=GREY, size=16, after=120),
            para(
                t["concluded"]
                + " {% if document.place %}{{ document.place }}, {% endif %}"
                + t["on_day"]
                + ' {{ kontrakt.concluded_on or "……………………" }}',
                align="right",
                after=200,
            ),
            title(t["kontrakt_title"]),
            _parties(t),
            _part_one(t),
            _part_two(t),
            _amendments(t),
            _evaluation(t),
            _signatures(t),
        ]
    )
