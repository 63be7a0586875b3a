// A project's files as a folder tree; choosing a file tells the parent, which shows its content.
import { useMemo } from 'react';
import { buildTree, type TreeNode } from './build-tree';

export interface FileTreeProps {
  readonly paths: ReadonlyArray<string>;
  readonly selected?: string | undefined;
  readonly onSelect: (path: string) => void;
  readonly label?: string;
}

function Nodes({ nodes, props }: { readonly nodes: ReadonlyArray<TreeNode>; readonly props: FileTreeProps }) {
  return (
    <>
      {nodes.map((node) =>
        node.kind === 'folder' ? (
          <li key={`d:${node.name}`}>
            <div className="ag-tree__dir">{node.name}/</div>
            <ul>
              <Nodes nodes={node.children} props={props} />
            </ul>
          </li>
        ) : (
          <li key={node.path}>
            <button type="button" className="ag-tree__file" aria-current={node.path === props.selected ? 'true' : undefined} onClick={() => props.onSelect(node.path)}>
              {node.name}
            </button>
          </li>
        ),
      )}
    </>
  );
}

export function FileTree(props: FileTreeProps) {
  const nodes = useMemo(() => buildTree(props.paths), [props.paths]);
  return (
    <nav aria-label={props.label ?? 'Files'}>
      <ul className="ag-tree">
        <Nodes nodes={nodes} props={props} />
      </ul>
    </nav>
  );
}
