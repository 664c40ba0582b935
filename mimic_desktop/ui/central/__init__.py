"""The trial office's window on the central study database: import, sessions, the trial report and exports."""
