"""Qt widgets only: no SQL and no business rule; everything goes through services."""

from .pyside_refcounts import make_singletons_immortal

make_singletons_immortal()
