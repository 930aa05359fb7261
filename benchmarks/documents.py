"""Document speed, printed in one run (``make bench``):

1. issuing a 4-area individual plan with 12 sub-goals through the service's renderer (cached
   template bytes and compiled Jinja, page stamp and QR code included) against plain docxtpl
   (open the file, render, save – for each document), and their ratio (target ≥ 10×);
2. PDF conversion through the warm LibreOffice converter against a cold
   ``soffice --headless --convert-to pdf`` of the same file, and their ratio (target ≥ 8×).

The plan's answers are the test fixtures of tests/documents/answers.py.
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docx.shared import Mm  # noqa: E402
from docxtpl import DocxTemplate, InlineImage  # noqa: E402
from jinja2 import Environment  # noqa: E402

from service import create_app  # noqa: E402
from service.documents.pdf import cold_convert, converter, pdf_available  # noqa: E402
from service.documents.rendering import TEMPLATE_DIR, nobreak  # noqa: E402
from service.documents.stamp import (  # noqa: E402
    QR_WIDTH_MM,
    context_hash,
    qr_png,
    render_stamped,
    short_hash,
)
from tests.documents.answers import sample_context  # noqa: E402

#: What a naive service would set up once: Jinja with the templates' one custom filter.
PLAIN_ENV = Environment(autoescape=True)
PLAIN_ENV.filters["nobreak"] = nobreak
RENDER_RUNS = 15
WARM_RUNS = 7
COLD_RUNS = 3


def median_seconds(action: Callable[[], Any], runs: int) -> float:
    """Median wall time of ``runs`` calls of ``action``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def plain_docxtpl(name: str, context: dict[str, Any]) -> bytes:
    """What a naive service does per document: open the .docx, render, save."""
    template = DocxTemplate(TEMPLATE_DIR / f"{name}.docx")
    extras = {
        "stamp": {"hash": short_hash(context_hash(context))},
        "qr": InlineImage(
            template, io.BytesIO(qr_png(context["document"]["verify_url"])), width=Mm(QR_WIDTH_MM)
        ),
        "signature": None,
    }
    template.render({**context, **extras}, jinja_env=PLAIN_ENV, autoescape=True)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def main() -> None:
    """Print the figures."""
    app = create_app({"TESTING": True, "DATABASE_URL": "sqlite://"})
    with app.app_context():
        context = sample_context("plan", "sv", "buss")
    goals = context["plan"]["goals"]
    sub_goals = sum(len(goal["sub_goals"]) for goal in goals)
    name = "plan_se_sv"
    render_stamped(name, context)  # first render fills the caches, as in a running service
    service = median_seconds(lambda: render_stamped(name, context), RENDER_RUNS)
    plain = median_seconds(lambda: plain_docxtpl(name, context), RENDER_RUNS)
    print(f"plan with {len(goals)} areas and {sub_goals} sub-goals, median of {RENDER_RUNS}:")
    print(f"  service renderer   {service * 1000:8.1f} ms")
    print(f"  plain docxtpl      {plain * 1000:8.1f} ms")
    print(f"  ratio              {plain / service:8.1f}x  (target >= 10x)")
    if not pdf_available():
        print("PDF: LibreOffice (soffice and python3-uno) is not installed; skipped.")
        return
    docx = render_stamped(name, context)
    warm = converter()
    warm.convert(docx)  # starts soffice once
    warm_time = median_seconds(lambda: warm.convert(docx), WARM_RUNS)
    warm.close()
    with tempfile.TemporaryDirectory(prefix="stegvis-bench-") as tmp:
        profile = Path(tmp) / "profile"
        cold_convert(docx, profile)  # creates the profile, so each timed run is a plain start
        cold_time = median_seconds(lambda: cold_convert(docx, profile), COLD_RUNS)
    print(f"PDF of the same plan, median (warm of {WARM_RUNS}, cold of {COLD_RUNS}):")
    print(f"  warm converter     {warm_time * 1000:8.1f} ms")
    print(f"  cold soffice       {cold_time * 1000:8.1f} ms")
    print(f"  ratio              {cold_time / warm_time:8.1f}x  (target >= 8x)")


if __name__ == "__main__":
    main()
