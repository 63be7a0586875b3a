// Test (Chat) and the Run console in a real browser against the real server, whose model is a
// loopback OpenAI-compatible server: load a spec, pick it with ⌘P, see "no model" explained, then
// streamed text and a tool-call card, Stop, an Ask-mode approval, the run's timeline and log, and a
// project zip downloaded from the product loaded back as a new agent.
import { createLoopbackModelServer, type LoopbackModelServer, type ParsedChatRequest, type ScriptReply } from '@agent-generator/testing';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations } from './support/browser';
import { expectText, setupAdmin } from './support/flows';
import { startApp, type TestApp } from './support/start-app';

const SPEC = {
  version: 1,
  name: 'Desk helper',
  slug: 'desk-helper',
  idea: 'Answer questions, calculate and save notes',
  framework: 'crewai',
  pattern: 'sequential',
  hyperscaler: 'on_prem',
  model: { provider: 'ollama', id: 'qwen2.5:1.5b' },
  agents: [{ id: 'helper', role: 'Desk helper', goal: 'Help the user', backstory: '', tools: ['calculator', 'file_write'], allowDelegation: false }],
  tasks: [{ id: 'answer', description: 'Answer the request', expectedOutput: 'An answer', agent: 'helper', context: [] }],
  tools: [
    { id: 'calculator', config: {} },
    { id: 'file_write', config: {} },
  ],
  memory: { enabled: false },
  inputs: [],
  output: { format: 'markdown' },
};

const SLOW_WORDS = Array.from({ length: 80 }, (_, index) => `word${index}`).join(' ');

/** The model's answers, by what the user asked last (earlier turns come along as context) and whether a tool result came back. */
function respond(request: ParsedChatRequest): ScriptReply {
  const asked = request.messages.filter((message) => message.role === 'user').map((message) => message.content ?? '').join('\n');
  const toolResult = request.messages.at(-1)?.role === 'tool';
  const latest = ['calculate', 'write the note', 'slow'].map((word) => ({ word, at: asked.lastIndexOf(word) })).sort((a, b) => b.at - a.at)[0];
  if (latest === undefined || latest.at < 0) return { text: 'Hello from the loopback model.' };
  if (latest.word === 'calculate') return toolResult ? { text: 'The answer is **42**, computed by the calculator.' } : { toolCalls: [{ name: 'calculator', arguments: { expression: '6*7' } }] };
  if (latest.word === 'write the note') return toolResult ? { text: 'The note is handled.' } : { toolCalls: [{ name: 'file_write', arguments: { path: 'note.txt', content: 'hello' } }] };
  return { text: SLOW_WORDS, chunkDelayMs: 150 };
}

async function api(page: Page, options: { readonly method: string; readonly path: string; readonly body?: unknown }): Promise<number> {
  return page.evaluate(async ({ method, path, body }) => {
    const csrf = decodeURIComponent(document.cookie.split('; ').find((part) => part.startsWith('ag_csrf='))?.slice(8) ?? '');
    const response = await fetch(path, { method, headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: body === undefined ? null : JSON.stringify(body) });
    return response.status;
  }, options);
}

const composer = (page: Page) => page.getByLabel('Message', { exact: true });

async function send(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  await composer(page).press('Control+Enter');
}

describe('Test (Chat) and the Run console', { timeout: 180_000 }, () => {
  let app: TestApp;
  let model: LoopbackModelServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    model = await createLoopbackModelServer({ respond });
    app = await startApp();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: 'light', acceptDownloads: true });
    await setupAdmin(page, app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await model?.close();
  });

  it('loads a spec from a file and picks it with ⌘P', async () => {
    await page.getByRole('link', { name: 'Test', exact: true }).click();
    await page.getByText(/Pick an agent from the list or press/).waitFor();
    await page.getByLabel('Spec or project zip file').setInputFiles({ name: 'desk-helper.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(SPEC)) });
    await expectText(page, 'Desk helper loaded from desk-helper.json.');
    await page.goto(`${app.url}/test`);
    await page.getByText(/Pick an agent from the list or press/).waitFor();
    await page.keyboard.press('Control+p');
    const search = page.getByRole('combobox', { name: 'Search agents' });
    await search.waitFor();
    await search.fill('desk');
    await page.getByRole('option', { name: /Desk helper/ }).waitFor();
    await search.press('Enter');
    await page.getByRole('heading', { name: 'Desk helper', level: 1 }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('says plainly that no model is configured, with a link to Settings → Providers', async () => {
    await send(page, 'hello');
    await expectText(page, 'No model is configured.');
    const link = page.getByRole('link', { name: 'Add one in Settings → Providers' });
    expect(await link.getAttribute('href')).toBe('/settings/providers');
    expect(model.requests.length).toBe(0);
  });

  it('streams the answer with a tool-call card that ran the real calculator, and counts tokens from usage events', async () => {
    expect(await api(page, { method: 'PUT', path: '/api/providers/openai-compatible', body: { enabled: true, baseUrl: model.url, defaultModel: 'loop-model' } })).toBe(200);
    await send(page, 'Please calculate six times seven');
    const card = page.locator('.ag-tool-card', { hasText: 'calculator' });
    await card.waitFor({ timeout: 20_000 });
    await page.getByText('The answer is').waitFor({ timeout: 20_000 });
    expect(await page.locator('.ag-markdown strong', { hasText: '42' }).count()).toBeGreaterThan(0);
    await card.locator('summary').click();
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain('6*7');
    expect(cardText).toMatch(/Result\s*42/);
    expect(cardText).toMatch(/\d+(\.\d)? (ms|s)/);
    // The model received the calculator's result.
    expect(model.requests.some((request) => JSON.stringify(request).includes('42'))).toBe(true);
    expect(Number(await page.getByTestId('tokens-in').innerText())).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('tokens-out').innerText())).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'test-chat');
  });

  it('stops a streaming answer', async () => {
    await send(page, 'Tell me something slow');
    const stop = page.getByRole('button', { name: 'Stop', exact: true });
    await stop.waitFor({ timeout: 20_000 });
    await page.getByText('word3', { exact: false }).waitFor({ timeout: 20_000 });
    await stop.click();
    await page.getByText('Stopped.', { exact: true }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
    expect(await page.getByText('word79').count()).toBe(0);
  });

  it('waits for approval in Ask mode and resumes once approved', async () => {
    await page.getByRole('radio', { name: 'Ask' }).check();
    await expectText(page, 'The next message runs in this mode.');
    await send(page, 'Please write the note');
    const card = page.locator('.ag-tool-card', { hasText: 'file_write' });
    await card.getByText('waiting for approval').waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByText('The note is handled.').waitFor({ timeout: 20_000 });
    expect(await card.getByText('waiting for approval').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
  });

  it('downloads the last run’s events as trace JSON and the conversation as Markdown', async () => {
    const [trace] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Trace JSON' }).click()]);
    const events = JSON.parse(readFileSync(await trace.path(), 'utf8')) as Array<{ type: string; seq: number }>;
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index));
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['run-start', 'approval-request', 'approval-response', 'tool-call-end', 'run-end']));
    const [markdown] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export .md' }).click()]);
    const text = readFileSync(await markdown.path(), 'utf8');
    expect(text).toContain('# Conversation with Desk helper');
    expect(text).toContain('### You\n\nPlease write the note');
    expect(text).toContain('**Tool call `file_write`**');
    expect(text).toContain('The note is handled.');
  });

  it('lists the runs and shows a run with its timeline and raw event log', async () => {
    await page.getByRole('link', { name: 'Runs', exact: true }).click();
    await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(4);
    expect(await page.locator('tbody').innerText()).toMatch(/succeeded[\s\S]*cancelled[\s\S]*succeeded[\s\S]*failed/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'runs');
    await page.getByRole('link', { name: 'Please calculate six times seven' }).click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await expectText(page, 'Tool calculator');
    await expectText(page, 'Run succeeded');
    expect(await page.locator('.ag-event-log tbody tr').count()).toBeGreaterThan(5);
    expect(await page.locator('.ag-event-log').innerText()).toContain('tool-call-end');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'run-detail');
  });

  it('loads a project zip downloaded from the product and selects the new agent', async () => {
    await page.goto(`${app.url}/test`);
    await page.getByText(/Pick an agent from the list or press/).waitFor();
    const original = await page.evaluate(async () => {
      const list = (await (await fetch('/api/projects?search=desk')).json()) as { items: Array<{ id: string; name: string }> };
      const project = list.items.find((item) => item.name === 'Desk helper');
      if (!project) throw new Error('no Desk helper project');
      const download = await fetch(`/api/projects/${project.id}/download`);
      return { id: project.id, zip: Array.from(new Uint8Array(await download.arrayBuffer())) };
    });
    await page.getByLabel('Spec or project zip file').setInputFiles({ name: 'desk-helper-v1.zip', mimeType: 'application/zip', buffer: Buffer.from(original.zip) });
    await expectText(page, 'Desk helper loaded from desk-helper-v1.zip.');
    await page.getByRole('heading', { name: 'Desk helper', level: 1 }).waitFor();
    const selected = new URL(page.url()).searchParams.get('agent');
    expect(selected).toMatch(/\S/);
    expect(selected).not.toBe(original.id);
    const agents = page.locator('.ag-test__list').first();
    await agents.locator('.ag-test__item[aria-current="true"]', { hasText: 'Desk helper' }).waitFor();
    expect(await agents.locator('.ag-test__item-name', { hasText: 'Desk helper' }).count()).toBe(2);
  });
});
