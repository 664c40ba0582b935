"""The procedure record and its rules: pure Python, no Qt, no SQL."""
