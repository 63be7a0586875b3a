"""The file_read tool: text files inside the workspace only."""

from __future__ import annotations

from ._workspace import SandboxError, relative_name, resolve_inside

MAX_BYTES = 1_000_000


def file_read(path: str) -> str:
    """Reads text files from the project workspace directory.

    Args:
        path: A file (or folder, to list it) relative to the workspace directory.
    """
    try:
        target = resolve_inside(path)
        if target.is_dir():
            entries = sorted(child.name + ("/" if child.is_dir() else "") for child in target.iterdir())
            return f"{relative_name(target)}/ contains:\n" + "\n".join(entries) if entries else f"{relative_name(target)}/ is empty"
        if not target.is_file():
            return f"error: no file {relative_name(target)!r} in the workspace"
        with target.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        text = data[:MAX_BYTES].decode("utf-8", errors="replace")
        return text + ("\n[truncated]" if len(data) > MAX_BYTES else "")
    except SandboxError as error:
        return f"error: {error}"
    except Exception as error:  # the tool reports every failure to the model instead of raising
        return f"error: could not read {path!r}: {error}"
