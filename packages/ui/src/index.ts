// Public surface of @agent-generator/ui: design tokens (CSS) and presentational components that never fetch.
export { Badge, type Tone } from './badge';
export { Button, type ButtonProps } from './button';
export { buildTree, type TreeNode } from './build-tree';
export { Card } from './card';
export { CommandPalette } from './command-palette';
export { CompatibilityCard, summarize } from './compatibility-card';
export { EmptyState } from './empty-state';
export { SelectField, TextArea, TextField } from './field';
export { FileTree } from './file-tree';
export { filterCommands, type PaletteEntry } from './filter-commands';
export { Kbd, keyLabels } from './kbd';
export { Modal } from './modal';
export { moveTask, toggleAgentTool, toolsInUse, updateAgent, updateTask } from './spec-edits';
export { SpecEditor } from './spec-editor';
export { Tabs, type TabItem } from './tabs';
export { ToastList, type ToastItem } from './toast-list';
