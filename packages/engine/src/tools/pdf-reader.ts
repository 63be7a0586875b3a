// The pdf_reader tool: the text of a PDF from the sandbox folder or an http(s) URL, via unpdf (PDF.js).
import { z } from 'zod';
import { defineTool } from './define-tool';
import { workspaceMissing } from './file-read';
import { guardedRequest } from './guarded-http';
import type { HttpSettings } from './http-settings';
import type { Sandbox } from './sandbox';
import { ToolError, type EngineTool } from './tool';

const MAX_PDF_BYTES = 20_000_000;
const MAX_CHARACTERS = 50_000;

export function createPdfReaderTool(options: { readonly description: string; readonly sandbox: Sandbox | undefined; readonly settings: HttpSettings }): EngineTool {
  return defineTool({
    name: 'pdf_reader',
    description: options.description,
    schema: z.object({ path: z.string().max(4000).describe('A PDF path relative to the workspace, or an http(s) URL') }),
    sideEffects: false,
    run: async ({ path }, { signal }) => {
      const bytes = /^https?:\/\//i.test(path) ? await download(path, { signal, settings: options.settings }) : await readFromSandbox(path, options.sandbox);
      const text = await extractPdfText(bytes);
      if (text.trim() === '') return 'The PDF has no extractable text (it may be scanned images).';
      return text.length > MAX_CHARACTERS ? `${text.slice(0, MAX_CHARACTERS)}\n[truncated]` : text;
    },
  });
}

async function extractPdfText(bytes: Uint8Array): Promise<string> {
  // PDF.js is large; load it only when a PDF is actually read.
  const { extractText, getDocumentProxy } = await import('unpdf');
  try {
    const document = await getDocumentProxy(bytes, { verbosity: 0 });
    const { text } = await extractText(document, { mergePages: true });
    return text;
  } catch (error) {
    throw new ToolError(`this is not a readable PDF (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function download(url: string, options: { readonly signal: AbortSignal; readonly settings: HttpSettings }): Promise<Uint8Array> {
  const response = await guardedRequest({ url, method: 'GET', headers: { accept: 'application/pdf' }, signal: options.signal, ...options.settings, maxBytes: MAX_PDF_BYTES });
  if (response.status >= 400) throw new ToolError(`the server answered HTTP ${response.status}`);
  if (response.truncated) throw new ToolError(`the PDF is larger than ${MAX_PDF_BYTES} bytes`);
  return new Uint8Array(response.body);
}

async function readFromSandbox(path: string, sandbox: Sandbox | undefined): Promise<Uint8Array> {
  if (sandbox === undefined) throw new ToolError(workspaceMissing);
  const file = await sandbox.openForReading(path);
  try {
    const stats = await file.stat();
    if (!stats.isFile()) throw new ToolError(`"${path}" is not a file`);
    if (stats.size > MAX_PDF_BYTES) throw new ToolError(`the PDF is larger than ${MAX_PDF_BYTES} bytes`);
    return new Uint8Array(await file.readFile());
  } finally {
    await file.close();
  }
}
