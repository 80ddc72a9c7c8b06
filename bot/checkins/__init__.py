"""Follow-up check-ins between sessions: planned, persisted in the project's database, delivered once.

Rasa's own reminders live in memory and die with the server, so schedules and outcomes are kept in
the project's database (SQLite by default, PostgreSQL when scaled out) and a small scheduler process
delivers them.
"""
