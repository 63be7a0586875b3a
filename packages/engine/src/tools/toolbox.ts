// The one registry of built-in tools: every catalog tool id maps to its spec-runtime implementation.
import type { ToolId } from '@agent-generator/contracts';
import { toolById } from '@agent-generator/core';
import { join } from 'node:path';
import type { ToolsConfig } from '../run-options';
import { createCalculatorTool } from './calculator';
import { createFileReadTool } from './file-read';
import { createFileWriteTool } from './file-write';
import { createHttpRequestTool } from './http-request';
import { httpSettingsOf, type HttpSettings } from './http-settings';
import { createPdfReaderTool } from './pdf-reader';
import { Sandbox } from './sandbox';
import { createSqlQueryTool } from './sql-query';
import type { EngineTool, ToolSet } from './tool';
import { createUnavailableTool } from './unavailable-tool';
import { createWebScraperTool } from './web-scraper';
import { createWebSearchTool } from './web-search';

interface ToolDependencies {
  readonly id: ToolId;
  readonly description: string;
  readonly config: ToolsConfig;
  readonly settings: HttpSettings;
  readonly sandbox: Sandbox | undefined;
}

const builders = {
  calculator: ({ description }) => createCalculatorTool(description),
  http_request: ({ description, settings }) => createHttpRequestTool({ description, settings }),
  web_scraper: ({ description, settings }) => createWebScraperTool({ description, settings }),
  web_search: ({ description, config, settings }) => createWebSearchTool({ description, search: config.search, timeoutMs: settings.timeoutMs }),
  file_read: ({ description, sandbox }) => createFileReadTool({ description, sandbox }),
  file_write: ({ description, sandbox }) => createFileWriteTool({ description, sandbox }),
  pdf_reader: ({ description, sandbox, settings }) => createPdfReaderTool({ description, sandbox, settings }),
  sql_query: ({ description, config }) => createSqlQueryTool({ description, sql: config.sql }),
  vector_search: createUnavailableTool,
  email_send: createUnavailableTool,
  slack_post: createUnavailableTool,
  github_issues: createUnavailableTool,
} satisfies Record<ToolId, (dependencies: ToolDependencies) => EngineTool>;

/**
 * The tools of one run: built once per tool id, sharing the run's sandbox folder and network rules.
 * An agent's tool set holds only the ids in `enabledTools` (when given), so the model never sees the others.
 */
export function createToolbox(options: { readonly config: ToolsConfig; readonly runId: string; readonly enabledTools?: ReadonlyArray<string> | undefined }): (ids: ReadonlyArray<ToolId>) => ToolSet {
  const { config } = options;
  const sandbox = config.workspaceRoot === undefined ? undefined : new Sandbox(join(config.workspaceRoot, options.runId));
  const settings = httpSettingsOf(config);
  const enabled = options.enabledTools === undefined ? undefined : new Set(options.enabledTools);
  const built = new Map<ToolId, EngineTool>();
  const toolOf = (id: ToolId): EngineTool => {
    const existing = built.get(id);
    if (existing !== undefined) return existing;
    const tool = builders[id]({ id, description: toolById(id).description, config, settings, sandbox });
    built.set(id, tool);
    return tool;
  };
  return (ids) => new Map(ids.filter((id) => enabled === undefined || enabled.has(id)).map((id) => [id, toolOf(id)]));
}
