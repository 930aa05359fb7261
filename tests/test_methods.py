"""Method files: every shipped one loads and renders; mistakes are named precisely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask, render_template_string

from forms.builder import build_step_form
from forms.method_registry import METHODS_DIR, load_methods, methods
from forms.method_schema import STEP_KEYS, MethodError
from service.cli import main

RENDER = """{% from "_form.html" import step_sections %}{{ step_sections(form, step, areas, area_help) }}"""


def test_every_practice_has_a_method_file() -> None:
    assert set(methods()) == {"buss", "kliv_ut", "goal_work", "ipwzb", "family_plan"}
    buss = methods()["buss"]
    assert [a.value for a in buss.areas] == ["housing", "education", "occupation", "social"]
    ipwzb_assessment = {q.key for q in methods()["ipwzb"].steps["assessment"].questions()}
    assert {
        "difficulty_causes",
        "possibilities",
        "limitations",
        "family_situation",
        "financial_situation",
        "education",
        "employability",
        "health_addictions",
        "homelessness_reasons",
        "homelessness_years",
    } <= ipwzb_assessment
    kliv = {q.key for q in methods()["kliv_ut"].steps["assessment"].questions()}
    assert {"why_situation", "values", "feels_safe", "interests", "earlier_interventions"} <= kliv


@pytest.mark.parametrize("method_key", ["buss", "kliv_ut", "goal_work", "ipwzb", "family_plan"])
@pytest.mark.parametrize("step_key", STEP_KEYS)
def test_every_step_of_every_method_renders(app: Flask, method_key: str, step_key: str) -> None:
    method = methods()[method_key]
    step = method.steps[step_key]
    with app.test_request_context(headers={"Accept-Language": "en"}):
        form = build_step_form(method, step)(meta={"csrf": False})
        html = render_template_string(
            RENDER, form=form, step=step, areas=method.areas, area_help=method.area_help
        )
    for section in step.sections:
        assert section.title in html.replace("&#39;", "'")
        for question in section.questions:
            if question.type not in ("subgoal_progress", "action_review", "participants"):
                assert f'name="{question.key}' in html or f'-{question.key}"' in html, question.key
    if any(s.per_area for s in step.sections):
        for area in method.areas:
            assert f'name="areas-{area.value}-' in html


def _copy_methods(tmp_path: Path) -> Path:
    target = tmp_path / "methods"
    shutil.copytree(METHODS_DIR, target)
    return target


BROKEN = [
    (
        "type: long_text, label: Causes of the difficult",
        "type: longtext, label: Causes of the difficult",
        "ipwzb.yaml: steps.assessment.add_sections[0], question 'difficulty_causes': unknown type 'longtext'",
    ),
    (
        "key: homelessness_years",
        "key: homelessness_reasons",
        "question 'homelessness_reasons': the key is used twice in this step",
    ),
    (
        "{key: homelessness_years, type: number, label: Length of homelessness in years, min: 0, max: 80}",
        "{key: homelessness_years, type: number, label: Length, min: 9, max: 3}",
        "question 'homelessness_years': min must be less than max",
    ),
    ("key: ipwzb", "key: ipwzb_typo", "ipwzb.yaml: key: must be 'ipwzb'"),
    (
        "  - key: housing\n",
        "  - key: housing\n    colour: red\n",
        "ipwzb.yaml: areas[0]: unknown key 'colour'",
    ),
    ("documents: [agreement, plan]", "documents: [agreement, poster]", "unknown document 'poster'"),
    (
        "label: Ability to take up work",
        "label: Ability to take up work\n            show_if: {question: nowhere, equals: x}",
        "show_if names 'nowhere', which is not an earlier question of this step",
    ),
    ("areas:", "areas: [\n", "ipwzb.yaml: not valid YAML"),
]


@pytest.mark.parametrize(("old", "new", "message"), BROKEN)
def test_a_broken_method_file_is_named(tmp_path: Path, old: str, new: str, message: str) -> None:
    directory = _copy_methods(tmp_path)
    path = directory / "ipwzb.yaml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(MethodError) as caught:
        load_methods(directory)
    assert message in str(caught.value)
    result = CliRunner().invoke(main, ["check-methods", str(directory)])
    assert result.exit_code != 0 and message in result.output


def test_an_agreement_method_must_ask_what_the_agreement_needs(tmp_path: Path) -> None:
    directory = _copy_methods(tmp_path)
    shared = directory / "_shared.yaml"
    shared.write_text(shared.read_text("utf-8").replace("key: purpose,", "key: aim,"), "utf-8")
    with pytest.raises(
        MethodError, match="steps.second_meeting: the agreement needs the question 'purpose'"
    ):
        load_methods(directory)


ALL_METHOD_FILES = "buss.yaml, family_plan.yaml, goal_work.yaml, ipwzb.yaml, kliv_ut.yaml"
SHARED_BROKEN = [
    (
        "{key: meeting_date, type: date, label: Date of the meeting, required: true}\n"
        "          - {key: participants",
        "{key: meeting_date, type: textt, label: Date of the meeting, required: true}\n"
        "          - {key: participants",
        "_shared.yaml: steps.start_meeting.sections[0], question 'meeting_date': "
        "unknown type 'textt'",
    ),
    (
        "    sets_status: start_meeting\n",
        "    sets_status: started\n",
        "_shared.yaml: steps.start_meeting: unknown status 'started'",
    ),
    (
        "    title: Start meeting\n",
        "    title: Start meeting\n    colour: red\n",
        "_shared.yaml: steps.start_meeting: unknown key 'colour'",
    ),
    (
        "not_before: start_meeting.meeting_date}",
        "not_before: start_meeting.meeting_day}",
        "_shared.yaml: steps.closing, question 'closed_on': not_before names "
        "'start_meeting.meeting_day', which is not a date question",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), SHARED_BROKEN)
def test_a_mistake_in_the_shared_steps_names_that_file_and_its_heirs(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    directory = _copy_methods(tmp_path)
    shared = directory / "_shared.yaml"
    text = shared.read_text("utf-8")
    assert old in text
    shared.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(MethodError) as caught:
        load_methods(directory)
    assert str(caught.value).startswith(message)
    assert str(caught.value).endswith(f"(inherited by {ALL_METHOD_FILES})")
    assert caught.value.file == "_shared.yaml"
    result = CliRunner().invoke(main, ["check-methods", str(directory)])
    assert result.exit_code != 0
    assert message in result.output and f"(inherited by {ALL_METHOD_FILES})" in result.output
    assert "buss.yaml: steps" not in result.output


def test_a_method_that_replaces_a_broken_shared_step_is_not_named(tmp_path: Path) -> None:
    directory = _copy_methods(tmp_path)
    shared = directory / "_shared.yaml"
    text = shared.read_text("utf-8")
    shared.write_text(
        text.replace(
            "key: final_evaluation, type: long_text", "key: final_evaluation, type: longtext"
        ),
        "utf-8",
    )
    buss = directory / "buss.yaml"
    buss.write_text(
        buss.read_text("utf-8").replace(
            "steps:\n",
            "steps:\n  closing:\n    sections:\n      - title: Closing\n        questions:\n"
            "          - {key: closed_on, type: date, label: Date of closing, required: true}\n",
            1,
        ),
        "utf-8",
    )
    with pytest.raises(MethodError) as caught:
        load_methods(directory)
    assert str(caught.value).startswith(
        "_shared.yaml: steps.closing.sections[0], question 'final_evaluation': unknown type"
    )
    assert caught.value.inherited_by == (
        "family_plan.yaml",
        "goal_work.yaml",
        "ipwzb.yaml",
        "kliv_ut.yaml",
    )


def test_a_mistake_in_a_method_s_own_sections_names_the_method(tmp_path: Path) -> None:
    directory = _copy_methods(tmp_path)
    path = directory / "buss.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("type: long_text", "type: longtext", 1), "utf-8")
    with pytest.raises(MethodError) as caught:
        load_methods(directory)
    assert str(caught.value).startswith("buss.yaml: steps.")
    assert "add_sections[" in str(caught.value) and "inherited" not in str(caught.value)


def test_a_method_without_a_base_is_named_for_its_own_steps(tmp_path: Path) -> None:
    directory = tmp_path / "methods"
    directory.mkdir()
    shared = (METHODS_DIR / "_shared.yaml").read_text("utf-8")
    own = (METHODS_DIR / "goal_work.yaml").read_text("utf-8").replace("base: _shared\n", "")
    # the shared steps written into the method itself; a step without a title
    steps = shared.split("steps:\n", 1)[1].replace("    title: Closing\n", "", 1)
    (directory / "goal_work.yaml").write_text(
        own.replace("steps:\n", "steps:\n" + steps, 1) if "steps:\n" in own else own, "utf-8"
    )
    with pytest.raises(MethodError) as caught:
        load_methods(directory)
    message = str(caught.value)
    assert message.startswith("goal_work.yaml: steps.")
    assert message.endswith(": 'title' must be a non-empty text")
    assert not caught.value.inherited_by


def test_check_methods_reports_the_shipped_files() -> None:
    result = CliRunner().invoke(main, ["check-methods"])
    assert result.exit_code == 0 and "5 method files are correct." in result.output


def test_start_up_stops_on_a_broken_method_file(tmp_path: Path) -> None:
    from service import create_app

    directory = _copy_methods(tmp_path)
    path = directory / "buss.yaml"
    path.write_text(
        path.read_text("utf-8").replace(
            "  - key: housing\n", "  - key: housing\n    colour: red\n", 1
        ),
        "utf-8",
    )
    with pytest.raises(MethodError, match="buss.yaml: areas\\[0\\]: unknown key 'colour'"):
        create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "METHODS_DIR": str(directory)})


def test_the_service_works_by_the_methods_of_its_methods_dir(tmp_path: Path) -> None:
    from service import create_app

    directory = _copy_methods(tmp_path)
    (directory / "goal_work.yaml").unlink()
    app = create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "METHODS_DIR": str(directory)})
    with app.app_context():
        assert "goal_work" not in methods() and "buss" in methods()
    assert "goal_work" in methods()  # outside the app: the shipped files


def test_the_version_follows_the_file(tmp_path: Path) -> None:
    directory = _copy_methods(tmp_path)
    before = load_methods(directory)["buss"].version
    path = directory / "buss.yaml"
    path.write_text(path.read_text("utf-8").replace("Kept their housing", "Kept the flat"), "utf-8")
    assert load_methods(directory)["buss"].version != before
    assert load_methods(directory)["ipwzb"].version == load_methods(METHODS_DIR)["ipwzb"].version


def test_method_texts_are_extracted_for_translation() -> None:
    from forms.babel_extract import extract_methods

    with open(METHODS_DIR / "ipwzb.yaml", "rb") as fh:
        messages = {m for _line, _f, m, _c in extract_methods(fh, None, None, {})}
    assert {
        "Health, including addictions",
        "Got social housing",
        "Housing",
        "Analysis of the situation (IPWzB)",
    } <= messages
    assert "ipwzb" not in messages and "long_text" not in messages
