// First-run setup, sign-out, a wrong password, and sign-in, in a real browser against the real server.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations } from './support/browser';
import { ADMIN, expectText, setupAdmin, signIn } from './support/flows';
import { startApp, type TestApp } from './support/start-app';

describe('first-run setup and login', { timeout: 120_000 }, () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('offers setup while no admin exists, with no serious accessibility problems', async () => {
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Set up Agent Generator', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'setup');
  });

  it('creates the admin and lands on an empty project list that says what to do next', async () => {
    await setupAdmin(page, app.url);
    await page.getByRole('heading', { name: 'No projects yet', exact: true }).waitFor();
    await expectText(page, 'Describe your first agent system');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'projects-empty');
  });

  it('signs out, refuses a wrong password with a clear message, then signs in', async () => {
    await page.getByRole('button', { name: ADMIN.name, exact: true }).click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in to Agent Generator', exact: true }).waitFor();
    await signIn(page, 'not the password');
    await expectText(page, 'The email or password is wrong');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in');
    await signIn(page);
    await page.getByRole('heading', { name: 'Projects', exact: true }).waitFor();
  });

  it('keeps the session across a reload', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Projects', exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'Sign in to Agent Generator', exact: true }).count()).toBe(0);
  });

  it('answers a signed-out visit to a deep link with the sign-in page after a single 401 (who is signed in)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    try {
      const visitor = await context.newPage();
      const refused: string[] = [];
      visitor.on('response', (response) => {
        if (response.status() === 401) refused.push(new URL(response.url()).pathname);
      });
      for (const path of ['/projects', '/projects/abc']) {
        refused.length = 0;
        await visitor.goto(`${app.url}${path}`);
        await visitor.getByRole('heading', { name: 'Sign in to Agent Generator', exact: true }).waitFor();
        await visitor.waitForLoadState('networkidle');
        expect(refused).toEqual(['/api/auth/me']);
      }
    } finally {
      await context.close();
    }
  });
});
