// Public surface of @agent-generator/engine: run a ProjectSpec with a real model and tools.
export { runSpec } from './run-spec';
export { createApprovals, type Approvals } from './approvals';
export { DEFAULT_GROUP_CHAT, DEFAULT_LIMITS, type GroupChatSettings, type PermissionMode, type RunLimits, type RunSpecOptions, type SqlToolConfig, type ToolsConfig } from './run-options';
export { runProject, type RunProjectOptions } from './project-runtime/run-project';
export { ensureProjectVenv, type EnsureProjectVenvOptions, type ProjectVenv } from './project-runtime/ensure-project-venv';
export type { ProjectModel } from './project-runtime/model-env';
