"""PDFs of the procedure summary and the surgeon questionnaire (reportlab, imported lazily)."""
