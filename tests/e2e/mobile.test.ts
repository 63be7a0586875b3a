// The wizard on a 390×844 phone screen: bottom tabs instead of the rail, every step reachable, light and dark (each screenshot checks both themes with axe).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations } from './support/browser';
import { setupAdmin } from './support/flows';
import { startApp, type TestApp } from './support/start-app';

describe('the wizard at 390×844', { timeout: 120_000 }, () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await setupAdmin(page, app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('puts the navigation at the bottom of the screen', async () => {
    const box = await page.getByRole('navigation', { name: 'Main', exact: true }).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeGreaterThan(780);
    expect(box!.width).toBeGreaterThan(380);
  });

  it('goes through the wizard to Review without horizontal scrolling', async () => {
    await page.getByRole('link', { name: 'New', exact: true }).click();
    await page.getByLabel('Describe the agent system you want').fill('Answer questions about our PDF handbook on AWS');
    await page.getByRole('region', { name: 'Planner hints', exact: true }).getByRole('listitem').first().waitFor();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('heading', { name: 'Framework', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'mobile-wizard-framework');
    await page.getByRole('button', { name: /Next: Agents/ }).click();
    await page.getByRole('button', { name: /Next: Review/ }).click();
    await page.getByTestId('compatibility-card').waitFor();
    await page.getByLabel('Content of README.md', { exact: true }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'mobile-wizard-review');
  });
});
