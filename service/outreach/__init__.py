"""Outreach (streetwork): contacts with people who are not registered, and may never be."""
