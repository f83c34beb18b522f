"""The desk's decisions on items, kept in TOML. Never imports textual."""
