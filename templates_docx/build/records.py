"""The bodies of the follow-up record and the closing summary."""

from __future__ import annotations

from templates_docx.build.bodies import Texts, _signatures, _v
from templates_docx.build.kit import (
    facts,
    heading,
    loop_table,
    p,
    para,
    spacer,
    subheading,
    tag,
    title,
)


def follow_up(t: Texts) -> str:
    """The record of one follow-up meeting."""
    return "".join(
        [
            title(t["fu_title"]),
            p(after=60),
            facts(
                [
                    (t["name"], _v("person.full_name")),
                    (t["meeting_date"], _v("follow_up.meeting_date")),
                    (t["participants"], _v("follow_up.participants")),
                    (t["contact_person"], _v("worker.name")),
                    (t["plan_ref"], _v("follow_up.plan_number")),
                    (t["next_meeting"], _v("follow_up.next_meeting")),
                ]
            ),
            heading(t["h_since"]),
            para(_v("follow_up.since_last_time")),
            heading(t["h_successes"]),
            para(_v("follow_up.successes")),
            heading(t["h_setbacks"]),
            para(_v("follow_up.setbacks")),
            heading(t["h_progress"]),
            para(t["progress_note"], color="595959", size=18),
            loop_table(
                [(t["no"], 600), (t["sub_goal"], 3200), (t["status"], 2300), (t["comment"], 3538)],
                ["{{ r.ref }}", _v("r.sub_goal"), "{{ r.status }}", _v("r.comment")],
                "r in follow_up.progress",
                size=18,
            ),
            heading(t["h_actions"]),
            tag("{%p if follow_up.actions %}"),
            loop_table(
                [
                    (t["no"], 600),
                    (t["action"], 3000),
                    (t["who"], 1400),
                    (t["by_when"], 1500),
                    (t["action_status"], 1400),
                    (t["comment"], 1738),
                ],
                [
                    "{{ act.no }}",
                    _v("act.what"),
                    _v("act.who"),
                    _v("act.by_when"),
                    _v("act.status"),
                    _v("act.comment"),
                ],
                "act in follow_up.actions",
                size=18,
            ),
            tag("{%p else %}"),
            para("—"),
            tag("{%p endif %}"),
            heading(t["h_ratings"]),
            para(t["ratings_note"], color="595959", size=18, keep_next=True),
            loop_table(
                [
                    (t["area"], 2638),
                    (t["rating_before"], 2000),
                    (t["rating_now"], 2000),
                    (t["rating_worker"], 3000),
                ],
                ["{{ a.label }}", _v("a.before"), _v("a.now"), _v("a.worker")],
                "a in follow_up.ratings",
                first_column_fill=True,
                size=18,
            ),
            heading(t["h_observations"]),
            facts([(t["engagement"], _v("follow_up.engagement"))]),
            para(_v("follow_up.worker_observations")),
            heading(t["h_changes"]),
            para(_v("follow_up.plan_changes")),
            tag("{%p for x in follow_up.extras %}"),
            subheading("{{ x.label }}"),
            para(_v("x.value")),
            tag("{%p endfor %}"),
            _signatures(t, caseworker=False),
        ]
    )


def closing(t: Texts) -> str:
    """The closing summary of the whole case."""
    return "".join(
        [
            title(t["cl_title"]),
            p(after=60),
            facts(
                [
                    (t["name"], _v("person.full_name")),
                    (t["case"], "{{ case.reference }} · {{ case.method }}"),
                    (t["opened_on"], _v("closing.opened_on")),
                    (t["closed_on"], _v("closing.closed_on")),
                    (t["reason"], _v("closing.reason")),
                    (t["contact_person"], _v("worker.name")),
                ]
            ),
            heading(t["h_evaluation"]),
            para(_v("closing.final_evaluation")),
            tag("{%p if closing.own_words %}"),
            heading(t["h_own_words"]),
            para("{{ closing.own_words }}", italic=True),
            tag("{%p endif %}"),
            heading(t["h_goals_result"]),
            loop_table(
                [(t["area"], 2000), (t["goal"], 4638), (t["reached"], 3000)],
                ["{{ g.area }}", _v("g.goal"), "{{ g.reached }}"],
                "g in closing.goals",
                first_column_fill=True,
                size=18,
            ),
            heading(t["h_ratings_change"]),
            loop_table(
                [(t["area"], 3638), (t["rating_start"], 3000), (t["rating_end"], 3000)],
                ["{{ a.label }}", _v("a.start"), _v("a.end")],
                "a in closing.ratings",
                first_column_fill=True,
                size=18,
            ),
            heading(t["h_outcomes"]),
            tag("{%p for o in closing.outcomes %}"),
            para("– {{ o }}"),
            tag("{%p endfor %}"),
            tag("{%p if not closing.outcomes %}"),
            para("—"),
            tag("{%p endif %}"),
            spacer(),
            _signatures(t, caseworker=True),
        ]
    )


def plan_changes(t: Texts) -> str:
    """The plan's sub-goals lowered at follow-ups (what, when, why) and its tapering rhythm."""
    return "".join(
        [
            tag("{%p if plan.lowered %}"),
            heading(t["h_lowered"]),
            para(t["lowered_note"], color="595959", size=18, keep_next=True),
            loop_table(
                [
                    (t["no"], 600),
                    (t["lowered_on"], 1500),
                    (t["before"], 2400),
                    (t["after"], 2400),
                    (t["why"], 2738),
                ],
                [
                    "{{ low.ref }}",
                    _v("low.on"),
                    _v("low.before"),
                    "{{ low.after }}{% if low.due %} ("
                    + t["new_due"]
                    + " {{ low.due }}){% endif %}",
                    _v("low.reason"),
                ],
                "low in plan.lowered",
                size=18,
            ),
            tag("{%p endif %}"),
            tag("{%p if plan.phase_out %}"),
            facts([(t["phase_out"], _v("plan.phase_out"))]),
            tag("{%p endif %}"),
        ]
    )
