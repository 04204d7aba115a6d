/**
 * Phase 6c: the web app. Its first-load JavaScript (the module script of `index.html` and the
 * chunks it preloads, each gzipped as a server would send it); the time until the oversight
 * dashboard shows its data in Chromium, from navigating to `/oversight` in a fresh browser context
 * (nothing cached), signed in as an admin of the whole tree, until the counts of the year's reports
 * are on the screen; and, on that dashboard left open, the time from sending a submission until the
 * count of submitted reports on the screen has changed. The app is built first, as `npm start`
 * builds it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { signToken } from '#infra/local/jwt.js';
import { launchChromium } from '#infra/local/support/browser.js';
import { buildWebApp } from '#infra/local/webBuild.js';
import type { Bench } from '../context.js';
import type { Pair } from '../pairs.js';
import { eventually } from '#infra/local/support/eventually.js';
import { now, percentile, round } from '../stats.js';
import { draftViaGateway, submitViaGateway } from '../submits.js';
import type { Units } from './units.js';

export interface WebAppResult {
  /** The files of the first load, with their gzip sizes in bytes. */
  readonly firstLoad: ReadonlyArray<{ readonly file: string; readonly gzipBytes: number }>;
  readonly firstLoadGzipBytes: number;
  /** Milliseconds from navigation to the dashboard's data on screen, one per load; empty when Chromium could not run. */
  readonly dashboardShownMs: readonly number[];
  readonly medianShownMs: number;
  /** Milliseconds from sending a submission until the open dashboard's count changed, one per submission. */
  readonly liveUpdateMs: readonly number[];
  readonly maxLiveUpdateMs: number;
}

/** The scripts `index.html` loads at once: its module script and the chunks it preloads. */
const firstLoadScripts = (html: string): string[] => [
  ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!),
  ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
];

/** Waits until `holds`, asking every 50 ms, for 30 s at most. */
const waitFor = (holds: () => Promise<boolean>): Promise<true> =>
  eventually(async () => ((await holds()) ? true : undefined), 30_000, 'the dashboard to catch up', 50);

/** The median of `values`; NaN when there are none. */
const median = (values: readonly number[]) => percentile([...values].sort((a, b) => a - b), 50);

/**
 * Measures the first load, then `loads` loads of the dashboard over the reports of `year`, then
 * `updates` submissions of fresh pairs from `next` seen on a dashboard left open.
 */
export const measureWebApp = async (bench: Bench, units: Units, year: number, next: (count: number) => Pair[], loads = 5, updates = 5): Promise<WebAppResult> => {
  const step = bench.progress.step(`web app: first-load size, dashboard shown in Chromium (${loads} loads), live updates (${updates})`);
  const dist = await buildWebApp();
  const firstLoad = firstLoadScripts(readFileSync(path.join(dist, 'index.html'), 'utf8')).map((file) => ({
    file,
    gzipBytes: gzipSync(readFileSync(path.join(dist, file))).length,
  }));
  const shown: number[] = [];
  const live: number[] = [];
  try {
    const browser = await launchChromium();
    try {
      const token = await signToken(bench.runtime.keys, 'admin');
      for (let i = 0; i < loads; i++) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
        await context.addInitScript((t: string) => sessionStorage.setItem('cg.session', t), token);
        const page = await context.newPage();
        const start = now();
        await page.goto(`${bench.runtime.url}/oversight?year=${year}`);
        await page.locator('.live', { hasText: '实时更新' }).waitFor({ timeout: 30_000 });
        await page.locator('[data-stat="expected"]', { hasText: /^[1-9]\d*$/ }).waitFor({ timeout: 30_000 });
        shown.push(round(now() - start, 1));
        await context.close();
      }
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      await context.addInitScript((t: string) => sessionStorage.setItem('cg.session', t), token);
      const page = await context.newPage();
      let open: number | undefined;
      for (const pair of next(updates)) {
        await draftViaGateway(bench, pair);
        await waitFor(async () => (await units.overview(pair.year)).units.find((u) => u.unitId === pair.unitId)?.status === 'draft');
        if (open !== pair.year) {
          await page.goto(`${bench.runtime.url}/oversight?year=${pair.year}`);
          await page.locator('.live', { hasText: '实时更新' }).waitFor({ timeout: 30_000 });
          open = pair.year;
        }
        // The page has seen the draft before the clock starts.
        await waitFor(async () => (await page.locator('[data-stat="submitted"]').textContent()) === String((await units.overview(pair.year)).submitted));
        await page.waitForTimeout(1_200);
        const before = (await page.locator('[data-stat="submitted"]').textContent()) ?? '';
        const start = now();
        await submitViaGateway(bench, pair);
        await page.locator('[data-stat="submitted"]').filter({ hasNotText: new RegExp(`^${before}$`) }).waitFor({ timeout: 30_000 });
        live.push(round(now() - start, 1));
      }
      await context.close();
    } finally {
      await browser.close();
    }
  } catch (error) {
    bench.note(`web app: the dashboard was not timed: ${(error as Error).message}`);
  }
  const firstLoadGzipBytes = firstLoad.reduce((sum, f) => sum + f.gzipBytes, 0);
  const maxLive = live.length === 0 ? Number.NaN : Math.max(...live);
  await bench.pipeline.drain('web app');
  const medianShownMs = median(shown);
  step.done(`${(firstLoadGzipBytes / 1024).toFixed(1)} KB gzip; shown in ${medianShownMs} ms; live updates within ${maxLive} ms`);
  return { firstLoad, firstLoadGzipBytes, dashboardShownMs: shown, medianShownMs, liveUpdateMs: live, maxLiveUpdateMs: maxLive };
};
