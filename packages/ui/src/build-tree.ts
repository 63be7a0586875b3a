// Turns a flat list of file paths into nested folders, folders first, each level sorted by name.
export interface TreeFolder {
  readonly kind: 'folder';
  readonly name: string;
  readonly children: ReadonlyArray<TreeNode>;
}

export interface TreeFile {
  readonly kind: 'file';
  readonly name: string;
  readonly path: string;
}

export type TreeNode = TreeFolder | TreeFile;

interface MutableFolder {
  readonly folders: Map<string, MutableFolder>;
  readonly files: Array<TreeFile>;
}

function freeze(folder: MutableFolder): ReadonlyArray<TreeNode> {
  const folders = [...folder.folders.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, child]): TreeNode => ({ kind: 'folder', name, children: freeze(child) }));
  const files = [...folder.files].sort((a, b) => a.name.localeCompare(b.name));
  return [...folders, ...files];
}

export function buildTree(paths: ReadonlyArray<string>): ReadonlyArray<TreeNode> {
  const root: MutableFolder = { folders: new Map(), files: [] };
  for (const path of paths) {
    const parts = path.split('/').filter(Boolean);
    const name = parts.pop();
    if (name === undefined) continue;
    let folder = root;
    for (const part of parts) {
      let next = folder.folders.get(part);
      if (!next) {
        next = { folders: new Map(), files: [] };
        folder.folders.set(part, next);
      }
      folder = next;
    }
    folder.files.push({ kind: 'file', name, path });
  }
  return freeze(root);
}
