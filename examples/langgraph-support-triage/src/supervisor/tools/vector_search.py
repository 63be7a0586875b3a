"""The vector_search tool: BM25 over the .txt and .md files in KNOWLEDGE_DIR (default ./knowledge)."""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from pathlib import Path

K1 = 1.5
B = 0.75
MAX_PASSAGE_CHARACTERS = 1_200
MAX_FILES = 2_000


def tokenize(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def passages(root: Path) -> list[tuple[str, str]]:
    """(source, text) pairs: each file split into paragraphs, long ones cut to a bounded size."""
    found: list[tuple[str, str]] = []
    files = sorted(path for path in root.rglob("*") if path.suffix.lower() in (".txt", ".md") and path.is_file())
    for path in files[:MAX_FILES]:
        text = path.read_text(encoding="utf-8", errors="replace")
        for paragraph in re.split(r"\n\s*\n", text):
            paragraph = paragraph.strip()
            for start in range(0, len(paragraph), MAX_PASSAGE_CHARACTERS):
                found.append((path.relative_to(root).as_posix(), paragraph[start : start + MAX_PASSAGE_CHARACTERS]))
    return found


def rank(query: str, documents: list[str], top_k: int) -> list[tuple[int, float]]:
    """Indices and BM25 scores of the best documents; ties keep document order."""
    tokens = [tokenize(document) for document in documents]
    average = sum(len(words) for words in tokens) / max(len(tokens), 1) or 1.0
    frequencies = Counter(word for words in tokens for word in set(words))
    terms = set(tokenize(query))
    scores = []
    for index, words in enumerate(tokens):
        counts = Counter(words)
        score = 0.0
        for term in terms:
            if counts[term]:
                idf = math.log(1 + (len(tokens) - frequencies[term] + 0.5) / (frequencies[term] + 0.5))
                score += idf * counts[term] * (K1 + 1) / (counts[term] + K1 * (1 - B + B * len(words) / average))
        if score > 0:
            scores.append((index, score))
    return sorted(scores, key=lambda item: (-item[1], item[0]))[:top_k]


def vector_search(query: str, top_k: int = 3) -> str:
    """Searches a local knowledge base of text files by relevance (BM25 ranking, no external service).

    Args:
        query: Words describing what to look for.
        top_k: How many passages to return (1 to 20).
    """
    try:
        root = Path(os.environ.get("KNOWLEDGE_DIR", "").strip() or "knowledge")
        if not root.is_dir():
            return f"error: the knowledge folder {str(root)!r} does not exist; set KNOWLEDGE_DIR"
        found = passages(root)
        if not found:
            return f"error: no .txt or .md files in {str(root)!r}"
        if not tokenize(str(query)):
            return "error: the query is empty"
        best = rank(str(query), [text for _, text in found], max(1, min(int(top_k), 20)))
        if not best:
            return f"No passages match {str(query)!r}."
        return "\n\n".join(f"[{number}] {found[index][0]} (score {score:.2f})\n{found[index][1]}" for number, (index, score) in enumerate(best, start=1))
    except Exception as error:  # the tool reports every failure to the model instead of raising
        return f"error: search failed: {error}"
