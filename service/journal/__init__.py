"""The contact journal: the contacts between the meetings, the agreed rhythm they are checked
against, and the printable extract of a period."""
