/**
 * The discipline body's disclosure work in real Chromium, signed in on the development page as the
 * town's discipline chief: a public complaint (with contact details and a photo) is read with its
 * contact details, accepted and answered, and the complainant's receipt then shows the answer; a key
 * task proposed for publication is approved and is then on the public items. The town's secretary is
 * offered neither view. axe-core checks both views.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Runtime } from '#infra/local/runtime.js';
import { repoRoot } from '#infra/local/paths.js';
import { buildWebApp } from '#infra/local/webBuild.js';
import { httpClient, type HttpClient } from '#infra/local/support/httpClient.js';
import { signingFlow, type Holder } from '#infra/local/support/signingFlow.js';
import { documentClient, eventually, ownAddress, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { launchChromium, seriousViolations, signInOnDevPage } from '#infra/local/support/browser.js';
import { withFreshIds } from '#events/fixtures/index.js';
import { cloudEventContentType } from '#events/envelope.js';
import { KeyTaskAddedV1 } from '#events/index.js';
import { topics } from '#events/topics.js';
import { kafkaProducer } from '#shared/kafka/producer.js';

let runtime: Runtime;
let browser: Browser;
let client: HttpClient;
const suffix = Date.now().toString(36);
const names = { city: `公开市-${suffix}`, town: `公开镇-${suffix}` };
const units = { city: '', town: '' };
const people = {} as Record<'chief' | 'secretary', Holder>;
const viewport = { width: 1366, height: 900 };
const screenshots = path.join(repoRoot, 'docs/screenshots');
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

beforeAll(async () => {
  await buildWebApp();
  runtime = await startTestRuntime();
  browser = await launchChromium();
  client = httpClient(runtime.url);
  units.city = await registerUnit(runtime, names.city, undefined, '市委');
  units.town = await registerUnit(runtime, names.town, units.city, '乡镇（街道）党委');
  const flow = signingFlow(client, runtime.keys);
  people.chief = await flow.assign(units.town, `镇纪委书记${suffix}`, 'disciplineChief', '镇纪委书记', [], '2025-01-06');
  people.secretary = await flow.assign(units.town, `镇党委书记${suffix}`, 'secretary', '镇党委书记', [], '2025-01-06');
  await eventually(async () => (await documentClient().send(new GetCommand({ TableName: 'disclosure', Key: { pk: 'UNITS', sk: `UNIT#${units.town}` } }))).Item, 30_000, 'disclosure to know the town');
}, 180_000);

afterAll(async () => {
  client?.close();
  await browser?.close();
  await runtime?.stop();
});

const signInAs = (who: Holder) => signInOnDevPage(browser, runtime.url, names.town, who.name, viewport);

describe('the discipline body’s disclosure work in the web app', () => {
  it('reads a public complaint with its contact details and attachment, accepts and answers it, and the receipt shows the answer', async () => {
    // Prepare: a complaint about the town, with a phone number and a photo
    const from = ownAddress();
    const facts = `镇政府食堂超标准接待（${suffix}）`;
    const filed = await client.expect<{ receiptCode: string }>('POST', '/api/public/complaints', 201, {
      localAddress: from,
      body: { unitId: units.town, facts, contact: { name: '李女士', phone: '13900000000' }, attachments: [{ name: '现场照片.png', contentBase64: png.toString('base64') }] },
    });
    const { page } = await signInAs(people.chief);

    // Act: open it
    await page.goto(`${runtime.url}/oversight/complaints`);
    await page.getByRole('button', { name: new RegExp(`^查看办理：${names.town}`) }).click();
    const panel = page.getByRole('region', { name: `投诉详情（${names.town}）` });

    // Assess: the facts, the contact details, the attachment
    await panel.getByText(facts).waitFor();
    expect(await panel.textContent()).toContain('李女士，13900000000');
    expect(await panel.getByRole('button', { name: /^现场照片\.png/ }).count()).toBe(1);

    // Act: accept, then answer
    await panel.getByRole('button', { name: '受理' }).click();
    await panel.getByText('已受理。').waitFor();
    await panel.getByLabel('答复内容').fill('经核查，反映问题属实，已责令整改并通报批评。');
    await panel.getByRole('button', { name: '答复', exact: true }).click();
    await panel.getByText('已答复，投诉人可凭回执码查看。').waitFor();
    await page.screenshot({ path: path.join(screenshots, 'complaint-handling.png'), fullPage: true });

    // Assess: the complainant's receipt shows the answer
    const receipt = await client.expect<{ status: string; answer: string }>('POST', '/api/public/complaints/lookup', 200, { localAddress: from, body: { receiptCode: filed.receiptCode } });
    expect(receipt).toMatchObject({ status: 'answered', answer: '经核查，反映问题属实，已责令整改并通报批评。' });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('approves an item proposed for publication, which is then published', async () => {
    // Prepare: the town's key task, proposed from reports.events
    const title = `推进清廉村居建设${suffix}`;
    const event = KeyTaskAddedV1.parse({ ...withFreshIds('reports.KeyTaskAdded.v1', units.town, { title }), time: new Date().toISOString() });
    const producer = kafkaProducer('dashboard-disclosure-web-test');
    await producer.send(topics.reports, [{ key: units.town, value: JSON.stringify(event), headers: { 'content-type': cloudEventContentType } }]);
    await producer.disconnect();
    const reviewer = await tokenFor(runtime, 'discipline_inspector', units.town, people.chief.personId);
    await eventually(
      async () => (await client.expect<{ items: Array<{ source: { id: string } }> }>('GET', `/api/units/${units.town}/publication-items`, 200, { token: reviewer })).items.find((i) => i.source.id === event.id),
      30_000,
      'the proposed key task',
    );
    const { page } = await signInAs(people.chief);

    // Act
    await page.goto(`${runtime.url}/oversight/publication`);
    const card = page.getByRole('listitem', { name: new RegExp(title) });
    await card.getByRole('button', { name: '通过并公开' }).click();
    // The view says it, as the item leaves the list of those awaiting review.
    await page.getByRole('status').filter({ hasText: `${title}` }).filter({ hasText: '已审核通过并公开。' }).waitFor();
    await card.waitFor({ state: 'detached' });

    // Assess
    const published = await client.expect<{ items: Array<{ title: string }> }>('GET', `/api/public/items?unitId=${units.town}`, 200);
    expect(published.items.map((i) => i.title)).toContain(`${names.town}${event.data.year}年重点任务：${title}`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('offers the town’s secretary neither view', async () => {
    // Act
    const { page } = await signInAs(people.secretary);
    await page.goto(`${runtime.url}/oversight`);

    // Assess
    const tabs = await page.getByRole('navigation', { name: '看板内容' }).getByRole('link').allTextContents();
    expect(tabs).not.toContain('公众投诉');
    expect(tabs).not.toContain('公开审核');
  });
});
