import subprocess
import sys

import pytest

from mimic_desktop.domain.errors import MimicError
from mimic_desktop.reports import fonts


def test_the_fonts_ship_with_the_application_and_their_licence():
    shipped = fonts.font_dirs()[0]
    assert shipped.name == "fonts" and shipped.parent.name == "resources"
    for face in (fonts.REGULAR, fonts.BOLD, fonts.ITALIC):
        assert fonts.font_file(face, [shipped]).parent == shipped
    assert "Bitstream" in (shipped / "LICENSE").read_text(encoding="utf-8")


def test_a_missing_font_is_a_plain_message(tmp_path):
    with pytest.raises(MimicError, match=r"DejaVuSans\.ttf is missing"):
        fonts.font_file(fonts.REGULAR, [tmp_path])


def test_pdfs_are_written_without_the_system_font_folder(tmp_path):
    """As on Windows: no /usr/share/fonts, only what the application ships."""
    script = f"""
import pathlib
from mimic_desktop.reports import fonts
fonts.SYSTEM_DIR = pathlib.Path({str(tmp_path / "no-such-folder")!r})
from mimic_desktop.services.documents import write_questionnaire_pdf
from mimic_desktop.storage.connection import open_store
store = open_store(pathlib.Path({str(tmp_path / "db.sqlite")!r}))
write_questionnaire_pdf(store, None, pathlib.Path({str(tmp_path / "blank.pdf")!r}), "nl", blank=True)
from reportlab.pdfbase import pdfmetrics
assert pathlib.Path(pdfmetrics.getFont("DejaVuSans").face.filename).parent == fonts.font_dirs()[0]
"""
    subprocess.run([sys.executable, "-c", script], check=True)
    from pypdf import PdfReader

    text = PdfReader(tmp_path / "blank.pdf").pages[0].extract_text()
    assert "één" in text
