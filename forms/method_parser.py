"""Reading method files: YAML text → checked :class:`Method` definitions (or MethodError)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from forms.method_schema import (
    AGREEMENT_KEYS,
    COUNTRIES,
    DEFAULT_MAX_LENGTH,
    DEFAULT_ROLES,
    DOCUMENT_DUTIES,
    DOCUMENT_KEYS,
    DOCUMENTS,
    FROM_ASSESSMENT,
    KEY,
    QUESTION_FIELDS,
    QUESTION_TYPES,
    SIGNERS,
    STAFF_ROLES,
    STATUSES,
    STEP_KEYS,
    Choice,
    Condition,
    DocumentRoles,
    Method,
    MethodError,
    Question,
    Section,
    StepSpec,
)

#: Separates the base file from the method file in a stored snapshot.
SNAPSHOT_SEPARATOR = "\n# ---- method file ----\n"


def load_method_file(path: Path) -> Method:
    """Read and check one method file (and the base it names)."""
    text = path.read_text("utf-8")
    data = _yaml(path.name, text)
    base_text = ""
    if data.get("base"):
        base_path = path.with_name(f"{data['base']}.yaml")
        if not base_path.is_file():
            raise MethodError(path.name, "base", f"no base file {base_path.name}")
        base_text = base_path.read_text("utf-8")
    method = parse_method(path.stem, base_text, text)
    if not method.country:  # required in a file; a stored snapshot from before may lack it
        raise MethodError(path.name, "country", f"missing: {' or '.join(COUNTRIES)}")
    return method


def parse_method(stem: str, base_text: str, text: str) -> Method:
    """A method from the texts of its base and its own file (also used for snapshots)."""
    file = f"{stem}.yaml"
    data = _yaml(file, text)
    base_steps: dict[str, Any] = {}
    if base_text:
        base = _yaml(f"{data.get('base')}.yaml", base_text)
        _only(f"{data.get('base')}.yaml", "", base, {"steps"})
        base_steps = base.get("steps") or {}
    version = hashlib.sha256((base_text + "\0" + text).encode()).hexdigest()[:12]
    parser = _MethodParser(file, stem, f"{data['base']}.yaml" if data.get("base") else file)
    try:
        return parser.parse(data, base_steps, version, base_text + SNAPSHOT_SEPARATOR + text)
    except MethodError as error:
        if error.file != file:  # the mistake is in the base: say which method inherits it
            raise error.inherited((file,)) from None
        raise


def method_from_snapshot(key: str, source: str) -> Method:
    """A method as it was, from the text kept in a snapshot."""
    base_text, _, text = source.partition(SNAPSHOT_SEPARATOR)
    return parse_method(key, base_text, text)


def _yaml(file: str, text: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise MethodError(file, "", f"not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise MethodError(file, "", "the file must be a mapping of keys to values")
    return data


def _only(file: str, where: str, data: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise MethodError(
            file, where, f"unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})"
        )


#: What a step of a method or of its base may say.
STEP_FIELDS = {"title", "requires", "sets_status", "repeatable", "sections"}


class _MethodParser:
    """Checks one method; ``file`` is where the part being checked was written.

    A step is merged from the base and the method file, so while a part that came from the base
    is checked, ``file`` names the base: a mistake is reported where it can be corrected.
    """

    def __init__(self, file: str, stem: str, base_file: str) -> None:
        self.file, self.stem, self.base_file = file, stem, base_file
        #: (step, question key) → the file the question was written in.
        self.written_in: dict[tuple[str, str], str] = {}

    def fail(self, where: str, problem: str) -> MethodError:
        return MethodError(self.file, where, problem)

    @contextmanager
    def _written_in(self, file: str) -> Iterator[None]:
        """Report mistakes found inside the block against ``file``."""
        outer, self.file = self.file, file
        try:
            yield
        finally:
            self.file = outer

    def parse(
        self, data: dict[str, Any], base_steps: dict[str, Any], version: str, source: str
    ) -> Method:
        _only(
            self.file,
            "",
            data,
            {
                "key",
                "name",
                "short_name",
                "base",
                "country",
                "documents",
                "areas",
                "outcomes",
                "roles",
                "steps",
            },
        )
        key = data.get("key")
        if key != self.stem or not KEY.match(str(key)):
            raise self.fail("key", f"must be {self.stem!r}, the file name without .yaml")
        name = self._text(data, "name", "")
        country = str(data.get("country") or "")
        if country and country not in COUNTRIES:
            raise self.fail("country", f"must be one of {', '.join(COUNTRIES)}, not {country!r}")
        areas = self._choices(data.get("areas"), "areas", key_name="key", required=True)
        area_help = {str(a["key"]): str(a.get("help", "")) for a in data["areas"]}
        outcomes = self._choices(data.get("outcomes") or [], "outcomes")
        documents = tuple(data.get("documents") or ())
        for document in documents:
            if document not in DOCUMENTS:
                raise self.fail(
                    "documents", f"unknown document {document!r} (known: {', '.join(DOCUMENTS)})"
                )
        steps = self._steps(base_steps, data.get("steps") or {})
        if "agreement" in documents:
            asked = {q.key for q in steps["second_meeting"].questions()}
            assessed = {q.key for q in steps["assessment"].questions()}
            missing = [
                k
                for k in AGREEMENT_KEYS
                if k not in asked and FROM_ASSESSMENT.get(k) not in assessed
            ]
            if missing:
                raise self.fail(
                    "steps.second_meeting", f"the agreement needs the question {missing[0]!r}"
                )
        roles = self._roles(data.get("roles") or {})
        return Method(
            key=key,
            name=name,
            short_name=str(data.get("short_name") or name),
            version=version,
            areas=areas,
            steps=steps,
            documents=documents,
            outcomes=outcomes,
            area_help=area_help,
            source=source,
            country=country,
            roles=roles,
        )

    def _roles(self, data: Any) -> dict[str, DocumentRoles]:
        """``roles:``: per document type, who drafts, issues, approves and signs it."""
        if not isinstance(data, dict):
            raise self.fail("roles", "must be a mapping of document types")
        roles = {}
        for doc_type, duties in data.items():
            where = f"roles.{doc_type}"
            if doc_type not in DOCUMENT_KEYS:
                raise self.fail(where, f"unknown document (known: {', '.join(DOCUMENT_KEYS)})")
            if not isinstance(duties, dict):
                raise self.fail(where, "must be a mapping of draft, issue, approve and sign")
            _only(self.file, where, duties, set(DOCUMENT_DUTIES))
            found: dict[str, tuple[str, ...]] = {}
            for duty in DOCUMENT_DUTIES:
                if duty not in duties:
                    found[duty] = getattr(DEFAULT_ROLES, duty)
                    continue
                names = duties[duty]
                known = SIGNERS if duty == "sign" else STAFF_ROLES
                if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                    raise self.fail(f"{where}.{duty}", "must be a list of roles")
                for name in names:
                    if name not in known:
                        raise self.fail(
                            f"{where}.{duty}",
                            f"unknown role {name!r} (known: {', '.join(known)})",
                        )
                if duty in ("draft", "issue") and not names:
                    raise self.fail(f"{where}.{duty}", "someone must be able to do it")
                found[duty] = tuple(names)
            roles[doc_type] = DocumentRoles(**found)
        return roles

    def _text(self, data: dict[str, Any], name: str, where: str) -> str:
        value = data.get(name)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where or name, f"{name!r} must be a non-empty text")
        return value

    def _choices(
        self, items: Any, where: str, key_name: str = "value", required: bool = True
    ) -> tuple[Choice, ...]:
        if not isinstance(items, list) or (required and not items):
            raise self.fail(where, "must be a non-empty list")
        seen: set[str] = set()
        choices = []
        for index, item in enumerate(items):
            spot = f"{where}[{index}]"
            if not isinstance(item, dict) or key_name not in item or "label" not in item:
                raise self.fail(spot, f"each entry needs {key_name!r} and 'label'")
            _only(self.file, spot, item, {key_name, "label", "help"})
            value = str(item[key_name])
            if value in seen:
                raise self.fail(spot, f"{key_name} {value!r} appears twice")
            seen.add(value)
            choices.append(Choice(value, self._text(item, "label", spot)))
        return tuple(choices)

    def _steps(self, base: dict[str, Any], own: dict[str, Any]) -> dict[str, StepSpec]:
        for file, steps in ((self.base_file, base), (self.file, own)):
            for name in steps:
                if name not in STEP_KEYS:
                    raise MethodError(
                        file,
                        f"steps.{name}",
                        f"unknown step (the journey's steps: {', '.join(STEP_KEYS)})",
                    )
        steps = {}
        for name in STEP_KEYS:
            inherited, extra = base.get(name) or {}, own.get(name) or {}
            for file, part, allowed in (
                (self.base_file, inherited, STEP_FIELDS),
                (self.file, extra, STEP_FIELDS | {"add_sections", "drop_questions"}),
            ):
                if not isinstance(part, dict):
                    raise MethodError(file, f"steps.{name}", "must be a mapping")
                _only(file, f"steps.{name}", part, allowed)
            steps[name] = self._step(name, inherited, extra)
        for step in steps.values():
            self._other_step_dates(step, steps)
        return steps

    def _other_step_dates(self, step: StepSpec, steps: dict[str, StepSpec]) -> None:
        """A ``not_before: step.question`` names a date question of another step."""
        for question in step.questions():
            if not question.not_before or "." not in question.not_before:
                continue
            other_step, _, key = question.not_before.partition(".")
            file = self.written_in.get((step.key, question.key), self.file)
            if other_step == step.key:
                raise MethodError(
                    file,
                    f"steps.{step.key}, question {question.key!r}",
                    f"not_before names its own step: write {key!r}",
                )
            other = next((q for q in steps[other_step].questions() if q.key == key), None)
            if other is None or other.type != "date":
                raise MethodError(
                    file,
                    f"steps.{step.key}, question {question.key!r}",
                    f"not_before names {question.not_before!r}, "
                    f"which is not a date question of the step {other_step!r}",
                )

    def _step(self, name: str, inherited: dict[str, Any], extra: dict[str, Any]) -> StepSpec:
        where = f"steps.{name}"
        own_only = ("add_sections", "drop_questions")
        merged = {**inherited, **{k: v for k, v in extra.items() if k not in own_only}}

        def file_of(field_name: str) -> str:
            return self.file if field_name in extra else self.base_file

        # (file, place, section): every section is checked against the file it was written in.
        sections_from = file_of("sections")
        placed = [
            (sections_from, f"{where}.sections[{i}]", section)
            for i, section in enumerate(self._list(sections_from, where, merged, "sections"))
        ] + [
            (self.file, f"{where}.add_sections[{i}]", section)
            for i, section in enumerate(self._list(self.file, where, extra, "add_sections"))
        ]
        if not placed:
            raise self.fail(where, "the step has no sections")
        requires = merged.get("requires")
        if requires is not None and requires not in STEP_KEYS:
            raise MethodError(file_of("requires"), where, f"requires an unknown step {requires!r}")
        status = merged.get("sets_status")
        if status is not None and status not in STATUSES:
            raise MethodError(file_of("sets_status"), where, f"unknown status {status!r}")
        keys: dict[str, Question] = {}
        sections = []
        for file, place, section in placed:
            with self._written_in(file):
                sections.append(self._section(place, section, keys))
            self.written_in.update({(name, q.key): file for q in sections[-1].questions})
        sections = self._drop(where, sections, extra.get("drop_questions") or [])
        with self._written_in(file_of("title")):
            title = self._text(merged, "title", where)
        return StepSpec(
            key=name,
            title=title,
            sections=tuple(sections),
            requires=requires,
            sets_status=status,
            repeatable=bool(merged.get("repeatable")),
        )

    def _drop(self, where: str, sections: list[Section], drop: Any) -> list[Section]:
        """The sections without the base file's questions the method leaves to another step
        (``drop_questions``: only those another step asks instead, see FROM_ASSESSMENT)."""
        if not isinstance(drop, list):
            raise self.fail(f"{where}.drop_questions", "must be a list of question keys")
        asked = {q.key for section in sections for q in section.questions}
        for key in drop:
            if key not in FROM_ASSESSMENT:
                raise self.fail(
                    f"{where}.drop_questions",
                    f"{key!r} cannot be left out (only: {', '.join(FROM_ASSESSMENT)})",
                )
            if key not in asked:
                raise self.fail(f"{where}.drop_questions", f"the step does not ask {key!r}")
        kept = [
            Section(
                title=s.title,
                questions=tuple(q for q in s.questions if q.key not in drop),
                help=s.help,
                per_area=s.per_area,
            )
            for s in sections
        ]
        return [s for s in kept if s.questions]

    @staticmethod
    def _list(file: str, where: str, data: dict[str, Any], name: str) -> list[Any]:
        value = data.get(name) or []
        if not isinstance(value, list):
            raise MethodError(file, where, f"{name!r} must be a list of sections")
        return value

    def _section(self, where: str, data: Any, keys: dict[str, Question]) -> Section:
        if not isinstance(data, dict):
            raise self.fail(where, "a section must be a mapping")
        _only(self.file, where, data, {"title", "help", "per_area", "questions"})
        questions = data.get("questions")
        if not isinstance(questions, list) or not questions:
            raise self.fail(where, "a section needs a non-empty list of questions")
        return Section(
            title=self._text(data, "title", where),
            help=str(data.get("help", "")),
            per_area=bool(data.get("per_area")),
            questions=tuple(self._question(where, q, keys) for q in questions),
        )

    def _question(self, where: str, data: Any, keys: dict[str, Question]) -> Question:
        if not isinstance(data, dict) or "key" not in data:
            raise self.fail(where, "each question needs a 'key'")
        key = str(data["key"])
        where = f"{where}, question {key!r}"
        _only(self.file, where, data, QUESTION_FIELDS)
        if not KEY.match(key):
            raise self.fail(
                where, "a key is lower-case letters, digits and _ (starting with a letter)"
            )
        if key in keys:
            raise self.fail(where, "the key is used twice in this step")
        kind = data.get("type")
        if kind not in QUESTION_TYPES:
            raise self.fail(where, f"unknown type {kind!r} (known: {', '.join(QUESTION_TYPES)})")
        choices: tuple[Choice, ...] = ()
        if kind in ("choice", "multi_choice"):
            choices = self._choices(data.get("choices"), f"{where}, choices")
        elif "choices" in data:
            raise self.fail(where, f"a {kind} question has no choices")
        if kind == "yes_no":
            choices = (Choice("yes", "Yes"), Choice("no", "No"))
        children: tuple[Question, ...] = ()
        if kind == "repeat":
            sub: dict[str, Question] = {}
            raw = data.get("questions")
            if not isinstance(raw, list) or not raw:
                raise self.fail(where, "a repeat group needs a non-empty list of questions")
            children = tuple(self._question(where, q, sub) for q in raw)
            if any(c.not_before and "." in c.not_before for c in children):
                raise self.fail(where, "a question in a repeat group cannot name another step")
        elif "questions" in data or "item_label" in data:
            raise self.fail(where, "only a repeat group has questions and an item_label")
        low, high = self._range(where, kind, data)
        question = Question(
            key=key,
            type=kind,
            label=self._text(data, "label", where),
            help=str(data.get("help", "")),
            required=bool(data.get("required")),
            choices=choices,
            max_length=self._max_length(where, kind, data),
            min=low,
            max=high,
            min_rows=int(data.get("min_rows", 1)),
            max_rows=int(data.get("max_rows", 20)),
            questions=children,
            show_if=self._condition(where, data.get("show_if"), keys),
            not_before=self._not_before(where, data.get("not_before"), keys),
            item_label=str(data.get("item_label") or ""),
        )
        if question.min_rows < 0 or question.max_rows < max(question.min_rows, 1):
            raise self.fail(where, "max_rows must be at least min_rows and 1")
        keys[key] = question
        return question

    def _max_length(self, where: str, kind: str, data: dict[str, Any]) -> int | None:
        value = data.get("max_length", DEFAULT_MAX_LENGTH.get(kind))
        if "max_length" in data and kind not in DEFAULT_MAX_LENGTH:
            raise self.fail(where, f"a {kind} question has no max_length")
        if value is not None and (not isinstance(value, int) or value <= 0):
            raise self.fail(where, "max_length must be a positive whole number")
        return value

    def _range(
        self, where: str, kind: str, data: dict[str, Any]
    ) -> tuple[float | None, float | None]:
        low, high = data.get("min"), data.get("max")
        if (low is not None or high is not None) and kind not in ("number", "scale"):
            raise self.fail(where, f"a {kind} question has no min or max")
        if kind == "scale" and (low is None or high is None):
            raise self.fail(where, "a scale needs both min and max")
        for value in (low, high):
            if value is not None and not isinstance(value, int | float):
                raise self.fail(where, "min and max must be numbers")
        if low is not None and high is not None and low >= high:
            raise self.fail(where, "min must be less than max")
        return low, high

    def _condition(self, where: str, data: Any, keys: dict[str, Question]) -> Condition | None:
        if data is None:
            return None
        if (
            not isinstance(data, dict)
            or "question" not in data
            or not ({"equals", "in"} & set(data))
        ):
            raise self.fail(where, "show_if needs 'question' and 'equals' or 'in'")
        _only(self.file, f"{where}, show_if", data, {"question", "equals", "in"})
        other = keys.get(str(data["question"]))
        if other is None:
            raise self.fail(
                where,
                f"show_if names {data['question']!r}, "
                "which is not an earlier question of this step",
            )
        values = tuple(str(v) for v in (data["in"] if "in" in data else [data["equals"]]))
        known = {c.value for c in other.choices}
        if known and not set(values) <= known:
            raise self.fail(where, f"show_if compares {other.key!r} with a value it cannot have")
        return Condition(other.key, values)

    def _not_before(self, where: str, other: Any, keys: dict[str, Question]) -> str | None:
        """An earlier date question of this step, or ``step.question`` of another step (the
        date of that step's final answers; checked once every step is read)."""
        if other is None:
            return None
        step, dot, key = str(other).partition(".")
        if dot:
            if step not in STEP_KEYS or not KEY.match(key):
                raise self.fail(
                    where, f"not_before {other!r} must be 'step.question' with a known step"
                )
            return str(other)
        if other not in keys or keys[other].type != "date":
            raise self.fail(where, f"not_before must name an earlier date question, not {other!r}")
        return str(other)
