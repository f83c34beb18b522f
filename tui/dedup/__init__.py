"""Grouping the wire into stories. Never imports textual."""
