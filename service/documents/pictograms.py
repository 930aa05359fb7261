"""The pictures of the life areas in "My plan" (no imports: the template build reads it)."""

from __future__ import annotations

#: The life areas that have a picture of their own (templates_docx/pictograms/<key>.svg);
#: any other area gets the picture of a goal.
PICTURES = (
    "housing",
    "education",
    "occupation",
    "social",
    "children",
    "household",
    "finances",
    "relations",
    "health",
    "institutions",
    "everyday",
    "contact",
    "outside",
    "centre",
    "network",
    "work",
    "family",
)
DEFAULT_PICTURE = "goal"
