// tools/file_read.py: reads a text file (or lists a folder) inside WORKSPACE_DIR.
import type { PythonTool } from './python-tool';

export const fileReadTool: PythonTool = {
  id: 'file_read',
  dependencies: [],
  helpers: ['workspace'],
  envExamples: { WORKSPACE_DIR: './workspace' },
  source: (description) => String.raw`"""The file_read tool: text files inside the workspace only."""

from __future__ import annotations

from ._workspace import SandboxError, relative_name, resolve_inside

MAX_BYTES = 1_000_000


def file_read(path: str) -> str:
    """${description}

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
`,
  tests: String.raw`
def test_file_read_reads_inside_the_workspace(workspace: Path) -> None:
    (workspace / "notes").mkdir()
    (workspace / "notes" / "a.txt").write_text("hello\nworld", encoding="utf-8")
    assert file_read("notes/a.txt") == "hello\nworld"
    assert file_read("notes") == "notes/ contains:\na.txt"
    assert file_read("missing.txt") == "error: no file 'missing.txt' in the workspace"


def test_file_read_refuses_escapes(workspace: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret", encoding="utf-8")
    (workspace / "link.txt").symlink_to(secret)
    (workspace / "dir_link").symlink_to(tmp_path, target_is_directory=True)
    for attempt in ["../secret.txt", str(secret), "link.txt", "dir_link/secret.txt", "notes/../../secret.txt"]:
        answer = file_read(attempt)
        assert answer.startswith("error:") and "outside the workspace" in answer, attempt
        assert "top secret" not in answer
`,
};
