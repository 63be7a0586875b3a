// tools/file_write.py: writes a text file inside WORKSPACE_DIR, creating folders as needed.
import type { PythonTool } from './python-tool';

export const fileWriteTool: PythonTool = {
  id: 'file_write',
  dependencies: [],
  helpers: ['workspace'],
  envExamples: { WORKSPACE_DIR: './workspace' },
  source: (description) => String.raw`"""The file_write tool: text files inside the workspace only."""

from __future__ import annotations

from ._workspace import SandboxError, relative_name, resolve_inside, workspace_dir

MAX_CHARACTERS = 1_000_000


def file_write(path: str, content: str, append: bool = False) -> str:
    """${description}

    Args:
        path: The file to write, relative to the workspace directory.
        content: The text to write.
        append: Add to the end of the file instead of replacing it.
    """
    try:
        text = str(content)
        if len(text) > MAX_CHARACTERS:
            return f"error: the content is longer than {MAX_CHARACTERS} characters"
        workspace_dir().mkdir(parents=True, exist_ok=True)
        target = resolve_inside(path)
        if target == workspace_dir() or target.is_dir():
            return f"error: {path!r} is a folder; give a file name"
        target.parent.mkdir(parents=True, exist_ok=True)
        target = resolve_inside(path)  # again, now that the folders exist
        with target.open("a" if append else "w", encoding="utf-8") as handle:
            handle.write(text)
        return f"{'appended' if append else 'wrote'} {len(text)} characters to {relative_name(target)}"
    except SandboxError as error:
        return f"error: {error}"
    except Exception as error:  # the tool reports every failure to the model instead of raising
        return f"error: could not write {path!r}: {error}"
`,
  tests: String.raw`
def test_file_write_writes_and_appends(workspace: Path) -> None:
    assert file_write("out/report.md", "# Title\n") == "wrote 8 characters to out/report.md"
    assert file_write("out/report.md", "more", append=True) == "appended 4 characters to out/report.md"
    assert (workspace / "out" / "report.md").read_text(encoding="utf-8") == "# Title\nmore"
    assert file_write(".", "x").startswith("error:")


def test_file_write_refuses_escapes(workspace: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (workspace / "escape").symlink_to(outside, target_is_directory=True)
    (workspace / "victim.txt").symlink_to(tmp_path / "victim.txt")
    for attempt in ["../evil.txt", str(tmp_path / "evil.txt"), "escape/evil.txt", "victim.txt", "a/../../evil.txt"]:
        answer = file_write(attempt, "pwned")
        assert answer.startswith("error:") and "outside the workspace" in answer, attempt
    assert not (tmp_path / "evil.txt").exists() and not (outside / "evil.txt").exists()
    assert not (tmp_path / "victim.txt").exists()
`,
};
