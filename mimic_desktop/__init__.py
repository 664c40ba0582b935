"""MIMIC Desktop: logging ICG-fluorescence-guided liver resections for the MIMIC trial."""

__version__ = "0.1.0"
APP_NAME = "MIMIC Desktop"
