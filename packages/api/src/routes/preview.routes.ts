// Preview: render the spec being edited on the server, exactly as generating would, and store nothing.
// The first call answers the file tree; each file's text is fetched on demand with a second call.
import { createHash } from 'node:crypto';
import { evaluate, selectionOfSpec } from '@agent-generator/core';
import { hasErrors, UserError, type Diagnostic, type FileTree } from '@agent-generator/contracts';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import type { AppServices } from '../app-services';
import { VIEWER_READ } from '../auth/access';
import { defineRoute } from '../openapi/define-route';
import { PreviewBodySchema, PreviewFileBodySchema, PreviewSchema } from '../schemas/preview.schemas';
import { applySelection } from '../services/apply-selection';
import type { SelectionInput } from '../services/plan-choices';
import { restoreSpecOrThrow } from '../services/restore-spec';

/** The largest rendered project a preview answers for; a bigger one is refused with 413. */
export const MAX_PREVIEW_BYTES = 4 * 1024 * 1024;

const tags = ['preview'];
const body = <Schema extends z.ZodType>(schema: Schema) => ({ required: true, content: { 'application/json': { schema } } });

const tree = defineRoute(VIEWER_READ, {
  method: 'post',
  path: '/api/preview',
  tags,
  summary: 'The files a spec would generate, with sizes and sha256 hashes (nothing is stored)',
  description: `400 for a spec that is not valid, 422 with the diagnostics when the selection cannot be generated, 413 when the rendered project exceeds ${MAX_PREVIEW_BYTES / 1024 / 1024} MiB.`,
  request: { body: body(PreviewBodySchema) },
  responses: { 200: { description: 'The file tree sorted by path, the diagnostics and the renderer that produced it', content: { 'application/json': { schema: PreviewSchema } } } },
});

const file = defineRoute(VIEWER_READ, {
  method: 'post',
  path: '/api/preview/file',
  tags,
  summary: 'One file a spec would generate, as UTF-8 text (nothing is stored)',
  request: { body: body(PreviewFileBodySchema) },
  responses: { 200: { description: 'The content; ETag is its sha256', content: { 'text/plain': { schema: z.string() } } } },
});

interface Rendered {
  readonly files: FileTree;
  readonly diagnostics: ReadonlyArray<Diagnostic>;
  readonly rendererVersion: string;
}

const utf8 = new TextEncoder();

function render(services: AppServices, input: { readonly spec: unknown; readonly selection?: SelectionInput | undefined }): Rendered {
  const restored = restoreSpecOrThrow(input.spec);
  const spec = input.selection ? applySelection(restored, input.selection) : restored;
  const exportTarget = input.selection?.exportTarget;
  const diagnostics = evaluate({ ...selectionOfSpec(spec), ...(exportTarget ? { exportTarget } : {}) });
  if (hasErrors(diagnostics)) {
    const first = diagnostics.find((diagnostic) => diagnostic.severity === 'err');
    throw new UserError('incompatible_selection', `This combination cannot be generated, so there is nothing to preview: ${first?.message ?? 'see the diagnostics'}`, { diagnostics });
  }
  const rendered = services.deps.renderProject(spec);
  const files = [...rendered.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics, rendererVersion: rendered.rendererVersion };
}

/** Sizes and hashes of the rendered files; refuses a project over `limit` bytes. */
export function manifestOf(files: FileTree, limit = MAX_PREVIEW_BYTES) {
  const entries = files.map((entry) => {
    const bytes = utf8.encode(entry.content);
    return { path: entry.path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), executable: entry.executable === true };
  });
  const totalBytes = entries.reduce((sum, entry) => sum + entry.bytes, 0);
  if (totalBytes > limit) {
    throw new UserError('payload_too_large', `The rendered project is ${(totalBytes / 1024 / 1024).toFixed(1)} MiB, over the preview limit of ${(limit / 1024 / 1024).toFixed(1)} MiB; shorten the agents' and tasks' texts.`, {
      totalBytes,
      limit,
    });
  }
  return { entries, totalBytes };
}

export function registerPreviewRoutes(app: OpenAPIHono<AppEnv>, services: AppServices): void {
  app.openapi(tree, (context) => {
    const rendered = render(services, context.req.valid('json'));
    const { entries, totalBytes } = manifestOf(rendered.files);
    return context.json({ rendererVersion: rendered.rendererVersion, totalBytes, files: entries, diagnostics: [...rendered.diagnostics] }, 200);
  });

  app.openapi(file, (context) => {
    const input = context.req.valid('json');
    const rendered = render(services, input);
    const { entries } = manifestOf(rendered.files);
    const index = entries.findIndex((entry) => entry.path === input.path);
    const found = rendered.files[index];
    const entry = entries[index];
    if (!found || !entry) {
      throw new UserError('not_found', `This spec does not generate a file "${input.path.slice(0, 300)}"; POST /api/preview lists the files it does.`, { entity: 'file', path: input.path.slice(0, 300) });
    }
    const etag = `"${entry.sha256}"`;
    return context.text(found.content, 200, { ETag: etag, 'Cache-Control': 'private, no-store' });
  });
}
