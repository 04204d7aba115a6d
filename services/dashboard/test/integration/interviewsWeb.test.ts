/**
 * The joint talk in real Chromium, each person signed in on the development page as themselves: the
 * county's discipline chief proposes it for the town in the dashboard, the county's secretary
 * approves it in the portal, the discipline chief records it held with the four convenors, the
 * town's secretary and its discipline chief state their positions, and the town's secretary submits
 * the rectification plan, whose items appear among the town's rectification items. Each page shows
 * who must act next; axe-core checks every view of talks, notices and ledgers, each reached by
 * keyboard.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Runtime } from '#infra/local/runtime.js';
import { repoRoot } from '#infra/local/paths.js';
import { buildWebApp } from '#infra/local/webBuild.js';
import { httpClient } from '#infra/local/support/httpClient.js';
import { signingFlow, type Holder } from '#infra/local/support/signingFlow.js';
import { api, eventually, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { launchChromium, seriousViolations, signInOnDevPage } from '#infra/local/support/browser.js';

let runtime: Runtime;
let browser: Browser;
const suffix = Date.now().toString(36);
const names = { city: `谈话市-${suffix}`, county: `谈话县-${suffix}`, town: `谈话镇-${suffix}` };
const units = { city: '', county: '', town: '' };
const people = {} as Record<'countySecretary' | 'countyDeputy' | 'countyChief' | 'countyOrganisation' | 'townSecretary' | 'townChief' | 'townMember', Holder>;
const viewport = { width: 1366, height: 768 };
const screenshots = path.join(repoRoot, 'docs/screenshots');

beforeAll(async () => {
  await buildWebApp();
  runtime = await startTestRuntime();
  browser = await launchChromium();
  units.city = await registerUnit(runtime, names.city, undefined, '市委');
  units.county = await registerUnit(runtime, names.county, units.city);
  units.town = await registerUnit(runtime, names.town, units.county, '乡镇（街道）党委');
  const client = httpClient(runtime.url);
  const flow = signingFlow(client, runtime.keys);
  people.countySecretary = await flow.assign(units.county, `县委书记${suffix}`, 'secretary', '县委书记', [], '2025-01-06');
  people.countyDeputy = await flow.assign(units.county, `专职副书记${suffix}`, 'deputySecretary', '县委专职副书记', [], '2025-01-06');
  people.countyChief = await flow.assign(units.county, `县纪委书记${suffix}`, 'disciplineChief', '县纪委书记', [], '2025-01-06');
  people.countyOrganisation = await flow.assign(units.county, `组织部长${suffix}`, 'teamMember', '县委组织部部长', ['组织'], '2025-01-06');
  people.townSecretary = await flow.assign(units.town, `镇党委书记${suffix}`, 'secretary', '镇党委书记', [], '2025-01-06');
  people.townChief = await flow.assign(units.town, `镇纪委书记${suffix}`, 'disciplineChief', '镇纪委书记', [], '2025-01-06');
  people.townMember = await flow.assign(units.town, `镇委员${suffix}`, 'teamMember', '镇党委委员', ['民政'], '2025-01-06');
  client.close();
  // The interviews service knows the town's people, and the dashboard the town (the unit picker lists it).
  const inspector = await tokenFor(runtime, 'discipline_inspector', units.county, people.countyChief.personId);
  await eventually(
    async () => ((await api<{ situations: unknown[] }>(runtime, 'GET', `/api/units/${units.town}/education-ledger?year=2026`, { token: inspector })).status === 200 ? true : undefined),
    60_000,
    'the interviews service to know the town',
  );
  await eventually(
    async () => ((await api<{ rows: Array<{ unitId: string }> }>(runtime, 'GET', '/api/dashboard/interviews?year=2026', { token: inspector })).body.rows?.some((r) => r.unitId === units.town) ? true : undefined),
    60_000,
    'the dashboard to know the town',
  );
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

/** A new browser context signed in on the development page as the person (CSP bypassed only for axe-core). */
const signInAs = (unitName: string, person: Holder) => signInOnDevPage(browser, runtime.url, unitName, person.name, viewport);

/** The person's talk card in the portal, once the live list has it at the step named. */
const portalTalk = async (page: Page, step: RegExp) => {
  await page.goto(`${runtime.url}/portal/talks`);
  const card = page.getByRole('article', { name: /^联合谈话：/ });
  await card.getByText(step).first().waitFor({ timeout: 30_000 });
  return card;
};

describe('the joint talk in the web app', () => {
  it('goes from the commission’s proposal to the rectification plan, each person acting on their own page', async () => {
    // Act 1: the county's discipline chief proposes a joint talk for the town.
    const chief = await signInAs(names.county, people.countyChief);
    await chief.page.goto(`${runtime.url}/oversight/talks`);
    const scope = chief.page.getByLabel('单位', { exact: true });
    await scope.locator('option', { hasText: names.town }).first().waitFor({ state: 'attached' });
    await scope.selectOption((await scope.locator('option', { hasText: names.town }).first().getAttribute('value'))!);
    await chief.page.getByRole('button', { name: '提出新的谈话' }).click();
    const form = chief.page.getByRole('form', { name: '提出谈话' });
    await form.getByLabel('谈话类型').selectOption({ label: '联合谈话' });
    await form.getByLabel('联合谈话情形').locator('option', { hasText: '重点任务连续亮红灯' }).waitFor({ state: 'attached' });
    await form.getByLabel('联合谈话情形').selectOption({ label: '重点任务连续亮红灯、推进明显滞后' });
    await form.getByLabel('谈话事由').fill('危房改造任务推进滞后');
    await form.getByLabel('线索来源').selectOption({ label: '日常监督' });
    await form.getByLabel('来源说明').fill('督查发现25户危房改造未按期完成');
    await form.getByRole('checkbox', { name: new RegExp(`^${people.townSecretary.name}`) }).check();
    await form.getByRole('checkbox', { name: new RegExp(`^${people.townChief.name}`) }).check();
    await form.getByRole('button', { name: '提出谈话' }).click();
    await chief.page.getByRole('button', { name: '联合谈话：危房改造任务推进滞后' }).waitFor({ timeout: 30_000 });
    expect(await seriousViolations(chief.page)).toEqual([]);

    // Act 2: the county's secretary finds it waiting for them, and approves it.
    const secretary = await signInAs(names.county, people.countySecretary);
    const toApprove = await portalTalk(secretary.page, /批准联合谈话/);
    await toApprove.getByText('待我办理').waitFor();
    await toApprove.getByRole('button', { name: '批准联合谈话' }).click();
    await secretary.page.getByText('已批准联合谈话。').waitFor();
    await secretary.context.close();

    // Act 3: the discipline chief records it held, with the four convenors.
    await chief.page.reload();
    await scope.locator('option', { hasText: names.town }).first().waitFor({ state: 'attached' });
    await scope.selectOption((await scope.locator('option', { hasText: names.town }).first().getAttribute('value'))!);
    await chief.page.getByRole('button', { name: '联合谈话：危房改造任务推进滞后' }).click();
    const record = chief.page.getByRole('form', { name: '记录谈话' });
    await record.waitFor({ timeout: 30_000 });
    await record.getByLabel('谈话日期').fill(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    await record.getByLabel('党委书记', { exact: true }).selectOption({ value: people.countySecretary.personId });
    await record.getByLabel('专职副书记', { exact: true }).selectOption({ value: people.countyDeputy.personId });
    await record.getByLabel('纪委书记', { exact: true }).selectOption({ value: people.countyChief.personId });
    await record.getByLabel('组织部长', { exact: true }).selectOption({ value: people.countyOrganisation.personId });
    await record.getByLabel('指出的问题（每行一条）').fill('主体责任落实不到位\n督促检查不力');
    await record.getByLabel('提出的要求（每行一条）').fill('一周内报送整改方案');
    await record.getByRole('button', { name: '保存谈话记录' }).click();
    await chief.page.getByText('谈话记录已保存，等待被谈话人表态。').waitFor();
    expect(await seriousViolations(chief.page)).toEqual([]);
    await chief.page.screenshot({ path: path.join(screenshots, 'talks.png'), fullPage: true });

    // Act 4: the town's secretary and its discipline chief each state a position.
    for (const person of [people.townSecretary, people.townChief]) {
      const own = await signInAs(names.town, person);
      const card = await portalTalk(own.page, /表态/);
      await card.getByText('待我办理').waitFor();
      await card.getByLabel('我的表态').fill('诚恳接受批评，立即组织整改。');
      await card.getByRole('button', { name: '提交表态' }).click();
      await own.page.getByText('表态已提交。').waitFor();
      await own.context.close();
    }

    // Act 5: the town's secretary submits the plan of two items.
    const town = await signInAs(names.town, people.townSecretary);
    const card = await portalTalk(town.page, /报送整改方案/);
    const plan = card.getByRole('form', { name: '报送整改方案' });
    await plan.getByLabel('整改措施1').fill('逐户完成危房改造');
    await plan.getByLabel('完成时限1').fill('2099-03-31');
    await plan.getByRole('button', { name: '增加一项' }).click();
    await plan.getByLabel('整改措施2').fill('建立危房动态监测台账');
    await plan.getByLabel('完成时限2').fill('2099-04-30');
    await plan.getByRole('button', { name: '报送整改方案' }).click();
    await town.page.getByText(/整改方案已报送/).waitFor();
    expect(await seriousViolations(town.page)).toEqual([]);
    await town.page.screenshot({ path: path.join(screenshots, 'joint-talk.png'), fullPage: true });

    // Assess: the plan's items are the town's rectification items, in the same list as any other.
    await town.page.goto(`${runtime.url}/portal/rectifications`);
    await town.page.getByRole('heading', { name: '逐户完成危房改造' }).waitFor({ timeout: 30_000 });
    await town.page.getByRole('heading', { name: '建立危房动态监测台账' }).waitFor();
    await town.context.close();
    await chief.context.close();
  });

  it('has no serious accessibility violation on the views of talks, notices and ledgers, each reached by keyboard', async () => {
    const chief = await signInAs(names.county, people.countyChief);
    for (const view of ['谈话', '预警', '台账汇总']) {
      await chief.page.getByRole('link', { name: view, exact: true }).focus();
      await chief.page.keyboard.press('Enter');
      await chief.page.getByRole('link', { name: view, exact: true }).and(chief.page.locator('[aria-current="page"]')).waitFor();
      await chief.page.locator('.live', { hasText: '实时更新' }).first().waitFor();
      expect({ view, violations: await seriousViolations(chief.page) }).toEqual({ view, violations: [] });
    }
    await chief.context.close();
    const member = await signInAs(names.town, people.townMember);
    for (const view of ['谈话', '预警提示', '廉政教育台账']) {
      await member.page.getByRole('navigation', { name: '本单位事项' }).getByRole('link', { name: view, exact: true }).focus();
      await member.page.keyboard.press('Enter');
      await member.page.locator('.live', { hasText: '实时更新' }).first().waitFor();
      expect({ view, violations: await seriousViolations(member.page) }).toEqual({ view, violations: [] });
    }
    await member.context.close();
  });
});
