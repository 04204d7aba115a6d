/**
 * Integrity situation reports (廉情抄告), Baoji's Long county flow, through the service: the
 * commission imports a file of fund disbursements (CSV or Excel) for a unit within its reach, the
 * configured rules flag the anomalies, which compile into a report; the unit's party secretary
 * endorses it with an instruction, which issues it and asks the reports service for the concerned
 * unit's rectification; the commission records the money recovered, up to what was at stake.
 * The rows (people paid, accounts) stay in the report; events carry counts and money only.
 */
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import { againOnConflict, stateOf, type ItemPut } from '#shared/dynamo/store.js';
import { ConflictError, NotFoundError, RuleError } from '#shared/errors.js';
import { readTable } from '#shared/files/tableFile.js';
import { cstDate, toCstIso, type Causation, type CloudEvent } from '#events/envelope.js';
import { actorOf } from '#events/people.js';
import { getKnownUnit, situationKey, situationOwnerKey, store, unitItems } from '../adapters/inspectionRepository.js';
import { compileReport, findAnomalies, recordRecovery, type Anomaly, type AnomalyRules, type Disbursement } from '../domain/situationReports.js';
import type { EndorseBody, ImportSituationBody, RecoveryBody } from '../schemas.js';
import { inspectionsEvent } from './events.js';

interface SituationReport {
  readonly reportId: string;
  /** The issuing unit, whose commission compiled it. */
  readonly unitId: string;
  readonly concernedUnitId: string;
  readonly title: string;
  readonly year: number;
  readonly file: { readonly rows: number; readonly sha256: string };
  readonly anomalies: readonly Anomaly[];
  readonly summary: ReturnType<typeof compileReport>;
  readonly status: 'compiled' | 'issued';
  readonly compiledBy: string;
  readonly compiledAt: string;
  readonly endorsement: { readonly by: string; readonly at: string; readonly instruction: string } | null;
  readonly rectification: { readonly requestId: string; readonly action: string; readonly dueDate: string } | null;
  readonly recoveries: ReadonlyArray<{ readonly amountFen: number; readonly on: string; readonly note: string; readonly by: string }>;
  readonly recoveredFen: number;
  readonly revision: number;
}

const columns = { payeeId: '人员编号', programme: '项目', period: '期间', amount: '金额', account: '账户' } as const;

/** The disbursements of the file's rows: a header naming the columns, then one row a payment (amounts in yuan). */
export const disbursementsOf = (table: readonly string[][], unitId: string): Disbursement[] => {
  const [header, ...rows] = table;
  const at = Object.fromEntries(Object.entries(columns).map(([key, name]) => [key, header?.findIndex((h) => h.trim().startsWith(name)) ?? -1])) as Record<keyof typeof columns, number>;
  const missing = Object.entries(at).filter(([, i]) => i < 0).map(([key]) => columns[key as keyof typeof columns]);
  if (missing.length > 0) throw new RuleError('Columns missing', [{ path: 'content', message: `缺少列：${missing.join('、')}（表头须为：${Object.values(columns).join(',')}）` }]);
  const errors: Array<{ path: string; message: string }> = [];
  const found = rows.map((cells, i) => {
    const line = i + 2;
    const cell = (key: keyof typeof columns) => (cells[at[key]] ?? '').trim();
    const amount = Number(cell('amount'));
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(cell('period'))) errors.push({ path: `content.${line}`, message: `第${line}行：期间须为 YYYY-MM` });
    if (!Number.isFinite(amount) || amount < 0 || !/^\d+(\.\d{1,2})?$/.test(cell('amount'))) errors.push({ path: `content.${line}`, message: `第${line}行：金额须为不超过两位小数的非负数` });
    if (!cell('payeeId') || !cell('programme') || !cell('account')) errors.push({ path: `content.${line}`, message: `第${line}行：人员编号、项目、账户不能为空` });
    return { row: line, unitId, payeeId: cell('payeeId'), programme: cell('programme'), period: cell('period'), amountFen: Math.round(amount * 100), account: cell('account') };
  });
  if (errors.length > 0) throw new RuleError('Rows not readable', errors.slice(0, 50));
  if (found.length === 0) throw new RuleError('No row', [{ path: 'content', message: '文件中没有发放记录' }]);
  return found;
};

const rulesOf = (input: ImportSituationBody['rules']): AnomalyRules => ({
  standardFen: Object.fromEntries(input.standards.map((s) => [s.programme, Math.round(s.standardYuan * 100)])),
  notEntitled: input.notEntitled.reduce<Record<string, string[]>>((all, n) => ({ ...all, [n.programme]: [...(all[n.programme] ?? []), n.payeeId] }), {}),
  payeesPerAccount: input.payeesPerAccount,
});

const changed = 'The report was changed by someone else; reload and try again';

const getReport = async (reportId: string): Promise<SituationReport> => {
  const { pk, sk } = situationOwnerKey(reportId);
  const owner = await store.getItem(pk, sk);
  const key = owner ? situationKey(String(owner.unitId), Number(owner.year), reportId) : undefined;
  const item = key ? await store.getItem(key.pk, key.sk) : undefined;
  if (!item) throw new NotFoundError(`No situation report ${reportId}`);
  return stateOf<SituationReport>(item);
};

const save = (r: SituationReport, before: SituationReport | undefined, events: readonly CloudEvent[], now: Date) =>
  store.writeWithEvents(
    [
      { item: { ...situationKey(r.unitId, r.year, r.reportId), kind: 'situationReport', ...r }, expect: before ? { revision: before.revision } : 'absent', what: 'The situation report' },
      ...(before ? [] : [{ item: { ...situationOwnerKey(r.reportId), kind: 'owner', unitId: r.unitId, year: r.year }, expect: 'absent' as const, what: 'The report’s owner' } satisfies ItemPut]),
    ],
    events,
    now,
    changed,
  );

const viewOf = async (r: SituationReport) => ({ ...r, unitName: (await getKnownUnit(r.unitId))?.name ?? '', concernedUnitName: (await getKnownUnit(r.concernedUnitId))?.name ?? '' });

/** The commission imports a file of disbursements of a unit within its reach; the anomalies compile into a report. */
export const importSituation = async (caller: Caller, unitId: string, input: ImportSituationBody, now: Date) => {
  const concerned = await getKnownUnit(input.concernedUnitId);
  if (!concerned || (concerned.id !== unitId && !concerned.ancestorIds.includes(unitId))) throw new RuleError('Not a unit at or below the issuing unit', [{ path: 'concernedUnitId', message: '涉及单位须为本单位或其下级单位' }]);
  const rows = disbursementsOf(await readTable(input.format, input.content), input.concernedUnitId);
  const anomalies = findAnomalies(rows, rulesOf(input.rules));
  const summary = compileReport(anomalies);
  const report: SituationReport = {
    reportId: uuidv7(),
    unitId,
    concernedUnitId: input.concernedUnitId,
    title: input.title,
    year: Number(cstDate(now).slice(0, 4)),
    file: { rows: rows.length, sha256: createHash('sha256').update(input.content).digest('hex') },
    anomalies,
    summary,
    status: 'compiled',
    compiledBy: caller.subject,
    compiledAt: toCstIso(now),
    endorsement: null,
    rectification: null,
    recoveries: [],
    recoveredFen: 0,
    revision: 1,
  };
  await save(report, undefined, [], now);
  return viewOf(report);
};

export const viewSituation = async (reportId: string) => viewOf(await getReport(reportId));

export const listSituations = async (unitId: string, year: number) => ({
  unitId,
  reports: await Promise.all((await unitItems(unitId, `SITUATION#${year}#`)).map((i) => viewOf(stateOf<SituationReport>(i)))),
});

const change = (reportId: string, apply: (r: SituationReport) => { next: SituationReport; events: (next: SituationReport) => CloudEvent[] }, now: Date) =>
  againOnConflict(async () => {
    const r = await getReport(reportId);
    const { next, events } = apply(r);
    await save(next, r, events(next), now);
    return viewOf(next);
  }, 3);

/** The party secretary endorses the report: it is issued, and the concerned unit's rectification is asked for. */
export const endorse = (caller: Caller, reportId: string, input: EndorseBody, now: Date, cause: Causation) =>
  change(
    reportId,
    (r) => {
      if (r.status !== 'compiled') throw new ConflictError('The report is issued already');
      if (input.rectification.dueDate <= cstDate(now)) throw new RuleError('A rectification is due in the future', [{ path: 'rectification.dueDate', message: '整改期限须晚于今天' }]);
      const rectification = { requestId: uuidv7(), ...input.rectification };
      const next: SituationReport = { ...r, status: 'issued', endorsement: { by: caller.subject, at: toCstIso(now), instruction: input.instruction }, rectification, revision: r.revision + 1 };
      return {
        next,
        events: (n) => [
          inspectionsEvent('inspections.SituationReportIssued.v1', { subject: reportId, unitId: r.unitId, version: n.revision }, { reportId, unitId: r.unitId, concernedUnitId: r.concernedUnitId, anomalies: r.anomalies.length, atStakeFen: r.summary.atStakeFen, actor: actorOf(caller) }, cause, now),
          inspectionsEvent(
            'inspections.RectificationRequested.v1',
            { subject: reportId, unitId: r.concernedUnitId, version: n.revision },
            { requestId: rectification.requestId, unitId: r.concernedUnitId, source: { kind: 'situationReport', id: reportId }, action: rectification.action, dueDate: rectification.dueDate, actor: actorOf(caller) },
            cause,
            now,
          ),
        ],
      };
    },
    now,
  );

/** The commission records money recovered against an issued report. */
export const recover = (caller: Caller, reportId: string, input: RecoveryBody, now: Date, cause: Causation) =>
  change(
    reportId,
    (r) => {
      if (r.status !== 'issued') throw new ConflictError('The report is not issued yet');
      const amountFen = Math.round(input.amountYuan * 100);
      const recoveredFen = recordRecovery({ atStakeFen: r.summary.atStakeFen, recoveredFen: r.recoveredFen }, amountFen);
      const next: SituationReport = { ...r, recoveredFen, recoveries: [...r.recoveries, { amountFen, on: input.recoveredOn, note: input.note, by: caller.subject }], revision: r.revision + 1 };
      return {
        next,
        events: (n) => [
          inspectionsEvent('inspections.MoneyRecovered.v1', { subject: reportId, unitId: r.unitId, version: n.revision }, { reportId, unitId: r.unitId, concernedUnitId: r.concernedUnitId, amountFen, recoveredFen, atStakeFen: r.summary.atStakeFen, actor: actorOf(caller) }, cause, now),
        ],
      };
    },
    now,
  );
