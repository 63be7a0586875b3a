"""The file tools' sandbox: every path is resolved inside WORKSPACE_DIR (default ./workspace)."""

from __future__ import annotations

import os
from pathlib import Path


class SandboxError(Exception):
    """A path that would leave the workspace."""


def workspace_dir() -> Path:
    return Path(os.environ.get("WORKSPACE_DIR", "").strip() or "workspace").resolve()


def resolve_inside(path: str) -> Path:
    """The real path of "path" inside the workspace; symlinks are followed before the check."""
    root = workspace_dir()
    text = str(path).strip()
    if not text or "\x00" in text:
        raise SandboxError("the path is empty or invalid")
    target = (root / text).resolve()
    if target != root and root not in target.parents:
        raise SandboxError(f"{text!r} is outside the workspace; use a path relative to {root}")
    return target


def relative_name(target: Path) -> str:
    return target.relative_to(workspace_dir()).as_posix() or "."
