import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpSettingsOf } from './http-settings';
import { noSignal, useLocalServers } from './local-http.test-support';
import { createPdfReaderTool } from './pdf-reader';
import { onePagePdf } from './pdf-fixture.test-support';
import { Sandbox } from './sandbox';

const serve = useLocalServers();
let root = '';
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'engine-pdf-'));
  await mkdir(join(root, 'docs'));
  await writeFile(join(root, 'docs', 'invoice.pdf'), onePagePdf('Invoice 42: total (EUR) 99.50'));
  await writeFile(join(root, 'docs', 'fake.pdf'), 'this is not a PDF');
});
afterEach(() => rm(root, { recursive: true, force: true }));

const reader = (allowPrivateNetwork = false) => createPdfReaderTool({ description: 'PDF', sandbox: new Sandbox(root), settings: httpSettingsOf({ allowPrivateNetwork }) });

describe('pdf_reader', () => {
  it('extracts the text of a PDF in the sandbox', async () => {
    expect(await reader().execute({ path: 'docs/invoice.pdf' }, noSignal())).toEqual({ content: 'Invoice 42: total (EUR) 99.50', isError: false });
  });

  it('downloads a PDF from a URL it may reach', async () => {
    const server = await serve((_, response) => response.setHeader('content-type', 'application/pdf').end(Buffer.from(onePagePdf('From the web'))));
    expect(await reader(true).execute({ path: `${server.origin}/file.pdf` }, noSignal())).toEqual({ content: 'From the web', isError: false });
    expect(await reader(false).execute({ path: `${server.origin}/file.pdf` }, noSignal())).toMatchObject({ isError: true, content: expect.stringContaining('refused to connect') });
  });

  it('reports a file that is not a PDF', async () => {
    expect(await reader().execute({ path: 'docs/fake.pdf' }, noSignal())).toMatchObject({ isError: true, content: expect.stringContaining('not a readable PDF') });
  });

  it('refuses paths outside the sandbox', async () => {
    expect(await reader().execute({ path: '../../etc/passwd' }, noSignal())).toMatchObject({ isError: true, content: expect.stringContaining('"..') });
  });
});
