"""Words of "My plan", the person's own one-page plan: easy-read (short sentences, the person
addressed as "you"), the same in every form, in each language."""

from __future__ import annotations

MY_PLAN: dict[str, dict[str, str]] = {
    "sv": {
        "doc_title": "Min plan",
        "title": "Min plan",
        "intro": "Här är dina mål. Här är dina nästa steg.",
        "contact": "Din kontaktperson:",
        "phone": "Telefon:",
        "next_meeting": "Nästa möte:",
        "goal": "Mitt mål:",
        "first_step": "Nästa steg:",
        "later_step": "Sedan:",
        "done": "Alla steg är klara. Bra gjort!",
        "helpers": "Hjälper dig:",
        "change": "Planen kan ändras. Säg till om du vill ändra något.",
    },
    "en": {
        "doc_title": "My plan",
        "title": "My plan",
        "intro": "Here are your goals. Here are your next steps.",
        "contact": "Your contact person:",
        "phone": "Phone:",
        "next_meeting": "Next meeting:",
        "goal": "My goal:",
        "first_step": "Next step:",
        "later_step": "Then:",
        "done": "All steps are done. Well done!",
        "helpers": "Who helps you:",
        "change": "The plan can change. Tell us if you want to change something.",
    },
    "pl": {
        "doc_title": "Mój plan",
        "title": "Mój plan",
        "intro": "Tu są Twoje cele. Tu są Twoje następne kroki.",
        "contact": "Twoja osoba kontaktowa:",
        "phone": "Telefon:",
        "next_meeting": "Następne spotkanie:",
        "goal": "Mój cel:",
        "first_step": "Następny krok:",
        "later_step": "Potem:",
        "done": "Wszystkie kroki są zrobione. Dobra robota!",
        "helpers": "Kto Ci pomaga:",
        "change": "Plan można zmienić. Powiedz nam, jeśli chcesz coś zmienić.",
    },
}
