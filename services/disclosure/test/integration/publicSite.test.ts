/**
 * The public site in real Chromium with JavaScript turned off: a person with no account files a
 * complaint through the form, keeps the receipt code the page shows, looks the complaint up by it,
 * and, once the town's discipline body has answered, reads the answer and rates it. The pages show
 * nothing of the complainant but the code. The live figures count it, and the published items are
 * filtered by unit and kind with a plain form. axe-core finds no serious violation on the form nor
 * on the items page (in a second context, with scripts, for axe alone).
 */
import path from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Runtime } from '#infra/local/runtime.js';
import { repoRoot } from '#infra/local/paths.js';
import { launchChromium, seriousViolations } from '#infra/local/support/browser.js';
import { httpClient, type HttpClient } from '#infra/local/support/httpClient.js';
import { documentClient, eventually, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { withFreshIds } from '#events/fixtures/index.js';
import { cloudEventContentType } from '#events/envelope.js';
import { topics } from '#events/topics.js';
import { KeyTaskAddedV1 } from '#events/index.js';
import { kafkaProducer } from '#shared/kafka/producer.js';

const screenshots = path.join(repoRoot, 'docs/screenshots');
/** The limits per client address, which Chromium's address (127.0.0.1) shares with every test that sends from no address of its own. */
const limitVariables = ['DISCLOSURE_FILINGS_PER_ADDRESS_PER_HOUR', 'DISCLOSURE_LOOKUPS_PER_ADDRESS_PER_MINUTE'];

let runtime: Runtime;
let client: HttpClient;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const previousLimits = limitVariables.map((name) => process.env[name]);
const units = {} as { city: string; town: string };
const stamp = Date.now().toString(36);
const phone = `137${String(Date.now()).slice(-8)}`;
const townName = `公开${stamp}镇`;

beforeAll(async () => {
  // Chromium sends from 127.0.0.1, like every test that sends from no address of its own (the fuzz
  // test's many filings and lookups among them); the limits per address are the rate-limit test's.
  for (const name of limitVariables) process.env[name] = '100000';
  runtime = await startTestRuntime();
  client = httpClient(runtime.url);
  units.city = await registerUnit(runtime, `公开市${stamp}`, undefined, '市委');
  units.town = await registerUnit(runtime, townName, units.city, '乡镇（街道）党委');
  await eventually(
    async () => (await documentClient().send(new GetCommand({ TableName: 'disclosure', Key: { pk: 'UNITS', sk: `UNIT#${units.town}` } }))).Item,
    30_000,
    'disclosure to know the town',
  );
  browser = await launchChromium();
  context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN', viewport: { width: 900, height: 1100 } });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  limitVariables.forEach((name, i) => {
    if (previousLimits[i] === undefined) delete process.env[name];
    else process.env[name] = previousLimits[i];
  });
  await browser?.close();
  client?.close();
  await runtime?.stop();
});

describe('the public site, without JavaScript', () => {
  it('files a complaint, shows its receipt code, looks it up, and takes the rating of the answer', async () => {
    // Act: file
    await page.goto(`${runtime.url}/api/public/site/complaint`);
    await page.getByLabel('被投诉单位').selectOption(units.town);
    const facts = `某站所工作人员上班时间打牌（${stamp}）`;
    await page.getByLabel('反映的问题（必填，最多 5000 字）').fill(facts);
    await page.getByLabel('联系电话').fill(phone);
    await page.getByLabel('称呼').fill('赵先生');
    await page.getByRole('button', { name: '提交投诉' }).click();

    // Assess
    await page.getByRole('heading', { name: '投诉已提交' }).waitFor();
    const code = (await page.locator('#receipt-code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    await page.screenshot({ path: path.join(screenshots, 'complaint-receipt.png'), fullPage: true });

    // Act: look it up, typed as a person might
    await page.getByRole('link', { name: '查询办理进度' }).first().click();
    await page.getByLabel('回执码').fill(code.replace(/-/g, ' ').toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();

    // Assess
    await page.locator('#receipt').waitFor();
    expect(await page.locator('#receipt').textContent()).toContain('已收到，等待受理');

    // Act: the town's discipline body accepts and answers it
    const handler = await tokenFor(runtime, 'discipline_inspector', units.town, `site-inspector-${stamp}`);
    const [complaint] = (await client.expect<{ complaints: Array<{ complaintId: string }> }>('GET', `/api/units/${units.town}/complaints`, 200, { token: handler })).complaints;
    await client.expect('POST', `/api/complaints/${complaint!.complaintId}/accept`, 200, { token: handler });
    const answer = '经核查，反映问题属实，已对相关人员进行批评教育并通报。';
    await client.expect('POST', `/api/complaints/${complaint!.complaintId}/answer`, 200, { token: handler, body: { answer } });
    await page.goto(`${runtime.url}/api/public/site/lookup`);
    await page.getByLabel('回执码').fill(code);
    await page.getByRole('button', { name: '查询' }).click();

    // Assess
    expect(await page.locator('#receipt').textContent()).toContain(answer);
    await page.screenshot({ path: path.join(screenshots, 'complaint-answer.png'), fullPage: true });

    // Act: rate
    await page.getByRole('radio', { name: '满意', exact: true }).check();
    await page.getByRole('button', { name: '提交评价' }).click();

    // Assess
    await page.getByText('感谢您的评价。').waitFor();
    expect(await page.locator('#receipt').textContent()).toContain('满意');
    expect(await page.getByRole('button', { name: '提交评价' }).count()).toBe(0);
    // Nothing of the complainant on any page of theirs.
    expect(await page.content()).not.toContain(phone);
    expect(await page.content()).not.toContain('赵先生');
  });

  it('shows what is wrong beside the field, keeping what was typed, and an unknown code as unknown', async () => {
    // Act
    await page.goto(`${runtime.url}/api/public/site/complaint`);
    await page.getByLabel('被投诉单位').selectOption(units.town);
    await page.getByLabel('反映的问题（必填，最多 5000 字）').fill('有问题');
    await page.getByLabel('联系电话').fill('12345');
    await page.getByRole('button', { name: '提交投诉' }).click();

    // Assess
    await page.getByRole('alert').waitFor();
    expect(await page.locator('#contactPhone-error').textContent()).toBe('请填写正确的手机号码或座机号码');
    expect(await page.getByLabel('反映的问题（必填，最多 5000 字）').inputValue()).toBe('有问题');

    // Act
    await page.goto(`${runtime.url}/api/public/site/lookup`);
    await page.getByLabel('回执码').fill('0000-0000-0000-0000-0000');
    await page.getByRole('button', { name: '查询' }).click();

    // Assess
    expect(await page.getByRole('alert').textContent()).toContain('未查询到与该回执码对应的投诉');
  });

  it('shows the live figures, counting the complaint answered and rated', async () => {
    // Act
    await page.goto(`${runtime.url}/api/public/site/figures?unitId=${units.city}`);

    // Assess: the first test's complaint, answered and rated satisfied
    const town = page.locator(`tr[data-unit="${units.town}"]`);
    expect((await town.locator('td').allTextContents()).slice(1)).toEqual(['1', '1', '0', '0', '100%']);
  });

  it('lists the published items of a unit and kind through a plain form', async () => {
    // Prepare: the town's key task, proposed from reports.events and approved by its discipline body
    const title = `推行村级小微权力清单${stamp}`;
    const producer = kafkaProducer('disclosure-site-test');
    const event = KeyTaskAddedV1.parse({ ...withFreshIds('reports.KeyTaskAdded.v1', units.town, { title }), time: new Date().toISOString() });
    await producer.send(topics.reports, [{ key: units.town, value: JSON.stringify(event), headers: { 'content-type': cloudEventContentType } }]);
    await producer.disconnect();
    const reviewer = await tokenFor(runtime, 'discipline_inspector', units.town, `site-inspector-${stamp}`);
    const item = await eventually(
      async () => (await client.expect<{ items: Array<{ itemId: string; source: { id: string } }> }>('GET', `/api/units/${units.town}/publication-items`, 200, { token: reviewer })).items.find((i) => i.source.id === event.id),
      30_000,
      'the proposed key task',
    );
    await client.expect('POST', `/api/publication-items/${item.itemId}/approve`, 200, { token: reviewer, body: {} });

    // Act
    await page.goto(`${runtime.url}/api/public/site/items`);
    await page.getByLabel('单位（含下级）').selectOption(units.city);
    await page.getByLabel('类别').selectOption('keyTask');
    await page.getByRole('button', { name: '筛选' }).click();

    // Assess
    const articles = page.locator('#items article');
    expect(await articles.count()).toBe(1);
    expect(await articles.first().locator('h3').textContent()).toBe(`${townName}${event.data.year}年重点任务：${title}`);
    expect(await page.locator('#items').textContent()).not.toContain(event.data.responsible.name);
    await page.screenshot({ path: path.join(screenshots, 'public-items.png'), fullPage: true });

    // Act: another kind
    await page.getByLabel('类别').selectOption('typicalCase');
    await page.getByRole('button', { name: '筛选' }).click();

    // Assess
    expect(await page.locator('#items').textContent()).toContain('暂无公开事项');
  });

  it('has no serious accessibility violation on the form and the items page', async () => {
    // Prepare: axe-core needs scripts, so it runs in a context of its own
    const checking = await browser.newContext({ bypassCSP: true, locale: 'zh-CN' });
    const checked = await checking.newPage();

    // Act
    await checked.goto(`${runtime.url}/api/public/site/complaint`);
    const onForm = await seriousViolations(checked);
    await checked.goto(`${runtime.url}/api/public/site/items?unitId=${units.city}`);
    const onItems = await seriousViolations(checked);

    // Assess
    expect(onForm).toEqual([]);
    expect(onItems).toEqual([]);
    await checking.close();
  });
});
