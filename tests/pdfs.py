"""PDF files for upload tests, and the text poppler reads out of a generated PDF."""

import shutil
import subprocess
from pathlib import Path

import pytest

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)"
)


def minimal_pdf(body: bytes = b"") -> bytes:
    """The smallest PDF a reader accepts (a catalogue, a cross-reference table, a trailer
    pointing at it), with `body` inserted before the table."""
    return (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
        + body
        + b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R >>\nstartxref\n"
        + str(44 + len(body)).encode()
        + b"\n%%EOF\n"
    )


def pdf_text(content: bytes, folder: Path, *args: str) -> str:
    """What pdftotext reads in `content` (`args` as for pdftotext, e.g. "-layout")."""
    path = folder / "m.pdf"
    path.write_bytes(content)
    return subprocess.run(  # noqa: S603
        ["pdftotext", *args, str(path), "-"],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout
