/**
 * Accountability in real Chromium, each person signed in on the development page: the county's
 * discipline chief opens a case on a town cadre, imposes a removal (the ban it brings shows at once)
 * and closes the case as accountable; the cadre's integrity file then shows the post, the case, the
 * measure, the ban and the close as a timeline, each entry with the event it was filed from, and an
 * opinion on an equivalent post today is rejected with the ban's reason. The county's organisation
 * department reads the case and the file and is offered no step; the town's secretary is shown
 * nothing of cases. axe-core checks the case list, the case and the file; the cases view is reached
 * by keyboard.
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
const names = { city: `问责市-${suffix}`, county: `问责县-${suffix}`, town: `问责镇-${suffix}` };
const units = { city: '', county: '', town: '' };
const people = {} as Record<'countyChief' | 'townSecretary' | 'cadre', Holder>;
const viewport = { width: 1366, height: 768 };
const screenshots = path.join(repoRoot, 'docs/screenshots');
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
/** A date as the pages write it. */
const day = String.raw`\d{4}-\d{2}-\d{2}`;
const banLine = new RegExp(`^${today}至${day}不得担任与原任职务相当的领导职务$`);

beforeAll(async () => {
  await buildWebApp();
  runtime = await startTestRuntime();
  browser = await launchChromium();
  units.city = await registerUnit(runtime, names.city, undefined, '市委');
  units.county = await registerUnit(runtime, names.county, units.city);
  units.town = await registerUnit(runtime, names.town, units.county, '乡镇（街道）党委');
  const client = httpClient(runtime.url);
  const flow = signingFlow(client, runtime.keys);
  people.countyChief = await flow.assign(units.county, `县纪委书记${suffix}`, 'disciplineChief', '县纪委书记', [], '2025-01-06');
  people.townSecretary = await flow.assign(units.town, `镇党委书记${suffix}`, 'secretary', '镇党委书记', [], '2025-01-06');
  people.cadre = await flow.assign(units.town, `镇委员${suffix}`, 'teamMember', '镇党委委员', ['财务'], '2025-01-06');
  client.close();
  // The inspections service knows the town's people (the cadre's file answers), and the dashboard the town (the unit picker lists it).
  const organisation = await tokenFor(runtime, 'organisation_dept', units.county);
  await eventually(
    async () => ((await api(runtime, 'GET', `/api/units/${units.town}/people/${people.cadre.personId}/integrity-file`, { token: organisation })).status === 200 ? true : undefined),
    60_000,
    'the inspections service to know the town’s people',
  );
  await eventually(
    async () => ((await api<{ rows: Array<{ unitId: string }> }>(runtime, 'GET', `/api/dashboard/interviews?year=${year}`, { token: organisation })).body.rows?.some((r) => r.unitId === units.town) ? true : undefined),
    60_000,
    'the dashboard to know the town',
  );
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

/**
 * A new browser context signed in on the development page, as a person of the unit or, with no
 * person, as a role of it (CSP bypassed only for axe-core).
 */
const signInAs = (unitName: string, who: Holder | { role: string }) => signInOnDevPage(browser, runtime.url, unitName, 'name' in who ? who.name : who.role, viewport);

/** Picks the town in the view's unit picker, once the picker lists it. */
const pickTown = async (page: Page, label = '单位') => {
  const scope = page.getByLabel(label, { exact: true });
  await scope.locator('option', { hasText: names.town }).first().waitFor({ state: 'attached' });
  await scope.selectOption((await scope.locator('option', { hasText: names.town }).first().getAttribute('value'))!);
};

/** The case opened on the page. */
const casePanel = (page: Page) => page.getByRole('region', { name: /^问责案件：/ });

/**
 * The file on the page, read again until its timeline holds an entry of each category wanted (and
 * `cases` entries of cases): the entries are filed from the topics after the events.
 */
const fileHolds = async (page: Page, wanted: readonly string[], cases: number) => {
  const timeline = page.locator('ol.timeline > li');
  const readAgain = page.getByRole('button', { name: '重新读取档案' });
  await eventually(
    async () => {
      await readAgain.waitFor();
      const categories = await timeline.evaluateAll((items) => items.map((li) => li.getAttribute('data-category')));
      if (wanted.every((c) => categories.includes(c)) && categories.filter((c) => c === 'case').length >= cases) return true;
      await readAgain.click();
      return undefined;
    },
    60_000,
    `the file to hold ${wanted.join(', ')}`,
    1000,
  );
};

describe('accountability in the web app', () => {
  it('takes a case from its opening to a removal and the close, and the integrity file and an opinion follow it', async () => {
    // Prepare: the county's discipline chief, on the town's cases.
    const chief = await signInAs(names.county, people.countyChief);
    await chief.page.goto(`${runtime.url}/oversight/cases`);
    await pickTown(chief.page);
    await chief.page.getByText('本年度暂无问责案件。').waitFor({ timeout: 30_000 });

    // Act 1: open a case on the cadre, from a complaint.
    await chief.page.getByRole('button', { name: '新立问责案件' }).click();
    const form = chief.page.getByRole('form', { name: '问责立案' });
    await form.getByLabel('被问责人').locator('option', { hasText: people.cadre.name }).waitFor({ state: 'attached' });
    await form.getByLabel('被问责人').selectOption({ value: people.cadre.personId });
    await form.getByLabel('来源类型').selectOption({ label: '信访举报' });
    await form.getByLabel('来源记录编号').fill('XF-2026-0815');
    await form.getByLabel('线索内容').fill('群众来信反映该同志违规收受礼金');
    await form.getByLabel('问题事实').fill('违规收受管理服务对象礼金。');
    await form.getByRole('button', { name: '立案' }).click();
    await chief.page.getByText('已立案。').waitFor({ timeout: 30_000 });
    const panel = casePanel(chief.page);
    await panel.getByText('信访举报：群众来信反映该同志违规收受礼金（记录编号 XF-2026-0815）').waitFor();

    // Act 2: impose a removal; the ban it brings shows on the case.
    const measure = panel.getByRole('form', { name: '作出问责处理' });
    await measure.getByLabel('问责方式').selectOption({ label: '免职' });
    await measure.getByLabel('处理依据').fill('依据《中国共产党问责条例》第八条');
    await measure.getByRole('button', { name: '作出处理' }).click();
    await panel.getByText('已作出免职处理，同时产生任职限制。').waitFor({ timeout: 30_000 });
    expect(await panel.locator('[data-field="ban"]').allTextContents()).toEqual([expect.stringMatching(banLine)]);
    expect(await panel.locator('[data-field="case-status"]').first().textContent()).toBe('已作出处理');

    // Act 3: close it as accountable.
    const close = panel.getByRole('form', { name: '办结案件' });
    await close.getByRole('button', { name: '办结（问责）' }).click();
    await panel.getByText('案件已办结：问责。').waitFor({ timeout: 30_000 });
    expect(await panel.locator('[data-field="case-status"]').first().textContent()).toBe('已办结（问责）');
    expect(await panel.getByRole('form', { name: '作出问责处理' }).count()).toBe(0);
    expect({ view: 'case', violations: await seriousViolations(chief.page) }).toEqual({ view: 'case', violations: [] });
    await chief.page.screenshot({ path: path.join(screenshots, 'case.png'), fullPage: true });

    // Assess: the list has the case closed, with its measure.
    await panel.getByRole('button', { name: '关闭案件' }).click();
    const row = chief.page.getByRole('row', { name: new RegExp(people.cadre.name) });
    await row.getByText('已办结（问责）').waitFor();
    await row.getByText('免职', { exact: true }).waitFor();
    expect({ view: 'case list', violations: await seriousViolations(chief.page) }).toEqual({ view: 'case list', violations: [] });

    // Act 4: the cadre's integrity file, from the case; its entries arrive from the topics.
    await row.getByRole('button', { name: `查看问责案件：${people.cadre.name}（${today}立案）` }).click();
    await casePanel(chief.page).getByRole('button', { name: `查看${people.cadre.name}的廉政档案` }).click();
    await chief.page.waitForURL(/\/oversight\/integrity-files\?unit=/);
    await chief.page.getByRole('heading', { name: `${people.cadre.name}的廉政档案` }).waitFor({ timeout: 30_000 });
    await fileHolds(chief.page, ['post', 'case', 'measure', 'ban'], 2);
    const timeline = chief.page.locator('ol.timeline');
    for (const summary of ['任镇党委委员（2025-01-06起）', `立案问责（${today}）`, `受到免职处理（${today}）`, `案件办结：问责（${today}）`]) await timeline.getByText(summary).waitFor();
    await timeline.getByText(new RegExp(`^${today}至${day}不得担任与原任职务相当的领导职务$`)).waitFor();
    // Each entry says where it came from; the newest first.
    await timeline.locator('li[data-category="measure"]').getByText('来源：inspections.events · inspections.MeasureImposed.v1').waitFor();
    await timeline.locator('li[data-category="post"]').getByText('来源：signing.events · signing.PersonAssigned.v1').waitFor();
    const order = await timeline.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-category')));
    expect(order.indexOf('case')).toBeLessThan(order.indexOf('post'));
    // The ban in force comes first, before the timeline.
    expect(await chief.page.getByRole('region', { name: '任职限制与未办结案件' }).locator('[data-field="active-ban"]').allTextContents()).toEqual([expect.stringMatching(new RegExp(`^因免职：${today}至${day}不得担任`))]);

    // Act 5: an opinion on an equivalent post today, the ban shown before it is given.
    await chief.page.getByRole('button', { name: '出具党风廉政意见' }).click();
    const opinion = chief.page.getByRole('form', { name: '出具党风廉政意见' });
    await opinion.getByRole('region', { name: '出具意见前请核对：任职限制与未办结线索' }).getByText(/不得担任与原任职务相当的领导职务/).waitFor();
    await opinion.getByLabel('拟任职务类型').selectOption({ label: '平级' });
    await opinion.getByLabel('拟任职务', { exact: true }).fill('县财政局副局长');
    await opinion.getByLabel('拟任日期').fill(today);
    await opinion.getByRole('button', { name: '出具意见' }).click();

    // Assess: rejected, with the ban's reason.
    const result = chief.page.getByRole('region', { name: '廉政意见：不同意' });
    await result.waitFor({ timeout: 30_000 });
    expect(await result.locator('ol.reasons li').allTextContents()).toEqual([expect.stringMatching(new RegExp(`^受到免职处理，${day}前不得担任与原任职务相当的领导职务$`))]);
    expect({ view: 'integrity file', violations: await seriousViolations(chief.page) }).toEqual({ view: 'integrity file', violations: [] });
    await chief.page.screenshot({ path: path.join(screenshots, 'integrity-file.png'), fullPage: true });
    await chief.context.close();
  });

  it('lets the organisation department read the case and the file, with no step offered, the cases view reached by keyboard', async () => {
    const organisation = await signInAs(names.county, { role: '组织部门' });
    await organisation.page.getByRole('link', { name: '问责案件', exact: true }).focus();
    await organisation.page.keyboard.press('Enter');
    await organisation.page.getByRole('link', { name: '问责案件', exact: true }).and(organisation.page.locator('[aria-current="page"]')).waitFor();
    await organisation.page.locator('.live', { hasText: '实时更新' }).first().waitFor();
    await pickTown(organisation.page);
    const open = organisation.page.getByRole('button', { name: `查看问责案件：${people.cadre.name}（${today}立案）` });
    await open.waitFor({ timeout: 30_000 });
    expect(await organisation.page.getByRole('button', { name: '新立问责案件' }).count()).toBe(0);
    expect({ view: 'case list', violations: await seriousViolations(organisation.page) }).toEqual({ view: 'case list', violations: [] });

    // The case: its record, no form.
    await open.click();
    const panel = casePanel(organisation.page);
    await panel.locator('[data-field="ban"]').first().waitFor({ timeout: 30_000 });
    expect(await panel.locator('[data-field="ban"]').allTextContents()).toEqual([expect.stringMatching(banLine)]);
    expect(await panel.getByRole('form').count()).toBe(0);

    // The file: the ban on top and the timeline, no opinion to give.
    await panel.getByRole('button', { name: `查看${people.cadre.name}的廉政档案` }).click();
    await organisation.page.getByRole('heading', { name: `${people.cadre.name}的廉政档案` }).waitFor({ timeout: 30_000 });
    await fileHolds(organisation.page, ['post', 'case', 'measure', 'ban'], 2);
    expect(await organisation.page.locator('[data-field="active-ban"]').count()).toBe(1);
    expect(await organisation.page.getByRole('button', { name: '出具党风廉政意见' }).count()).toBe(0);
    expect({ view: 'integrity file', violations: await seriousViolations(organisation.page) }).toEqual({ view: 'integrity file', violations: [] });
    await organisation.context.close();
  });

  it('shows the town’s secretary nothing of cases', async () => {
    const secretary = await signInAs(names.town, people.townSecretary);
    await secretary.page.goto(`${runtime.url}/oversight/cases`);
    await secretary.page.getByRole('navigation', { name: '看板内容' }).waitFor();
    expect(await secretary.page.getByRole('link', { name: '问责案件', exact: true }).count()).toBe(0);
    expect(await secretary.page.getByRole('link', { name: '廉政档案', exact: true }).count()).toBe(0);
    expect(await secretary.page.getByRole('heading', { name: '问责案件台账' }).count()).toBe(0);
    await secretary.context.close();
  });
});
