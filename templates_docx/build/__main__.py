"""``python -m templates_docx.build``: (re)generate the Word templates."""

from __future__ import annotations

from templates_docx.build import bodies, records
from templates_docx.build.docx_io import patch_agreement, write_template
from templates_docx.build.texts import COMMON, CONSENT, page_texts
from templates_docx.build.texts_plan import PLAN, PLAN_FAMILY_PL, RECORDS

LANGUAGES = ("sv", "en", "pl")


def main() -> None:
    """Write every template and give the agreements the common header and footer."""
    for lang in LANGUAGES:
        words = {**COMMON[lang], **CONSENT[lang], **PLAN[lang], **RECORDS[lang]}
        patch_agreement(
            f"agreement_{lang}", page_texts("agreement", lang), COMMON[lang]["place_and_date"]
        )
        write_template(f"consent_{lang}", bodies.consent(words), page_texts("consent", lang))
        write_template(f"plan_{lang}", bodies.plan(words), page_texts("plan", lang))
        write_template(f"follow_up_{lang}", records.follow_up(words), page_texts("follow_up", lang))
        write_template(f"closing_{lang}", records.closing(words), page_texts("closing", lang))
    family = {**COMMON["pl"], **RECORDS["pl"], **PLAN_FAMILY_PL}
    write_template("plan_family_pl", bodies.plan(family), page_texts("plan_family", "pl"))
    print("templates written")


if __name__ == "__main__":
    main()
