// Settings → Providers: an admin configures the OpenAI-compatible provider against a loopback model
// server started here, picks a model from the server's own list and sees "Connected"; the key is
// shown masked and never reaches the page again.
import { createLoopbackModelServer, type LoopbackModelServer } from '@agent-generator/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations } from './support/browser';
import { expectText, setupAdmin } from './support/flows';
import { startApp, type TestApp } from './support/start-app';

const API_KEY = 'sk-e2e-loopback-key-4c2d';

describe('model provider settings', { timeout: 120_000 }, () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let modelServer: LoopbackModelServer;

  beforeAll(async () => {
    modelServer = await createLoopbackModelServer({ models: ['loop-small', 'loop-large'], apiKey: API_KEY });
    app = await startApp();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    await setupAdmin(page, app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await modelServer?.close();
  });

  it('configures the OpenAI-compatible provider, lists its models and connects', async () => {
    await page.goto(`${app.url}/settings/providers`);
    const card = page.getByRole('region', { name: 'OpenAI-compatible endpoint', exact: true });
    await card.getByLabel('Base URL').fill(`${modelServer.url}/`);
    await card.getByLabel('API key').fill(API_KEY);
    await card.getByRole('switch').check();
    await card.getByRole('button', { name: 'Save', exact: true }).click();
    await expectText(page, 'OpenAI-compatible endpoint saved.');
    const saved = page.getByRole('region', { name: 'OpenAI-compatible endpoint', exact: true });
    await saved.getByText('Stored: ••••4c2d').waitFor();
    expect(await saved.getByLabel('Base URL').inputValue()).toBe(modelServer.url);
    // The model list comes from the loopback server through GET /api/providers/:id/models.
    await saved.getByRole('option', { name: 'loop-large' }).waitFor({ state: 'attached' });
    await saved.getByLabel('Default model').selectOption('loop-large');
    await saved.getByRole('button', { name: 'Save', exact: true }).click();
    await expectText(page, 'OpenAI-compatible endpoint saved.');
    const ready = page.getByRole('region', { name: 'OpenAI-compatible endpoint', exact: true });
    await ready.getByRole('button', { name: 'Test connection', exact: true }).click();
    const status = ready.getByRole('status');
    await status.getByText('Connected', { exact: true }).waitFor();
    expect(await status.innerText()).toMatch(/2 models available, including loop-large\. \(\d+ ms\)/);
    expect(modelServer.requests.some((request) => request.path === '/v1/models')).toBe(true);

    await page.reload();
    await page.getByRole('region', { name: 'OpenAI-compatible endpoint', exact: true }).getByText('Stored: ••••4c2d').waitFor();
    expect(await page.content()).not.toContain(API_KEY);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-providers-configured');
  });

  it('shows a wrong key as a failed test without repeating it', async () => {
    const card = page.getByRole('region', { name: 'OpenAI-compatible endpoint', exact: true });
    await card.getByLabel('API key').fill('sk-not-the-right-key-0000');
    await card.getByRole('button', { name: 'Test connection', exact: true }).click();
    await card.getByRole('status').getByText('Failed', { exact: true }).waitFor();
    expect(await card.getByRole('status').innerText()).not.toContain('sk-not-the-right-key');
  });
});
