// ProjectSpec v1: the one description of an agent system that planner, renderers and engine share.
import { z } from 'zod';
import { IdentifierSchema, SlugSchema } from './identifiers';
import { FrameworkIdSchema, HyperscalerIdSchema, PatternIdSchema, ProviderIdSchema, ToolIdSchema } from './ids';
import { MAX_IDEA_LENGTH, textField } from './text';

export const PROJECT_SPEC_VERSION = 1;

export const ModelRefSchema = z.object({
  provider: ProviderIdSchema,
  /** The id the provider's API accepts, e.g. `gpt-4o`, `qwen2.5:1.5b`, `anthropic.claude-…`. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,127}$/, 'a provider model id such as gpt-4o or qwen2.5:1.5b'),
});
export type ModelRef = z.infer<typeof ModelRefSchema>;

export const AgentSpecSchema = z.object({
  id: IdentifierSchema,
  role: textField(200).pipe(z.string().min(1)),
  goal: textField(1000).pipe(z.string().min(1)),
  backstory: textField(2000),
  tools: z.array(ToolIdSchema).max(12).default([]),
  model: ModelRefSchema.optional(),
  allowDelegation: z.boolean().default(false),
});
export type AgentSpec = z.infer<typeof AgentSpecSchema>;

export const TaskSpecSchema = z.object({
  id: IdentifierSchema,
  description: textField(2000).pipe(z.string().min(1)),
  expectedOutput: textField(1000).pipe(z.string().min(1)),
  agent: IdentifierSchema,
  /** Ids of earlier tasks whose output this task receives. */
  context: z.array(IdentifierSchema).max(16).default([]),
});
export type TaskSpec = z.infer<typeof TaskSpecSchema>;

const ToolConfigValueSchema = z.union([z.string().max(500), z.number(), z.boolean()]);

export const ToolSpecSchema = z.object({
  id: ToolIdSchema,
  /** Non-secret settings only; secrets are named environment variables, never values. */
  config: z.record(IdentifierSchema, ToolConfigValueSchema).default({}),
});
export type ToolSpec = z.infer<typeof ToolSpecSchema>;

export const InputSpecSchema = z.object({
  name: IdentifierSchema,
  description: textField(500),
  default: textField(2000).optional(),
});
export type InputSpec = z.infer<typeof InputSpecSchema>;

export const MemorySpecSchema = z.object({
  enabled: z.boolean().default(false),
});

export const OutputSpecSchema = z.object({
  format: z.enum(['markdown', 'text', 'json']).default('markdown'),
  /** Relative file the final answer is written to, if any. */
  file: z
    .string()
    .regex(/^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}$/, 'a plain file name such as report.md')
    .optional(),
});

export const ProjectSpecSchema = z
  .object({
    version: z.literal(PROJECT_SPEC_VERSION),
    name: textField(120).pipe(z.string().min(1)),
    slug: SlugSchema,
    idea: textField(MAX_IDEA_LENGTH),
    framework: FrameworkIdSchema,
    pattern: PatternIdSchema,
    hyperscaler: HyperscalerIdSchema,
    model: ModelRefSchema,
    agents: z.array(AgentSpecSchema).min(1).max(12),
    tasks: z.array(TaskSpecSchema).min(1).max(24),
    tools: z.array(ToolSpecSchema).max(12).default([]),
    memory: MemorySpecSchema.default({ enabled: false }),
    inputs: z.array(InputSpecSchema).max(8).default([]),
    output: OutputSpecSchema.default({ format: 'markdown' }),
  })
  .superRefine((spec, context) => {
    const agentIds = new Set<string>();
    spec.agents.forEach((agent, index) => {
      if (agentIds.has(agent.id)) context.addIssue({ code: 'custom', path: ['agents', index, 'id'], message: `duplicate agent id "${agent.id}"` });
      agentIds.add(agent.id);
    });
    const toolIds = new Set(spec.tools.map((tool) => tool.id));
    if (toolIds.size !== spec.tools.length) context.addIssue({ code: 'custom', path: ['tools'], message: 'each tool may be listed once' });
    spec.agents.forEach((agent, index) => {
      for (const tool of agent.tools) {
        if (!toolIds.has(tool)) {
          context.addIssue({ code: 'custom', path: ['agents', index, 'tools'], message: `tool "${tool}" is not in the spec's tools list` });
        }
      }
    });
    const seenTasks = new Set<string>();
    spec.tasks.forEach((task, index) => {
      if (seenTasks.has(task.id) || agentIds.has(task.id)) {
        context.addIssue({ code: 'custom', path: ['tasks', index, 'id'], message: `task id "${task.id}" is already used` });
      }
      if (!agentIds.has(task.agent)) {
        context.addIssue({ code: 'custom', path: ['tasks', index, 'agent'], message: `no agent "${task.agent}"` });
      }
      for (const dependency of task.context) {
        // Only earlier tasks may be context: this keeps every spec acyclic and its order meaningful.
        if (!seenTasks.has(dependency)) {
          context.addIssue({ code: 'custom', path: ['tasks', index, 'context'], message: `"${dependency}" must be an earlier task` });
        }
      }
      seenTasks.add(task.id);
    });
    const inputNames = new Set<string>();
    spec.inputs.forEach((input, index) => {
      if (inputNames.has(input.name)) context.addIssue({ code: 'custom', path: ['inputs', index, 'name'], message: `duplicate input "${input.name}"` });
      inputNames.add(input.name);
    });
  });

/** A validated spec. Input shape (before defaults) is `ProjectSpecInput`. */
export type ProjectSpec = z.infer<typeof ProjectSpecSchema>;
export type ProjectSpecInput = z.input<typeof ProjectSpecSchema>;
