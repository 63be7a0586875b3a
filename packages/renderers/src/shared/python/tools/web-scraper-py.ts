// tools/web_scraper.py: fetches a page and returns its readable text (html.parser, no extra deps).
import type { PythonTool } from './python-tool';

export const webScraperTool: PythonTool = {
  id: 'web_scraper',
  dependencies: [],
  helpers: ['http'],
  envExamples: {},
  source: (description) => String.raw`"""The web_scraper tool: fetch an http(s) page and reduce its HTML to readable text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ._http import HttpError, request

MAX_CHARACTERS = 20_000
_SKIPPED = {"script", "style", "noscript", "template", "svg", "head", "iframe"}
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "title"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skipping = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIPPED:
            self._skipping += 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIPPED and self._skipping:
            self._skipping -= 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str]:
    """(title, text) of an HTML document, whitespace collapsed, one block per line."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return " ".join(parser.title.split()), "\n".join(line for line in lines if line)


def web_scraper(url: str) -> str:
    """${description}

    Args:
        url: The http:// or https:// address of the page.
    """
    try:
        response = request(url, headers={"Accept": "text/html, text/plain;q=0.9, */*;q=0.5"})
        if response.status >= 400:
            return f"error: the page answered HTTP {response.status}"
        body = response.text()
        if "html" in response.content_type or body.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
            title, text = html_to_text(body)
        else:
            title, text = "", body.strip()
        heading = f"# {title}\n\n" if title else ""
        cut = response.truncated or len(text) > MAX_CHARACTERS
        return heading + text[:MAX_CHARACTERS] + ("\n[truncated]" if cut else "")
    except HttpError as error:
        return f"error: {error}"
    except Exception as error:  # the tool reports every failure to the model instead of raising
        return f"error: could not read the page: {error}"
`,
  tests: String.raw`
def test_web_scraper_returns_readable_text(local_server: LocalServer) -> None:
    page = (
        "<!doctype html><html><head><title>Agent  News</title><style>p {color: red}</style>"
        "<script>alert('x')</script></head><body><h1>Headline</h1><p>First &amp; best <b>paragraph</b>.</p>"
        "<ul><li>one</li><li>two</li></ul><noscript>hidden</noscript></body></html>"
    )
    local_server.route("/page", page, content_type="text/html; charset=utf-8")
    assert web_scraper(local_server.url + "/page") == "# Agent News\n\nHeadline\nFirst & best paragraph.\none\ntwo"


def test_web_scraper_reports_errors(local_server: LocalServer) -> None:
    assert web_scraper(local_server.url + "/gone") == "error: the page answered HTTP 404"
    assert web_scraper("javascript:alert(1)").startswith("error: only http:// and https:// URLs")
`,
};
