"""The trial's statistics, computed from the flat tables of exchange/flat.py as pandas DataFrames.

pandas, scipy and statsmodels are imported inside the functions that need them, so that importing
this package stays cheap. `report.build_report(procedures, lesions, complications)` is the entry point.
"""
