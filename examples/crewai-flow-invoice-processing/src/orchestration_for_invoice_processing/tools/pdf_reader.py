"""The pdf_reader tool: text of a PDF in the workspace or at an http(s) URL (pypdf)."""

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
    """Extracts the text of a PDF file.

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
