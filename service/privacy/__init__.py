"""The person's rights: export of everything held, erasure, retention purge, consent withdrawal."""
