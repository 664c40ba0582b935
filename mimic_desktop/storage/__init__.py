"""SQLite storage: connections, schema migrations, the audit trail and the repository."""
