// Debian's Chromium driven by playwright-core (no browser download), plus axe-core and screenshots.
import axe from 'axe-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../apps/web/screenshots', import.meta.url));

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly nodes: ReadonlyArray<string>;
}

/** Runs axe-core in the page; answers the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<ReadonlyArray<AxeViolation>> {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy rightly forbids inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

async function setTheme(page: Page, theme: string): Promise<void> {
  await page.evaluate((value) => {
    document.documentElement.dataset.theme = value;
  }, theme);
}

/** Writes `<name>-light.png` and `<name>-dark.png`, checking the other theme with axe too; the page keeps its theme. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const current = (await page.evaluate(() => document.documentElement.dataset.theme)) ?? 'light';
  const other = current === 'dark' ? 'light' : 'dark';
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-${current}.png`, fullPage: true });
  await setTheme(page, other);
  const violations = await seriousViolations(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-${other}.png`, fullPage: true });
  await setTheme(page, current);
  if (violations.length > 0) throw new Error(`${name} in the ${other} theme: ${JSON.stringify(violations, null, 2)}`);
}
