// Settings that persist across a reload (theme, density, locale, workspace defaults), the dark theme, storage
// figures and the export of every project, the installed renderers, About, the palette.
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations } from './support/browser';
import { expectText, setupAdmin, theme } from './support/flows';
import { startApp, type TestApp } from './support/start-app';

describe('settings, dark theme, About and the command palette', { timeout: 120_000 }, () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: 'light', acceptDownloads: true });
    await setupAdmin(page, app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('saves the dark theme on the server, so it survives a reload and a fresh browser', async () => {
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    expect(await theme(page)).toBe('light');
    await page.getByLabel('Theme').selectOption('dark');
    await expectText(page, 'Saved.');
    expect(await theme(page)).toBe('dark');
    await page.reload();
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    expect(await theme(page)).toBe('dark');
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByLabel('Theme').waitFor();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-general');
  });

  it('applies compact density and the number formats of the locale at once, and keeps them after a reload', async () => {
    const buttonHeight = () => page.getByRole('button', { name: /Ada Admin/ }).evaluate((element) => element.getBoundingClientRect().height);
    const comfortable = await buttonHeight();
    await page.getByLabel('Density').selectOption('compact');
    await page.waitForFunction(() => document.documentElement.dataset.density === 'compact');
    expect(await buttonHeight()).toBeLessThan(comfortable);
    const example = page.getByTestId('locale-example');
    expect(await example.innerText()).toContain('1,234,567.5');
    await page.getByLabel('Formats').selectOption('de');
    await page.waitForFunction(() => document.querySelector('[data-testid="locale-example"]')?.textContent?.includes('1.234.567,5'));
    await expectText(page, 'translations are not done yet');
    await page.reload();
    await page.getByLabel('Formats').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.density)).toBe('compact');
    expect(await example.innerText()).toContain('1.234.567,5');
    await page.getByLabel('Density').selectOption('comfortable');
    await page.getByLabel('Formats').selectOption('en');
    await page.waitForFunction(() => document.documentElement.dataset.density === 'comfortable' && document.querySelector('[data-testid="locale-example"]')?.textContent?.includes('1,234,567.5'));
  });

  it('shows storage figures that match the API and exports every project as one zip', async () => {
    const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'ag_csrf')?.value ?? '';
    const created = await page.request.post(`${app.url}/api/projects`, { headers: { 'X-CSRF-Token': csrf }, data: { idea: 'Summarise new arXiv papers about robotics every week', name: 'Robotics digest' } });
    expect(created.status()).toBe(201);
    const { project } = (await created.json()) as { project: { slug: string } };
    await page.getByRole('tab', { name: 'Data controls', exact: true }).click();
    const figures = page.getByTestId('storage-usage');
    await figures.waitFor();
    const usage = (await (await page.request.get(`${app.url}/api/data/usage`)).json()) as Record<string, number>;
    expect(usage.projects).toBe(1);
    for (const key of ['projects', 'versions', 'files', 'auditEntries']) {
      const figure = figures.locator(`[data-figure="${key}"]`);
      expect(Number(await figure.getAttribute('data-value')), key).toBe(usage[key]);
      expect(await figure.innerText(), key).toContain(new Intl.NumberFormat('en').format(usage[key] ?? -1));
    }
    expect(Number(await figures.locator('[data-figure="files"]').getAttribute('data-bytes'))).toBe(usage.fileBytes);
    expect(Number(await figures.locator('[data-figure="databaseBytes"]').getAttribute('data-value'))).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export all projects', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^agent-generator-projects-\d{4}-\d{2}-\d{2}\.zip$/);
    const names = Object.keys(unzipSync(new Uint8Array(readFileSync(await download.path()))));
    expect(names).toHaveLength(usage.files ?? -1);
    expect(names.every((name) => name.startsWith(`${project.slug}/`))).toBe(true);
    expect(names).toContain(`${project.slug}/README.md`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lists the renderers installed on the server', async () => {
    await page.getByRole('tab', { name: 'Plug-in templates', exact: true }).click();
    const { items } = (await (await page.request.get(`${app.url}/api/renderers`)).json()) as { items: Array<{ name: string; version: string }> };
    const table = page.getByRole('table', { name: 'Installed renderers', exact: true });
    await table.waitFor();
    const shown = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].slice(0, 2).map((cell) => cell.textContent)));
    expect(shown).toEqual(items.map((item) => [item.name, item.version]));
  });

  it('saves workspace defaults that survive a reload', async () => {
    await page.getByRole('tab', { name: 'Defaults', exact: true }).click();
    await page.getByLabel('Framework').selectOption('langgraph');
    await page.getByRole('button', { name: 'Save defaults', exact: true }).click();
    await expectText(page, 'Defaults saved.');
    await page.reload();
    await page.getByRole('tab', { name: 'Defaults', exact: true, selected: true }).waitFor();
    expect(await page.getByLabel('Framework').inputValue()).toBe('langgraph');
    await screenshot(page, 'settings-defaults');
  });

  it('shows every settings tab without serious accessibility problems', async () => {
    for (const tab of ['Account', 'Providers', 'Plug-in templates', 'Shortcuts', 'Data controls']) {
      await page.getByRole('tab', { name: tab }).click();
      expect(await seriousViolations(page), tab).toEqual([]);
      await screenshot(page, `settings-${tab.toLowerCase().replace(/[^a-z]+/g, '-')}`);
    }
    await expectText(page, /Projects/);
  });

  it('shows About with system facts from the server', async () => {
    await page.getByRole('button', { name: /Ada Admin/ }).click();
    await page.getByRole('menuitem', { name: 'About', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'About Agent Generator', exact: true });
    await dialog.getByText(/migrations applied/).waitFor();
    expect(await dialog.getByText(/^Node v\d+/).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'about');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('runs a command from the palette opened with its shortcut, and the theme shortcut switches back to light', async () => {
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette', exact: true });
    await palette.waitFor();
    await page.keyboard.type('projects');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Projects', exact: true }).waitFor();
    await page.keyboard.press('Alt+t');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    await screenshot(page, 'projects-after-toggle');
  });
});
