"""Command-line entry points: everything the service layer offers, without a display."""
