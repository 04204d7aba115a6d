/**
 * Real Chromium for the browser tests, driven by playwright-core: Debian's `chromium` package,
 * which `.ci/run` installs (`CHROMIUM_PATH` names another). No browser is downloaded. The flags
 * keep it off the network it cannot reach (background updates, sync, QUIC) and, as root, without
 * the sandbox that needs a user namespace.
 */
import { existsSync } from 'node:fs';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const launchChromium = async (): Promise<Browser> => {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
};

/** A violation axe-core found, as the test reports it. */
export interface Violation {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly targets: readonly string[];
}

/** The serious and critical accessibility violations axe-core finds on the page as it is now. */
export const seriousViolations = async (page: Page): Promise<Violation[]> => {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const results = await (globalThis as unknown as { axe: typeof axe }).axe.run({ resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
};

/**
 * Signs in on the local development sign-in page, in a new context of the browser: the unit picked
 * by its name, then the person (their name) or a role of it (`who` is the radio button's label
 * start). CSP is bypassed only for axe-core; downloads are accepted for the Excel exports.
 */
export const signInOnDevPage = async (browser: Browser, url: string, unitName: string, who: string, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: true, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('heading', { name: '登录（本地开发环境）' }).waitFor();
  const unit = page.getByLabel('单位', { exact: true });
  await unit.locator('option', { hasText: unitName }).first().waitFor({ state: 'attached' });
  await unit.selectOption((await unit.locator('option', { hasText: unitName }).first().getAttribute('value'))!);
  await page.getByRole('radio', { name: new RegExp(`^${who}`) }).check();
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/(portal|oversight)/);
  return { context, page };
};
