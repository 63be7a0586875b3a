// tools/pdf_reader.py: extracts a PDF's text with pypdf, from the workspace or an http(s) URL.
import type { PythonTool } from './python-tool';

export const pdfReaderTool: PythonTool = {
  id: 'pdf_reader',
  dependencies: ['pypdf>=5,<7'],
  helpers: ['http', 'workspace'],
  envExamples: { WORKSPACE_DIR: './workspace' },
  source: (description) => String.raw`"""The pdf_reader tool: text of a PDF in the workspace or at an http(s) URL (pypdf)."""

from __future__ import annotations

import io

from ._http import HttpError, request
from ._workspace import SandboxError, relative_name, resolve_inside

MAX_PDF_BYTES = 20_000_000
MAX_CHARACTERS = 50_000


def _load(source: str) -> bytes | str:
    """The PDF's bytes, or an error text."""
    if source.lower().startswith(("http://", "https://")):
        response = request(source, headers={"Accept": "application/pdf"}, max_bytes=MAX_PDF_BYTES)
        if response.status >= 400:
            return f"error: the server answered HTTP {response.status}"
        if response.truncated:
            return f"error: the PDF is larger than {MAX_PDF_BYTES} bytes"
        return response.body
    target = resolve_inside(source)
    if not target.is_file():
        return f"error: no file {relative_name(target)!r} in the workspace"
    if target.stat().st_size > MAX_PDF_BYTES:
        return f"error: the PDF is larger than {MAX_PDF_BYTES} bytes"
    return target.read_bytes()


def pdf_reader(path: str) -> str:
    """${description}

    Args:
        path: A PDF file relative to the workspace directory, or an http(s) URL of a PDF.
    """
    try:
        from pypdf import PdfReader

        data = _load(str(path).strip())
        if isinstance(data, str):
            return data
        reader = PdfReader(io.BytesIO(data))
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        text = "\n\n".join(f"[page {number}]\n{page}" for number, page in enumerate(pages, start=1))
        if not any(pages):
            return f"The PDF has {len(pages)} page(s) but no extractable text (it may be scanned images)."
        return text[:MAX_CHARACTERS] + ("\n[truncated]" if len(text) > MAX_CHARACTERS else "")
    except (HttpError, SandboxError) as error:
        return f"error: {error}"
    except Exception as error:  # the tool reports every failure to the model instead of raising
        return f"error: could not read the PDF: {error}"
`,
  tests: String.raw`
def _tiny_pdf(text: str) -> bytes:
    """A one-page PDF showing the text, written by hand so the test needs no PDF library."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_pdf_reader_extracts_text(workspace: Path, local_server: LocalServer) -> None:
    (workspace / "paper.pdf").write_bytes(_tiny_pdf("Hello from a PDF"))
    assert pdf_reader("paper.pdf") == "[page 1]\nHello from a PDF"
    local_server.route("/paper.pdf", _tiny_pdf("Remote PDF"), content_type="application/pdf")
    assert pdf_reader(local_server.url + "/paper.pdf") == "[page 1]\nRemote PDF"


def test_pdf_reader_reports_bad_input(workspace: Path) -> None:
    (workspace / "fake.pdf").write_bytes(b"not a pdf at all")
    assert pdf_reader("fake.pdf").startswith("error: could not read the PDF")
    assert pdf_reader("missing.pdf") == "error: no file 'missing.pdf' in the workspace"
    assert "outside the workspace" in pdf_reader("../x.pdf")
`,
};
