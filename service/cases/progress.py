"""Where a case stands on each step: for the step list and the progress indicator."""

from __future__ import annotations

from dataclasses import dataclass, field

from forms.method_schema import StepSpec
from service.cases import operations
from service.cases.journey import method_of, step_blocker
from service.models import Case, StepDraft, Submission


@dataclass
class StepState:
    """One step of one case."""

    spec: StepSpec
    final: Submission | None
    draft: StepDraft | None
    blocker: object | None
    #: For a repeatable step: (instance, final, draft) of each instance.
    instances: list[tuple[int, Submission | None, StepDraft | None]] = field(default_factory=list)

    @property
    def state(self) -> str:
        """done / draft / open / blocked — the class of the progress indicator."""
        if self.blocker is not None:
            return "blocked"
        if self.final is not None:
            return "done"
        return "draft" if self.draft is not None else "open"


def step_overview(case: Case) -> list[StepState]:
    """Every step of the case's method, in journey order, with what exists of it."""
    method = method_of(case)
    finals = operations.final_steps(case)
    states = []
    for spec in method.steps.values():
        blocker = step_blocker(case, spec, finals)
        if spec.repeatable:
            rows = [
                (
                    n,
                    operations.latest_submission(case, spec.key, n),
                    operations.get_draft(case, spec.key, n),
                )
                for n in operations.instances(case, spec.key)
            ]
            final = next((f for _, f, _ in reversed(rows) if f), None)
            draft = next((d for _, _, d in reversed(rows) if d), None)
            states.append(StepState(spec, final, draft, blocker, rows))
        else:
            states.append(
                StepState(
                    spec,
                    operations.latest_submission(case, spec.key, 1),
                    operations.get_draft(case, spec.key, 1),
                    blocker,
                )
            )
    return states
