"""Qt widgets only: no SQL and no business rule; everything goes through services."""
