"""One step of a case: drafts on every submit, explicit finalising, conflicts made visible."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from forms.draft import DiscardDraftForm
from service import access, audit, page_cache
from service.cases import operations
from service.cases.actions import action_review_start
from service.cases.journey import method_of, step_blocker
from service.cases.progress import step_overview
from service.cases.step_forms import (
    apply_row_action,
    change_reason,
    formdata_dict,
    formdata_from,
    make_form,
)
from service.cases.subgoals import follow_up_start
from service.cases.views import bp
from service.models import Case


@bp.route("/cases/<int:case_id>/steps/<step_key>", methods=["GET", "POST"])
@bp.route("/cases/<int:case_id>/steps/<step_key>/<int:instance>", methods=["GET", "POST"])
def step(case_id: int, step_key: str, instance: int = 1) -> str | Response:
    """Fill in a step. Every submit keeps a draft; "Finalise" validates and makes a version."""
    case = access.get_case(case_id)
    access.require("edit" if request.method == "POST" else "view", case)
    if request.method == "GET":
        return _step_page(case, step_key, instance)
    method, spec = _method_and_spec(case, step_key, instance)
    blocked = _blocked(case, spec)
    if blocked is not None:
        return blocked
    final = operations.latest_submission(case, step_key, instance)
    form = make_form(method, spec, changing=final is not None, formdata=request.form, case=case)
    action = request.form.get("action", "draft")
    try:
        if action.startswith(("add:", "remove:")):
            apply_row_action(form, action)
            _save_draft(case, step_key, instance, form)
            return _show(case, spec, instance, form)
        if action == "finalise":
            if form.validate_on_submit():
                operations.save_step(
                    case,
                    step_key,
                    form.answers(),
                    current_user,
                    form_version=method.version,
                    change_reason=change_reason(form),
                    instance=instance,
                    token=form.edit_token.data or "",
                    method_source=method.source,
                )
                flash(_("“%(step)s” is finalised.", step=_(spec.title)), "success")
                return redirect(url_for("cases.case", case_id=case.id))
            _save_draft(case, step_key, instance, form)
            return _show(case, spec, instance, form)
        _save_draft(case, step_key, instance, form)
    except operations.EditConflict as conflict:
        return _show_conflict(case, method, spec, instance, form, conflict)
    flash(_("Draft saved. You can go on later; nothing is lost."), "success")
    return redirect(url_for("cases.case", case_id=case.id))


@bp.route("/cases/<int:case_id>/steps/<step_key>/<int:instance>/discard", methods=["GET", "POST"])
def discard_draft(case_id: int, step_key: str, instance: int) -> str | Response:
    """Ask, then discard the draft of a step (staff who may edit it); audited."""
    case = access.get_case(case_id)
    access.require("edit", case)
    method = method_of(case)
    spec = method.steps.get(step_key) or abort(404)
    if instance != 1 and not spec.repeatable:
        abort(404)
    draft = operations.get_draft(case, step_key, instance)
    form = DiscardDraftForm()
    changed = False
    if draft is not None and form.validate_on_submit():
        try:
            operations.discard_draft(
                case, step_key, instance, current_user, revision=int(form.revision.data)
            )
        except operations.EditConflict as conflict:
            # Saved again after this page was shown: show the newer draft and ask again.
            draft, changed = conflict.draft, True
        else:
            flash(
                _("The draft of “%(step)s” is discarded.", step=_step_title(spec, instance)),
                "success",
            )
            return redirect(url_for("cases.case", case_id=case.id))
    if draft is None:  # nothing (any more) to discard: finalised or discarded by someone
        flash(_("“%(step)s” has no draft to discard.", step=_step_title(spec, instance)), "warning")
        return redirect(url_for("cases.case", case_id=case.id))
    form.revision.data = str(draft.revision)
    return render_template(
        "cases/discard_draft.html",
        case=case,
        step=spec,
        title=_step_title(spec, instance),
        instance=instance,
        draft=draft,
        answers=make_form(method, spec, changing=False, formdata=formdata_from(draft.formdata)),
        final=operations.latest_submission(case, step_key, instance),
        form=form,
        changed=changed,
    )


def _method_and_spec(case: Case, step_key: str, instance: int) -> tuple[Any, Any]:
    """The method version this step's answers were given to (else the case's, journey.py) and
    the step in it; 404 for a step it does not have or an instance of a step that has one."""
    method = method_of(case, step_key, instance)
    spec = method.steps.get(step_key) or abort(404)
    if instance != 1 and not spec.repeatable:
        abort(404)
    return method, spec


def _blocked(case: Case, spec: Any) -> Response | None:
    """Back to the case page with the reason when the step cannot be filled in yet."""
    blocker = step_blocker(case, spec, operations.final_steps(case))
    if blocker is None:
        return None
    flash(str(blocker), "warning")
    return redirect(url_for("cases.case", case_id=case.id))


def _step_page(case: Case, step_key: str, instance: int) -> str | Response:
    """A step shown. Kept from an earlier view when nothing changed since (the step, its
    instance and its blockers were checked then: service/page_cache.py), else checked, read and
    rendered."""
    page_key = page_cache.page_key("step", case, step_key, instance)
    page = page_cache.kept(page_key)
    if page is None:
        key = page_cache.part_key("step", case, step_key, instance)
        title_key = None if key is None else (*key, "title")
        body, title = page_cache.kept(key), page_cache.kept(title_key)
        if body is None or title is None:
            method, spec = _method_and_spec(case, step_key, instance)
            blocked = _blocked(case, spec)
            if blocked is not None:  # a redirect, never a kept page
                return blocked
            final = operations.latest_submission(case, step_key, instance)
            form = _stored_form(case, method, spec, instance, final)
            title = page_cache.keep(title_key, _(spec.title))
            body = page_cache.keep(
                key, render_template("cases/_step_body.html", **_shown(case, spec, instance, form))
            )
        page = page_cache.keep(page_key, render_template("cases/step.html", title=title, body=body))
    # committed before the page leaves (audit.record_view)
    audit.record_view("step.view", case_id=case.id, step=step_key, instance=instance)
    return page


def _step_title(spec: Any, instance: int) -> str:
    """The step's title as the case page shows it ("Follow-up 2")."""
    return f"{_(spec.title)} {instance}" if spec.repeatable else _(spec.title)


def _stored_form(case: Case, method: Any, spec: Any, instance: int, final: Any) -> Any:
    """The draft if there is one, else the final answers, else an empty form (a new follow-up:
    every sub-goal at its latest status)."""
    draft = operations.get_draft(case, spec.key, instance)
    if draft is not None:
        form = make_form(
            method,
            spec,
            changing=final is not None,
            formdata=formdata_from(draft.formdata),
            case=case,  # a team_member question offers the case's team
        )
    else:
        form = make_form(
            method,
            spec,
            changing=final is not None,
            formdata=None,
            answers=final.answers if final else None,
            progress=follow_up_start(case, instance) if spec.key == "follow_up" else None,
            actions=action_review_start(case, instance) if spec.key == "follow_up" else None,
            case=case,
        )
    form.edit_token.data = operations.edit_token(case, spec.key, instance)
    return form


def _save_draft(case: Case, step_key: str, instance: int, form: Any) -> None:
    operations.save_draft(
        case,
        step_key,
        instance,
        formdata_dict(request.form),
        current_user,
        form.edit_token.data or "",
    )
    form.edit_token.data = operations.edit_token(case, step_key, instance)


def _show(case: Case, spec: Any, instance: int, form: Any, **extra: Any) -> str:
    return render_template("cases/step.html", **_shown(case, spec, instance, form), **extra)


def _shown(case: Case, spec: Any, instance: int, form: Any) -> dict[str, Any]:
    """What a step's body shows."""
    method = method_of(case, spec.key, instance)
    return {
        "case": case,
        "step": spec,
        "instance": instance,
        "form": form,
        "final": operations.latest_submission(case, spec.key, instance),
        "draft": operations.get_draft(case, spec.key, instance),
        "steps": step_overview(case),
        "areas": method.areas,
        "area_help": method.area_help,
    }


def _show_conflict(
    case: Case, method: Any, spec: Any, instance: int, form: Any, conflict: operations.EditConflict
) -> str:
    """Both versions on one page: theirs read-only, yours still in the form.

    Nothing stored any more (someone discarded the draft) leaves only yours to show.
    """
    theirs, who, when = None, None, None
    draft, final = conflict.draft, conflict.final
    if draft is not None and final is not None:
        # Read one after the other while the other save committed: the older one is outdated.
        if final.created_at >= draft.updated_at:
            draft = None
        else:
            final = None
    if draft is not None:
        theirs = make_form(method, spec, changing=False, formdata=formdata_from(draft.formdata))
        who, when = draft.updated_by, draft.updated_at
    elif final is not None:
        theirs = make_form(method, spec, changing=False, formdata=None, answers=final.answers)
        who, when = final.created_by, final.created_at
    form.edit_token.data = operations.edit_token(case, spec.key, instance)
    return _show(case, spec, instance, form, conflict={"form": theirs, "who": who, "when": when})
