// The whole wizard in a real browser: plan, pick a framework, see a row turn red, Resolve it, preview
// the server-rendered files, generate, download and unzip, open the project, survive an expired session, regenerate and view the diff.
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations } from './support/browser';
import { expectText, setupAdmin, signIn } from './support/flows';
import { startApp, type TestApp } from './support/start-app';

const IDEA = 'Research a topic on the web every week and write a markdown digest';

describe('the wizard, generate, projects and versions', { timeout: 120_000 }, () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let projectUrl = '';

  const live = () => page.getByRole('complementary', { name: 'Live compatibility', exact: true });
  const pick = (region: string, name: RegExp) => page.getByRole('region', { name: region }).getByRole('button', { name }).first().click();

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })).newPage();
    await setupAdmin(page, app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('describes the idea and shows the planner’s hints', async () => {
    await page.getByRole('link', { name: 'New', exact: true }).click();
    await page.getByLabel('Describe the agent system you want').fill(IDEA);
    await page.getByRole('region', { name: 'Planner hints', exact: true }).getByRole('listitem').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'wizard-describe');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('heading', { name: 'Framework', exact: true }).waitFor();
  });

  it('turns a diagnostic red on an incompatible framework, and Resolve turns it green', async () => {
    await pick('Framework', /^LangGraph/);
    await pick('Orchestration pattern', /Graph/);
    await live().getByText('All clear').or(live().getByText(/to review/)).first().waitFor();
    await pick('Framework', /^CrewAI/);
    await live().getByText('1 blocking').waitFor();
    expect(await live().locator('[data-severity="err"]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'wizard-framework-red');
    await live().getByRole('button', { name: /^Resolve/ }).click();
    await live().getByText(/All clear|to review/).first().waitFor();
    expect(await live().locator('[data-severity="err"]').count()).toBe(0);
  });

  it('edits an agent in place and reviews the compatibility card', async () => {
    await page.getByRole('button', { name: /Next: Agents/ }).click();
    const firstRole = page.getByRole('article').first().getByLabel('Role');
    await firstRole.fill('Lead researcher');
    await screenshot(page, 'wizard-agents');
    await page.getByRole('button', { name: /Next: Review/ }).click();
    await page.getByTestId('compatibility-card').waitFor();
    await expectText(page, 'Lead researcher');
    await page.getByLabel('Content of README.md', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'wizard-review');
  });

  it('previews each file the server renders from the edited spec, loaded when it is opened', async () => {
    const tree = page.getByRole('navigation', { name: 'Generated files', exact: true });
    const spec = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('ag.wizard.v1') ?? '{}') as { spec?: { slug?: string } }).spec);
    const slug = spec?.slug ?? '';
    expect(slug).toMatch(/^[a-z0-9-]+$/);
    const main = `src/${slug.replaceAll('-', '_')}/__main__.py`;
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().endsWith('/api/preview/file') && (candidate.request().postDataJSON() as { path?: string }).path === main),
      tree.getByRole('button', { name: '__main__.py', exact: true }).click(),
    ]);
    expect(response.status()).toBe(200);
    const served = await response.text();
    expect(served).toContain(slug);
    const viewer = page.getByLabel(`Content of ${main}`, { exact: true });
    await viewer.waitFor();
    expect((await viewer.innerText()).trim()).toBe(served.trim());
    // The agent renamed in the previous step is in the rendered files: the preview follows the edited spec.
    const agents = await page.evaluate(async (body) => {
      const csrf = document.cookie.match(/ag_csrf=([^;]+)/)?.[1] ?? '';
      const tree = (await (await fetch('/api/preview', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body })).json()) as { files: Array<{ path: string }> };
      const texts = await Promise.all(
        tree.files.map(async (file) => (await fetch('/api/preview/file', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: JSON.stringify({ ...JSON.parse(body), path: file.path }) })).text()),
      );
      return texts.filter((text) => text.includes('Lead researcher')).length;
    }, JSON.stringify({ spec }));
    expect(agents).toBeGreaterThan(0);
  });

  it('generates the project and downloads a zip with its files', async () => {
    await page.getByRole('button', { name: /Next: Generate/ }).click();
    await page.getByRole('button', { name: 'Generate project', exact: true }).click();
    await page.getByRole('heading', { name: 'Version 1 is ready', exact: true }).waitFor();
    await screenshot(page, 'wizard-generated');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download zip', exact: true }).click()]);
    const entries = unzipSync(new Uint8Array(readFileSync(await download.path())));
    const names = Object.keys(entries);
    expect(names.length).toBeGreaterThan(3);
    expect(names.some((name) => name.endsWith('README.md'))).toBe(true);
    expect(names.some((name) => name.endsWith('.py'))).toBe(true);
  });

  it('opens the project with its file browser and code viewer', async () => {
    await page.getByRole('link', { name: 'Open project', exact: true }).click();
    await page.getByRole('navigation', { name: /Files of version 1/ }).waitFor();
    await page.getByRole('region', { name: /README|Content of/ }).or(page.getByLabel(/Content of/)).first().waitFor();
    projectUrl = page.url();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'project-files');
  });

  it('keeps the wizard’s work when the session expires and the user signs in again', async () => {
    await page.getByRole('button', { name: 'Edit & regenerate', exact: true }).click();
    await page.getByRole('heading', { name: /Edit “/ }).waitFor();
    await pick('Orchestration pattern', /Supervisor/);
    const expired = page.getByRole('dialog', { name: 'Your session has expired', exact: true });
    await page.context().clearCookies();
    await page.getByRole('button', { name: /Next: Agents/ }).click();
    await page.getByRole('button', { name: /Next: Review/ }).click();
    // The preview is rendered by the server, so Review already notices that the session is gone.
    await expired.waitFor();
    await signIn(page);
    await expired.waitFor({ state: 'detached' });
    await page.getByLabel('Content of README.md', { exact: true }).waitFor();
    await expectText(page, 'Supervisor');
    await page.context().clearCookies();
    await page.getByRole('button', { name: /Next: Generate/ }).click();
    await page.getByRole('button', { name: 'Generate new version', exact: true }).click();
    await page.getByRole('dialog', { name: 'Your session has expired', exact: true }).waitFor();
    await signIn(page);
    await page.getByRole('dialog', { name: 'Your session has expired', exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Generate new version', exact: true }).click();
    await page.getByRole('heading', { name: 'Version 2 is ready', exact: true }).waitFor();
  });

  it('lists both versions and shows the diff between them', async () => {
    await page.goto(projectUrl);
    await page.getByRole('tab', { name: 'Versions', exact: true }).click();
    await page.getByRole('cell', { name: 'v2', exact: true }).waitFor();
    await page.locator('.ag-diff__add, .ag-diff__del').first().waitFor();
    expect(await page.locator('.ag-diff__add, .ag-diff__del').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'project-diff');
  });

  it('lists the project with the count from the server and filters by framework', async () => {
    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await expectText(page, '1 project');
    await page.getByLabel('Framework').selectOption('langgraph');
    await page.getByRole('heading', { name: 'No project matches', exact: true }).waitFor();
    await screenshot(page, 'projects-filtered');
  });
});
