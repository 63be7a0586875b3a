// Settings that persist across a reload (theme, workspace defaults), the dark theme, About, the palette.
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
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
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
