/**
 * The web app in real Chromium (Debian's package, driven by playwright-core), served by the local
 * gateway on the real broker and DynamoDB Local: people sign in on the development page, a town's
 * secretary sees what the report still lacks and submits it in the portal, and the county
 * inspector's dashboard, open all along, shows the new count without a reload and nothing outside
 * the county. axe-core checks every page; the screenshots in docs/screenshots are taken here.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { Runtime } from '#infra/local/runtime.js';
import { repoRoot } from '#infra/local/paths.js';
import { buildWebApp } from '#infra/local/webBuild.js';
import { httpClient } from '#infra/local/support/httpClient.js';
import { reportsFlow } from '#infra/local/support/reportsFlow.js';
import { signingFlow } from '#infra/local/support/signingFlow.js';
import { eventually, registerUnit, saveDraftWhenKnown, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { launchChromium, seriousViolations } from '#infra/local/support/browser.js';

let runtime: Runtime;
let browser: Browser;
const suffix = Date.now().toString(36);
/** A year of this test's own, so that other tests' reports on the shared tables count for nothing here. */
const year = 2033;
const names = { city: `网页市-${suffix}`, county: `网页县-${suffix}`, town: `网页镇-${suffix}`, sibling: `网页邻县-${suffix}` };
const units = { city: '', county: '', town: '', sibling: '' };
/** The town secretary's name, as the sign-in page lists the people of the town. */
let townSecretary = '';
const screenshots = path.join(repoRoot, 'docs/screenshots');
/** The screen of a government office. */
const viewport = { width: 1366, height: 768 };

beforeAll(async () => {
  await buildWebApp();
  runtime = await startTestRuntime();
  browser = await launchChromium();
  units.city = await registerUnit(runtime, names.city, undefined, '市委');
  units.county = await registerUnit(runtime, names.county, units.city);
  units.sibling = await registerUnit(runtime, names.sibling, units.city);
  units.town = await registerUnit(runtime, names.town, units.county, '乡镇（街道）党委');
  // The county and the town staffed, their lists of the year published, and the county's letters issued, the town's committee letter among them.
  const client = httpClient(runtime.url);
  const signing = signingFlow(client, runtime.keys);
  const county = await signing.staff(units.county, { secretary: `县书记${suffix}`, members: [{ name: `县委员${suffix}`, areas: ['党建'] }] });
  const town = await signing.staff(units.town, { secretary: `镇书记${suffix}`, members: [{ name: `镇委员${suffix}`, areas: ['财政'] }] });
  townSecretary = town.secretary.name;
  await eventually(async () => ((await signing.publishLists(county, year)).size > 0 ? true : undefined), 30_000, 'the county’s lists');
  await signing.publishLists(town, year);
  const issued = await signing.issue(units.county, year, await signing.tokenOf(county.secretary), true);
  expect(issued.issued.some((l) => l.kind === 'committee' && l.recipient.personId === town.secretary.personId)).toBe(true);
  // The sibling county has submitted: the county's inspector must not count it.
  const siblingSecretary = await tokenFor(runtime, 'unit_secretary', units.sibling);
  await saveDraftWhenKnown(runtime, units.sibling, year, siblingSecretary);
  expect((await reportsFlow(client).submit(units.sibling, year, siblingSecretary)).status).toBe(200);
  client.close();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

/**
 * A new browser context signed in on the development page as `role` of the unit named `unitName`.
 * CSP is bypassed only so that axe-core's script can be injected into the pages.
 */
const signIn = async (unitName: string, roleLabel: string, device: BrowserContextOptions = { viewport }): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ ...device, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(runtime.url);
  await page.getByRole('heading', { name: '登录（本地开发环境）' }).waitFor();
  const unit = page.getByLabel('单位', { exact: true });
  await unit.locator('option', { hasText: unitName }).first().waitFor({ state: 'attached' });
  const value = await unit.locator('option', { hasText: unitName }).first().getAttribute('value');
  await unit.selectOption(value!);
  await page.getByRole('radio', { name: new RegExp(`^${roleLabel}`) }).check();
  await page.getByRole('button', { name: '登录' }).click();
  return { context, page };
};

const stat = (page: Page, name: string) => page.locator(`[data-stat="${name}"]`);

describe('the web app', () => {
  it('explains itself on the sign-in page, which has no serious accessibility violation', async () => {
    // Act
    const context = await browser.newContext({ viewport, locale: 'zh-CN', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(runtime.url);
    await page.getByRole('heading', { name: '登录（本地开发环境）' }).waitFor();
    await page.getByLabel('单位', { exact: true }).locator('option', { hasText: names.city }).waitFor({ state: 'attached' });

    // Assess
    expect(page.url()).toBe(`${runtime.url}/sign-in`);
    await expect(page.getByText('纪检监察干部').first().isVisible()).resolves.toBe(true);
    await expect(page.getByText(/监督本级及下级单位/).first().isVisible()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, 'sign-in.png') });
    await context.close();
  });

  it('lists the people of the unit picked last, even when the first unit’s people come after', async () => {
    // Prepare: the first unit shown (the first root) has its people answered late.
    const context = await browser.newContext({ viewport, locale: 'zh-CN', bypassCSP: true });
    const page = await context.newPage();
    let releaseFirst: () => void = () => undefined;
    const firstAnswered = new Promise<void>((resolve) => (releaseFirst = resolve));
    let delayed = 0;
    await page.route('**/_local/sign-in/units/*/people', async (route) => {
      if (delayed++ === 0) await firstAnswered;
      await route.continue();
    });
    await page.goto(runtime.url);
    const unit = page.getByLabel('单位', { exact: true });
    await unit.locator('option', { hasText: names.town }).first().waitFor({ state: 'attached' });
    await eventually(async () => (delayed > 0 ? true : undefined), 10_000, 'the first unit’s people to be asked for');

    // Act: the town is picked, its people shown; then the first unit's answer comes.
    await unit.selectOption((await unit.locator('option', { hasText: names.town }).first().getAttribute('value'))!);
    await page.getByRole('radio', { name: new RegExp(`^${townSecretary}`) }).waitFor();
    const late = page.waitForResponse((r) => r.url().includes('/_local/sign-in/units/') && r.url().endsWith('/people') && delayed === 2).catch(() => undefined);
    releaseFirst();
    await late;
    await page.waitForTimeout(200);

    // Assess: still the town's people.
    expect(await page.getByRole('radio', { name: new RegExp(`^${townSecretary}`) }).count()).toBe(1);
    await context.close();
  });

  it('lets the town’s secretary sign a letter and verify it, shows the report’s missing items, takes its submission, and the county inspector’s open dashboard counts it without a reload, seeing only the county', async () => {
    // Prepare: the county's inspector has the dashboard open.
    const inspector = await signIn(names.county, '纪检监察干部');
    await inspector.page.waitForURL('**/oversight');
    await inspector.page.goto(`${runtime.url}/oversight?year=${year}`);
    // The page shows the county once the dashboard knows both its units (it reloads as they arrive).
    await stat(inspector.page, 'expected').filter({ hasText: /^2$/ }).waitFor({ timeout: 30_000 });
    expect(await stat(inspector.page, 'submitted').textContent()).toBe('0');
    await inspector.page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));
    const table = inspector.page.getByRole('table');
    expect(await table.getByText(names.town).count()).toBe(1);
    expect(await inspector.page.getByText(names.sibling).count()).toBe(0);
    expect(await inspector.page.getByText(names.city).count()).toBe(0);
    expect(await seriousViolations(inspector.page)).toEqual([]);

    // Act 1: the town's secretary, signed in as the person in the post, signs the letter from the county and verifies it.
    const secretary = await signIn(names.town, townSecretary);
    await secretary.page.waitForURL('**/portal');
    await secretary.page.goto(`${runtime.url}/portal/letters?year=${year}`);
    const toSign = secretary.page.getByRole('article').filter({ has: secretary.page.getByRole('button', { name: '签署' }) });
    const title = (await toSign.getByRole('heading').textContent())!;
    const letter = secretary.page.getByRole('article', { name: title });
    await letter.getByRole('button', { name: '签署' }).click();
    await letter.getByRole('status').getByText('已签署。').waitFor();
    await letter.getByRole('button', { name: '验证签名' }).click();
    await letter.getByText(/^验证通过/).waitFor();
    await letter.getByText(/接收方（/).waitFor();
    expect(await seriousViolations(secretary.page)).toEqual([]);
    await secretary.page.screenshot({ path: path.join(screenshots, 'letters.png') });

    // Act 2: the portal's report, not yet written.
    await secretary.page.goto(`${runtime.url}/portal?year=${year}`);
    const missing = secretary.page.getByRole('heading', { name: /尚未填写的内容/ });
    await missing.waitFor();

    // Assess 2: the missing items are named in Chinese.
    const items = await secretary.page.locator('.missing li').allTextContents();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item).toMatch(/[\u4e00-\u9fff]/);
    expect(await seriousViolations(secretary.page)).toEqual([]);
    await secretary.page.screenshot({ path: path.join(screenshots, 'portal.png') });

    // Act 3: submitting now is refused with the API's reason in Chinese, next to the report.
    await secretary.page.getByRole('button', { name: '提交报告' }).click();
    const refusal = secretary.page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await refusal.textContent()).not.toContain('{');

    // Act 4: the report is written (through the API), the portal shows it complete, and it is submitted in the portal.
    const token = await tokenFor(runtime, 'unit_secretary', units.town, `demo-unit_secretary-${units.town}`);
    const client = httpClient(runtime.url);
    await reportsFlow(client).answerAll(units.town, year, token);
    client.close();
    await secretary.page.getByText('报告各项内容已填写完整。').waitFor({ timeout: 30_000 });
    await secretary.page.getByRole('button', { name: '提交报告' }).click();
    await secretary.page.getByRole('status').getByText('报告已提交。').waitFor();

    // Assess 4: the open dashboard counts the town without a reload.
    await eventually(async () => ((await stat(inspector.page, 'submitted').textContent()) === '1' ? true : undefined), 30_000, 'the dashboard to count the submission');
    expect(await inspector.page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await stat(inspector.page, 'expected').textContent()).toBe('2');
    expect(await inspector.page.getByText(names.sibling).count()).toBe(0);
    await inspector.page.locator('.chart canvas').waitFor();
    await inspector.page.screenshot({ path: path.join(screenshots, 'oversight.png'), fullPage: true });
    await inspector.context.close();
    await secretary.context.close();
  });

  it('exports the table of units below to an Excel workbook with Chinese headers, the filter, and each unit’s path', async () => {
    // Prepare
    const inspector = await signIn(names.county, '纪检监察干部');
    await inspector.page.waitForURL('**/oversight');
    await inspector.page.goto(`${runtime.url}/oversight?year=${year}`);
    await inspector.page.getByRole('table').getByText(names.town).waitFor();

    // Act
    const [download] = await Promise.all([inspector.page.waitForEvent('download'), inspector.page.getByRole('button', { name: '导出Excel' }).click()]);
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'cg-export-')), download.suggestedFilename());
    await download.saveAs(file);
    await inspector.context.close();

    // Assess: a valid workbook, read back by exceljs, with the title, the filter and the rows.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(rows[0]).toEqual(['年度履责报告报送进度']);
    expect(rows[1]).toEqual([`筛选条件：${year}年度 · ${names.county}及下级单位`]);
    expect(rows[3]).toEqual(['单位路径', '本单位报告', '应报', '已报送', '逾期', '未报送', '报送率']);
    expect(rows.slice(4)).toEqual([[`${names.county} / ${names.town}`, '已报送', 1, 1, 0, 0, '100%']]);
  });

  it('has no serious accessibility violation on any view of the dashboard, each reached by keyboard', async () => {
    // Prepare
    const inspector = await signIn(names.county, '纪检监察干部');
    await inspector.page.waitForURL('**/oversight');
    const views = ['责任书签订', '重点任务亮灯', '整改事项', '催办督办', '年度报告'];

    // Act and assess: each view, reached by Tab and Enter from its tab, loads and passes axe-core.
    for (const view of views) {
      await inspector.page.getByRole('link', { name: view, exact: true }).focus();
      await inspector.page.keyboard.press('Enter');
      await inspector.page.locator('.live', { hasText: '实时更新' }).waitFor();
      await inspector.page.getByRole('link', { name: view, exact: true }).and(inspector.page.locator('[aria-current="page"]')).waitFor();
      expect({ view, violations: await seriousViolations(inspector.page) }).toEqual({ view, violations: [] });
    }
    await inspector.context.close();
  });

  it('has no serious accessibility violation on any view of the portal, each reached by keyboard, and prints the report on A4', async () => {
    // Prepare
    const secretary = await signIn(names.town, townSecretary);
    await secretary.page.waitForURL('**/portal');
    const views = ['责任书', '重点任务', '整改事项', '月度台账', '通知', '年度报告'];

    // Act and assess
    for (const view of views) {
      await secretary.page.getByRole('navigation', { name: '本单位事项' }).getByRole('link', { name: view, exact: true }).focus();
      await secretary.page.keyboard.press('Enter');
      await secretary.page.locator('.live', { hasText: '实时更新' }).first().waitFor();
      expect({ view, violations: await seriousViolations(secretary.page) }).toEqual({ view, violations: [] });
    }
    const [print] = await Promise.all([secretary.context.waitForEvent('page'), secretary.page.getByRole('button', { name: '打印报告（A4）' }).click()]);
    await print.evaluate(() => ((globalThis as unknown as { print: () => void }).print = () => undefined));
    await print.locator('article.a4 h2').first().waitFor();
    expect(new URL(print.url()).pathname).toBe('/print/report');
    expect(await print.locator('article.a4 h2').count()).toBeGreaterThan(10);
    await secretary.context.close();
  });

  it('reads on a phone: the dashboard fits the screen’s width, its wide tables scrolling on their own', async () => {
    // Prepare
    const { context, page } = await signIn(names.county, '纪检监察干部', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.waitForURL('**/oversight');

    // Act
    await page.goto(`${runtime.url}/oversight?year=${year}`);
    await page.getByRole('table').getByText(names.town).waitFor();

    // Assess
    const widths = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return { scroll: root.scrollWidth, client: root.clientWidth };
    });
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await context.close();
  });

  it('serves the app’s paths, its config and its files, and refuses what is not there', async () => {
    // Act
    const [deep, config, missing, api, malformedFile, malformedPath] = await Promise.all([
      fetch(`${runtime.url}/oversight?year=2030`),
      fetch(`${runtime.url}/config.json`),
      fetch(`${runtime.url}/assets/none.js`),
      fetch(`${runtime.url}/api/nothing`),
      fetch(`${runtime.url}/assets/%E0.js`),
      fetch(`${runtime.url}/%E0`),
    ]);

    // Assess
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await deep.text()).toContain('<div id="app">');
    expect(await config.json()).toEqual({ auth: { mode: 'development' } });
    expect(missing.status).toBe(404);
    // Malformed percent-encoding names no file: a 404 for a file, the app for one of its paths, never a 500.
    expect([malformedFile.status, malformedPath.status]).toEqual([404, 200]);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });
});
