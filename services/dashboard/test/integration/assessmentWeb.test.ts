/**
 * The year-end assessment in real Chromium, each person signed in on the development page: the
 * city's discipline chief starts Haining's assessment of its two counties, whose facts (a report on
 * time and accepted and a letter completed for county A; a late report and a letter not completed for
 * county B) reach the inspections service as events on their topics; the chief enters the on-site
 * points with the team's note, vetoes county A, and the ranking shows A last, 不合格, 一票否决 and
 * 末位约谈, each point of A's sheet with the events or the entry it came from; the ranking exports to
 * Excel; the chief publishes and issues county B its feedback sheet with two demands, which county
 * B's secretary reads in the portal, each demand followed as a rectification item. The city's
 * organisation department reads the sheet and is offered no form. axe-core checks the assessment
 * list, the sheet and the portal's feedback page; the assessment view is reached by keyboard.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import type { Runtime } from '#infra/local/runtime.js';
import { repoRoot } from '#infra/local/paths.js';
import { buildWebApp } from '#infra/local/webBuild.js';
import { httpClient } from '#infra/local/support/httpClient.js';
import { signingFlow, type Holder } from '#infra/local/support/signingFlow.js';
import { api, eventually, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { launchChromium, seriousViolations, signInOnDevPage } from '#infra/local/support/browser.js';
import { withFreshIds, type FixtureName } from '#events/fixtures/index.js';
import { cloudEventContentType } from '#events/envelope.js';
import { eventSchemas } from '#events/index.js';
import { topics, type TopicName } from '#events/topics.js';
import { kafkaProducer, type ProducerPort } from '#shared/kafka/producer.js';

let runtime: Runtime;
let browser: Browser;
let producer: ProducerPort;
const suffix = Date.now().toString(36);
const names = { city: `考核市-${suffix}`, a: `甲县-${suffix}`, b: `乙县-${suffix}` };
const units = { city: '', a: '', b: '' };
const people = {} as Record<'cityChief' | 'aSecretary' | 'bSecretary', Holder>;
const viewport = { width: 1366, height: 768 };
const screenshots = path.join(repoRoot, 'docs/screenshots');
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
/** The day `days` after today, in China Standard Time. */
const cstDay = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const title = `${year}年度县（市、区）委考核`;
const demands = [
  { action: '健全党委主体责任清单，逐级签订责任书', dueDate: cstDay(30) },
  { action: '建立年度报告按时报送提醒机制', dueDate: cstDay(60) },
];
/** The id of county A's submitted report's event, which its timeliness point must name. */
let aSubmitted = '';

const topicOf = (name: FixtureName): TopicName => topics[name.split('.')[0] as keyof typeof topics];

/** Puts a fixture event for the unit on its topic, keyed by the unit as the relays key them; answers its id. */
const publish = async (name: FixtureName, unitId: string, data: Record<string, unknown>, time = `${year}-06-01T10:00:00.000+08:00`) => {
  const event = eventSchemas[name].parse({ ...withFreshIds(name, unitId, data), time }) as { id: string; unitid: string };
  await producer.send(topicOf(name), [{ key: event.unitid, value: JSON.stringify(event), headers: { 'content-type': cloudEventContentType } }]);
  return event.id;
};

/** A record id of this run: the same `n` gives the same id. */
const run = String(Date.now() % 1e8).padStart(8, '0');
const id = (n: number) => `0196a0f2-0000-7000-9000-${run}${String(n).padStart(4, '0')}`;

beforeAll(async () => {
  await buildWebApp();
  runtime = await startTestRuntime();
  browser = await launchChromium();
  producer = kafkaProducer('dashboard-assessment-web-test');
  units.city = await registerUnit(runtime, names.city, undefined, '市委');
  units.a = await registerUnit(runtime, names.a, units.city);
  units.b = await registerUnit(runtime, names.b, units.city);
  const client = httpClient(runtime.url);
  const flow = signingFlow(client, runtime.keys);
  people.cityChief = await flow.assign(units.city, `市纪委书记${suffix}`, 'disciplineChief', '市纪委书记', [], '2025-01-06');
  people.aSecretary = await flow.assign(units.a, `甲县委书记${suffix}`, 'secretary', '县委书记', [], '2025-01-06');
  people.bSecretary = await flow.assign(units.b, `乙县委书记${suffix}`, 'secretary', '县委书记', [], '2025-01-06');
  client.close();

  // County A: its report on time and accepted, its one letter completed. County B: its report late
  // and not accepted, its letter not completed.
  aSubmitted = await publish('reports.AnnualReportSubmitted.v1', units.a, { year, late: false, submittedAt: `${year + 1}-01-20T10:00:00.000+08:00`, deadline: `${year + 1}-01-31T23:59:59.000+08:00` });
  await publish('reports.AnnualReportAccepted.v1', units.a, { year });
  await publish('signing.LetterIssued.v1', units.a, { letterId: id(1), year });
  await publish('signing.LetterCompleted.v1', units.a, { letterId: id(1), year });
  await publish('reports.AnnualReportSubmitted.v1', units.b, { year, late: true, submittedAt: `${year + 1}-02-03T10:00:00.000+08:00`, deadline: `${year + 1}-01-31T23:59:59.000+08:00` });
  await publish('signing.LetterIssued.v1', units.b, { letterId: id(2), year });

  // The inspections service knows both counties (within the city's reach), so that the assessment takes both.
  const commission = await tokenFor(runtime, 'discipline_inspector', units.city, people.cityChief.personId);
  for (const unitId of [units.a, units.b]) {
    await eventually(
      async () => ((await api(runtime, 'GET', `/api/units/${unitId}/feedback-sheets?year=${year}`, { token: commission })).status === 200 ? true : undefined),
      60_000,
      'the inspections service to know the county',
    );
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await producer?.disconnect();
  await runtime?.stop();
});

/**
 * A new browser context signed in on the development page, as a person of the unit or, with no
 * person, as a role of it (CSP bypassed only for axe-core).
 */
const signInAs = (unitName: string, who: Holder | { role: string }) => signInOnDevPage(browser, runtime.url, unitName, 'name' in who ? who.name : who.role, viewport);

/** The assessment opened on the page. */
const assessmentPanel = (page: Page) => page.getByRole('region', { name: /^年度考核：/ });

/** The ranking table of the assessment opened. */
const ranking = (page: Page) => page.getByRole('region', { name: /^考核排名/ });

/** The ranking's rows as their cells read. */
const rankingRows = (page: Page) => ranking(page).locator('tbody tr').evaluateAll((rows) => rows.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim() ?? '')));

/** A county's sheet, opened from the ranking. */
const openSheet = async (page: Page, unitName: string) => {
  const sheet = page.getByRole('region', { name: `${unitName}评分明细` });
  if ((await sheet.count()) === 0) await ranking(page).getByRole('button', { name: `查看评分明细：${unitName}` }).click();
  await sheet.waitFor();
  return sheet;
};

describe('the year-end assessment in the web app', () => {
  it('starts the assessment, takes the on-site points and a veto into the ranking, exports it, publishes it and issues a feedback sheet', async () => {
    // Prepare: the city's discipline chief, on the city's assessments.
    const chief = await signInAs(names.city, people.cityChief);
    await chief.page.goto(`${runtime.url}/oversight/assessments`);
    await chief.page.getByText('本年度暂无考核。').waitFor({ timeout: 30_000 });

    // Act 1: start Haining's assessment of the counties.
    await chief.page.getByRole('button', { name: '启动年度考核' }).click();
    const start = chief.page.getByRole('form', { name: '启动年度考核' });
    await start.getByLabel('考核方案').selectOption({ label: '海宁（主体责任60%）' });
    // A category with no unit below the city is refused, in Chinese, next to the field.
    await start.getByLabel('参评单位类别').fill('市直部门党组');
    await start.getByRole('button', { name: '启动考核' }).click();
    await start.getByRole('alert').getByText('本单位下级没有该类别的单位').waitFor({ timeout: 30_000 });
    expect(await start.getByLabel('参评单位类别').getAttribute('aria-invalid')).toBe('true');
    await start.getByLabel('参评单位类别').fill('县（市、区）委');
    await start.getByRole('button', { name: '启动考核' }).click();
    await chief.page.getByText('年度考核已启动，2个单位参评。').waitFor({ timeout: 30_000 });
    const panel = assessmentPanel(chief.page);
    await panel.getByRole('heading', { name: `年度考核：${title}` }).waitFor();
    expect(await panel.locator('dl.record > div', { has: chief.page.locator('[data-field="main-share"]') }).textContent()).toBe('主体责任占比60%');
    await ranking(chief.page).getByRole('heading', { name: '考核排名（2）' }).waitFor();
    expect({ view: 'assessment sheet', violations: await seriousViolations(chief.page) }).toEqual({ view: 'assessment sheet', violations: [] });

    // Act 2: the team's on-site points of each county, with its note.
    for (const [unitName, points] of [[names.a, '18'], [names.b, '15']] as const) {
      const sheet = await openSheet(chief.page, unitName);
      const entry = sheet.getByRole('form', { name: '录入实地检查得分' });
      await entry.getByLabel('得分（满分20分）').fill(points);
      await entry.getByLabel('检查组说明').fill('实地查看台账资料，听取汇报，个别谈话');
      await entry.getByRole('button', { name: '保存得分' }).click();
      await sheet.getByText(`${unitName}「实地检查」得分已录入：${points}分。`).waitFor({ timeout: 30_000 });
      await sheet.getByRole('button', { name: '收起评分明细' }).click();
    }

    // Act 3: veto county A.
    const aSheet = await openSheet(chief.page, names.a);
    const veto = aSheet.getByRole('form', { name: '党风廉政建设一票否决' });
    await veto.getByLabel('否决理由').fill('本单位发生违反中央八项规定精神问题，党风廉政建设一票否决');
    await veto.getByRole('button', { name: '一票否决' }).click();
    await aSheet.getByText(`已对${names.a}实行一票否决：排名末位，等次为不合格。`).waitFor({ timeout: 30_000 });
    expect(await aSheet.getByRole('form', { name: '党风廉政建设一票否决' }).count()).toBe(0);

    // Assess: the ranking, once the counties' facts are in (A: 10 + 10 + 15 + 15 + 10 + 5 + 5 + 10 + 18;
    // B: 5 + 5 + 15 + 15 + 0 + 5 + 5 + 10 + 15): B first; A, vetoed, last, failed and named for the talk.
    const expected = [
      ['1', names.b, '75', '合格', '—', '—'],
      ['2', names.a, '98', '不合格', '一票否决', '末位约谈'],
    ];
    await eventually(
      async () => {
        if (JSON.stringify(await rankingRows(chief.page)) === JSON.stringify(expected)) return true;
        await panel.getByRole('button', { name: '按最新数据重新计算' }).click();
        return undefined;
      },
      60_000,
      'the ranking with every county’s facts',
      1000,
    );
    // A's sheet: each indicator's points out of what it has, the team's note, and what it came from.
    const row = (indicatorId: string) => aSheet.locator(`tr[data-indicator="${indicatorId}"]`);
    expect(await row('onSite').locator('[data-field="points"]').textContent()).toBe('18 / 20');
    expect(await row('onSite').locator('[data-field="basis"]').textContent()).toBe('检查组录入');
    await row('onSite').getByText('实地查看台账资料，听取汇报，个别谈话').waitFor();
    expect(await row('reportTimeliness').locator('[data-field="points"]').textContent()).toBe('10 / 10');
    expect(await row('reportTimeliness').locator('[data-field="basis"]').textContent()).toBe('1个事件');
    expect(await row('signingCoverage').locator('[data-field="points"]').textContent()).toBe('10 / 10');
    expect(await row('signingCoverage').locator('[data-field="basis"]').textContent()).toBe('2个事件');
    await row('reportTimeliness').getByText('依据记录编号').click();
    await row('reportTimeliness').getByText(`事件 ${aSubmitted}`).waitFor();
    expect(await aSheet.locator('[data-field="parts"]').textContent()).toBe('党风廉政建设责任制：98 / 100分');
    await aSheet.getByRole('note', { name: '一票否决' }).getByText('本单位发生违反中央八项规定精神问题，党风廉政建设一票否决').waitFor();
    expect({ view: 'assessment sheet', violations: await seriousViolations(chief.page) }).toEqual({ view: 'assessment sheet', violations: [] });
    await chief.page.screenshot({ path: path.join(screenshots, 'assessment.png'), fullPage: true });

    // Act 4: export the ranking.
    const [download] = await Promise.all([chief.page.waitForEvent('download'), ranking(chief.page).getByRole('button', { name: '导出考核排名' }).click()]);
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'cg-export-')), download.suggestedFilename());
    await download.saveAs(file);

    // Assess: a workbook read back by exceljs, with the title, the filter and the ranking's rows.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(download.suggestedFilename()).toMatch(/^考核排名-.*\.xlsx$/);
    expect(rows[0]).toEqual(['考核排名']);
    expect(rows[1]).toEqual([`筛选条件：${title} · 海宁（主体责任60%） · 考核中`]);
    expect(rows[3]).toEqual(['排名', '单位', '总分', '等次', '一票否决', '末位约谈']);
    expect(rows.slice(4)).toEqual([
      [1, names.b, 75, '合格', '否', '否'],
      [2, names.a, 98, '不合格', '是', '是'],
    ]);

    // Act 5: publish, once confirmed.
    await panel.getByRole('button', { name: '发布考核结果' }).click();
    await panel.getByRole('button', { name: '确认发布' }).click();
    await panel.getByText('考核结果已发布，排名已通报。').waitFor({ timeout: 30_000 });
    expect(await panel.locator('[data-field="assessment-status"]').textContent()).toBe('已发布');
    expect(await panel.locator('[data-field="published"]').textContent()).toMatch(/^已发布（\d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}:\d{2}）$/);
    expect(await panel.getByRole('form', { name: '录入实地检查得分' }).count()).toBe(0);
    expect(await panel.getByRole('form', { name: '党风廉政建设一票否决' }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: '发布考核结果' }).count()).toBe(0);

    // Act 6: county B's feedback sheet, with two demands.
    await aSheet.getByRole('button', { name: '收起评分明细' }).click();
    const bSheet = await openSheet(chief.page, names.b);
    const feedback = bSheet.getByRole('form', { name: '下发考核反馈单' });
    await feedback.getByLabel('总体评价').fill('主体责任落实总体较好，但年度报告报送不及时，责任书签订未全覆盖。');
    await feedback.getByRole('button', { name: '增加一项整改要求' }).click();
    for (const [i, demand] of demands.entries()) {
      const group = feedback.getByRole('group', { name: `整改要求${i + 1}` });
      await group.getByLabel('整改措施').fill(demand.action);
      await group.getByLabel('整改期限').fill(demand.dueDate);
    }
    await feedback.getByRole('button', { name: '下发反馈单' }).click();

    // Assess: issued, B marked as having one; A, without, still offered the form.
    await bSheet.getByText(`${names.b}的考核反馈单已下发，2项整改要求已转为该单位的整改事项。`).waitFor({ timeout: 30_000 });
    await bSheet.locator('[data-field="feedback"]').waitFor();
    expect(await bSheet.getByRole('form').count()).toBe(0);
    expect((await rankingRows(chief.page)).map((r) => [r[1], r.at(-1)])).toEqual([
      [names.b, '已下发'],
      [names.a, '未下发'],
    ]);
    await chief.context.close();
  });

  it('lets the organisation department read the sheet with no form, the view reached by keyboard', async () => {
    const organisation = await signInAs(names.city, { role: '组织部门' });
    await organisation.page.getByRole('link', { name: '年度考核', exact: true }).focus();
    await organisation.page.keyboard.press('Enter');
    await organisation.page.getByRole('link', { name: '年度考核', exact: true }).and(organisation.page.locator('[aria-current="page"]')).waitFor();
    await organisation.page.locator('.live', { hasText: '实时更新' }).first().waitFor();
    const open = organisation.page.getByRole('button', { name: `查看年度考核：${title}（海宁（主体责任60%））` });
    await open.waitFor({ timeout: 30_000 });
    expect(await organisation.page.getByRole('button', { name: '启动年度考核' }).count()).toBe(0);
    expect({ view: 'assessment list', violations: await seriousViolations(organisation.page) }).toEqual({ view: 'assessment list', violations: [] });

    // The sheet: the ranking as published, each county's sheet, no form anywhere.
    await open.click();
    const panel = assessmentPanel(organisation.page);
    await ranking(organisation.page).getByRole('heading', { name: '考核排名（2）' }).waitFor({ timeout: 30_000 });
    expect(await panel.locator('[data-field="assessment-status"]').textContent()).toBe('已发布');
    expect((await rankingRows(organisation.page)).map((r) => r.slice(0, 6))).toEqual([
      ['1', names.b, '75', '合格', '—', '—'],
      ['2', names.a, '98', '不合格', '一票否决', '末位约谈'],
    ]);
    const bSheet = await openSheet(organisation.page, names.b);
    await bSheet.locator('[data-field="feedback"]').waitFor();
    const aSheet = await openSheet(organisation.page, names.a);
    await aSheet.getByText('尚未下发考核反馈单。').waitFor();
    expect(await organisation.page.getByRole('form').count()).toBe(0);
    expect(await organisation.page.getByRole('button', { name: '发布考核结果' }).count()).toBe(0);
    expect({ view: 'assessment sheet', violations: await seriousViolations(organisation.page) }).toEqual({ view: 'assessment sheet', violations: [] });
    await organisation.context.close();
  });

  it('shows county B’s secretary the feedback sheet in the portal, each demand followed as a rectification item', async () => {
    const secretary = await signInAs(names.b, people.bSecretary);
    await secretary.page.getByRole('link', { name: '考核反馈单', exact: true }).focus();
    await secretary.page.keyboard.press('Enter');
    const sheet = secretary.page.getByRole('article', { name: `${year}年度考核反馈单` });
    await sheet.waitFor({ timeout: 30_000 });
    expect(await sheet.locator('[data-field="result"]').textContent()).toBe('考核结果：第1名 · 总分75分合格');
    await sheet.getByText('主体责任落实总体较好，但年度报告报送不及时，责任书签订未全覆盖。').waitFor();
    const items = sheet.locator('[data-field="demand"]');
    // Each demand is opened as a rectification item of the county by the reports service.
    await eventually(async () => ((await items.getByText('整改中', { exact: true }).count()) === 2 ? true : undefined), 60_000, 'the demands’ rectification items', 1000);
    expect(await items.allTextContents()).toEqual(demands.map((d) => `${d.action}　整改期限：${d.dueDate}整改中`));
    await sheet.getByRole('link', { name: '整改事项' }).waitFor();
    expect({ view: 'feedback sheets', violations: await seriousViolations(secretary.page) }).toEqual({ view: 'feedback sheets', violations: [] });
    await secretary.page.screenshot({ path: path.join(screenshots, 'feedback-sheet.png'), fullPage: true });
    await secretary.context.close();
  });
});
