"""The names of the team roles of a case (service/models/case_member.py), translated."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from service.models.case_member import TeamRole

#: What each team role is called (translated into the field terms: asystent, pracownik
#: socjalny, stödpedagog …).
TEAM_ROLE_LABELS = {
    TeamRole.CONTACT_PERSON.value: _l("Contact person in the case"),
    TeamRole.SECOND_CONTACT.value: _l("Second contact person"),
    TeamRole.ASSISTANT.value: _l("Assistant"),
    TeamRole.SOCIAL_WORKER.value: _l("Social worker"),
    TeamRole.PSYCHOLOGIST.value: _l("Psychologist"),
    TeamRole.PEER_SUPPORTER.value: _l("Peer supporter"),
    TeamRole.FACT_COORDINATOR.value: _l("FACT coordinator"),
    TeamRole.SUPPORT_EDUCATOR.value: _l("Support educator"),
    TeamRole.STREETWORKER.value: _l("Streetworker"),
}
