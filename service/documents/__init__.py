"""Issued documents: agreements, plans and records rendered from the Word templates."""
