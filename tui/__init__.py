"""wiredesk: a keyboard-driven wire desk for the terminal."""

__version__ = "0.1.0"
