// The file_read tool: reads a text file from the run's sandbox folder.
import { z } from 'zod';
import { defineTool } from './define-tool';
import type { Sandbox } from './sandbox';
import { ToolError, type EngineTool } from './tool';

const MAX_READ_BYTES = 1_000_000;

export function createFileReadTool(options: { readonly description: string; readonly sandbox: Sandbox | undefined }): EngineTool {
  return defineTool({
    name: 'file_read',
    description: options.description,
    schema: z.object({ path: z.string().max(1000).describe('A path relative to the workspace, e.g. notes/today.md') }),
    sideEffects: false,
    run: async ({ path }) => {
      if (options.sandbox === undefined) throw new ToolError(workspaceMissing);
      const file = await options.sandbox.openForReading(path);
      try {
        const stats = await file.stat();
        if (!stats.isFile()) throw new ToolError(`"${path}" is not a file`);
        const buffer = Buffer.alloc(Math.min(stats.size, MAX_READ_BYTES));
        const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
        const text = buffer.subarray(0, bytesRead).toString('utf8');
        return stats.size > MAX_READ_BYTES ? `${text}\n[truncated: the file is longer than ${MAX_READ_BYTES} bytes]` : text;
      } finally {
        await file.close();
      }
    },
  });
}

export const workspaceMissing = 'file tools are not configured: the run has no workspace folder';
