"""``python -m templates_docx.build``: (re)generate the Word templates.

Each document type has a form per country of the method (its law) and each form a template per
language: ``<form>_<language>.docx``, e.g. ``plan_ipwzb_sv`` is the IPWzB in Swedish words.
"""

from __future__ import annotations

from templates_docx.build import bodies, ipwzb, kit, kontrakt, my_plan, plan_se, records
from templates_docx.build.docx_io import patch_agreement, translate_agreement, write_template
from templates_docx.build.texts import COMMON, CONSENT, page_texts
from templates_docx.build.texts_agreement import SE_PL
from templates_docx.build.texts_ipwzb import IPWZB
from templates_docx.build.texts_kontrakt import KONTRAKT
from templates_docx.build.texts_plan import PLAN, RECORDS
from templates_docx.build.texts_plan_se import SE_PLAN

LANGUAGES = ("sv", "en", "pl")
#: The country of each form of the plan (whose common words and signers it takes).
PLAN_FORMS = {"se": "se", "ipwzb": "pl", "family": "pl"}


def _words(country: str, form: str, lang: str) -> dict[str, str]:
    """Every word of a form in a language (common, consent, records and plan texts)."""
    return {
        **COMMON[country, lang],
        **CONSENT[country, lang],
        **RECORDS[country, lang],
        **PLAN[form, lang],
        **(SE_PLAN[lang] if form == "se" else {}),
        **(IPWZB[lang] if form == "ipwzb" else {}),
    }


def main() -> None:
    """Write every template and give the agreements the common header and footer."""
    # A table's columns are sized for the longest header word of all languages of its form.
    for form, country in PLAN_FORMS.items():
        kit.same_texts([_words(country, form, lang) for lang in LANGUAGES])
    # The hand-made överenskommelse (the place-and-date caption finds its signature block) …
    for form, lang in (("se", "sv"), ("se", "en")):
        texts = page_texts(f"agreement_{form}", lang)
        caption = COMMON[form, lang]["place_and_date"]
        legal_rep = CONSENT[form, lang]["sig_legal_rep"]  # god man or förvaltare
        patch_agreement(f"agreement_{form}_{lang}", texts, caption, lang, legal_rep)
    # … its Polish words …
    translate_agreement(
        "agreement_se_sv", "agreement_se_pl", SE_PL, page_texts("agreement_se", "pl"), "pl"
    )
    # … and the kontrakt socjalny after its pattern, generated in every language.
    kit.same_texts(list(KONTRAKT.values()))
    for lang in LANGUAGES:
        name = f"agreement_pl_{lang}"
        body = kontrakt.kontrakt(KONTRAKT[lang])
        write_template(name, body, page_texts("agreement_pl", lang), lang)
    for lang in LANGUAGES:
        for country in ("se", "pl"):
            words = {**COMMON[country, lang], **CONSENT[country, lang], **RECORDS[country, lang]}
            for doc_type, body in (
                ("consent", bodies.consent),
                ("follow_up", records.follow_up),
                ("closing", records.closing),
            ):
                form = f"{doc_type}_{country}"
                write_template(f"{form}_{lang}", body(words), page_texts(form, lang), lang)
        for form, country in PLAN_FORMS.items():
            words = {**COMMON[country, lang], **RECORDS[country, lang], **PLAN[form, lang]}
            name = f"plan_{form}"
            if form == "se":  # the genomförandeplan of SOSFS 2014:5 has a body of its own
                body = plan_se.plan({**words, **SE_PLAN[lang]})
            elif form == "ipwzb":  # art. 49 u.p.s.: a body of its own
                body = ipwzb.ipwzb({**words, **IPWZB[lang]})
            else:
                body = bodies.plan(words)
            write_template(f"{name}_{lang}", body, page_texts(name, lang), lang)
        my_plan.write(lang)
    print("templates written")


if __name__ == "__main__":
    main()
