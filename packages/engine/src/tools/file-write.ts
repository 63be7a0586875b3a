// The file_write tool: writes or appends a text file inside the run's sandbox folder.
import { z } from 'zod';
import { defineTool } from './define-tool';
import { workspaceMissing } from './file-read';
import type { Sandbox } from './sandbox';
import { ToolError, type EngineTool } from './tool';

const MAX_WRITE_BYTES = 1_000_000;

export function createFileWriteTool(options: { readonly description: string; readonly sandbox: Sandbox | undefined }): EngineTool {
  return defineTool({
    name: 'file_write',
    description: options.description,
    schema: z.object({
      path: z.string().max(1000).describe('A path relative to the workspace, e.g. out/report.md'),
      content: z.string().describe('The text to write'),
      append: z.boolean().default(false).describe('Add to the end instead of replacing the file'),
    }),
    sideEffects: true,
    run: async ({ path, content, append }) => {
      if (options.sandbox === undefined) throw new ToolError(workspaceMissing);
      const bytes = Buffer.byteLength(content, 'utf8');
      if (bytes > MAX_WRITE_BYTES) throw new ToolError(`the content is ${bytes} bytes; at most ${MAX_WRITE_BYTES} may be written at once`);
      const file = await options.sandbox.openForWriting(path, { append });
      try {
        await file.writeFile(content, 'utf8');
      } finally {
        await file.close();
      }
      return `${append ? 'appended' : 'wrote'} ${bytes} bytes to ${path}`;
    },
  });
}
