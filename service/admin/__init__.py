"""Administration: the audit log and the unit's staff, for admins only."""
