"""Pain coach: a self-hostable chat assistant for self-care of muscular pain (not a diagnosis)."""

__version__ = "0.1.0"
