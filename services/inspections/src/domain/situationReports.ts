/**
 * Integrity situation reports (廉情抄告) as rules, Baoji's Long county flow (seed 001): fund
 * disbursements are imported, configured rules flag anomalies (false claims and improper payments of
 * livelihood funds: the same person paid twice, paid above the standard, not entitled, one account
 * taking several people's money), the anomalies are compiled into a report for the secretary to
 * endorse, and the money recovered is recorded against it. Pure functions; amounts in fen.
 */
import { RuleError } from '#shared/errors.js';

/** One disbursement as imported: a row of the file, the person paid, the programme, the period and the account. */
export interface Disbursement {
  readonly row: number;
  readonly unitId: string;
  readonly payeeId: string;
  readonly programme: string;
  /** `YYYY-MM`. */
  readonly period: string;
  readonly amountFen: number;
  readonly account: string;
}

/** The configured rules: each programme's standard per person and period, and who is not entitled. */
export interface AnomalyRules {
  readonly standardFen: Readonly<Record<string, number>>;
  /** People not entitled to a programme (deceased, in public employment …), by programme; `*` for every programme. */
  readonly notEntitled: Readonly<Record<string, readonly string[]>>;
  /** How many different people one account may take payments for before it is flagged. */
  readonly payeesPerAccount: number;
}

export type AnomalyKind = 'duplicate' | 'aboveStandard' | 'notEntitled' | 'sharedAccount';

export const anomalyNames: Readonly<Record<AnomalyKind, string>> = {
  duplicate: '重复领取',
  aboveStandard: '超标准发放',
  notEntitled: '不符合条件领取',
  sharedAccount: '多人共用账户',
};

export interface Anomaly {
  readonly kind: AnomalyKind;
  /** The rows it stands on, in the file's order. */
  readonly rows: readonly number[];
  /** The money at stake: what was paid beyond what was due. */
  readonly atStakeFen: number;
  readonly detail: string;
}

const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** Groups items by a key, keeping the file's order within each group. */
const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};

/**
 * Every anomaly of the disbursements under the rules: a person paid more than once by a programme
 * for a period (the later payments at stake), a payment above the programme's standard (the excess),
 * a payment to someone not entitled (all of it), and an account taking payments for more people
 * than allowed (all of them, for the report; recovery is decided case by case).
 */
export const findAnomalies = (rows: readonly Disbursement[], rules: AnomalyRules): Anomaly[] => {
  const anomalies: Anomaly[] = [];
  for (const [, paid] of groupBy(rows, (r) => `${r.programme}|${r.payeeId}|${r.period}`)) {
    if (paid.length > 1)
      anomalies.push({ kind: 'duplicate', rows: paid.map((r) => r.row), atStakeFen: paid.slice(1).reduce((n, r) => n + r.amountFen, 0), detail: `${paid[0]!.period}「${paid[0]!.programme}」同一人领取${paid.length}次` });
  }
  for (const r of rows) {
    const standard = rules.standardFen[r.programme];
    if (standard !== undefined && r.amountFen > standard)
      anomalies.push({ kind: 'aboveStandard', rows: [r.row], atStakeFen: r.amountFen - standard, detail: `「${r.programme}」发放${yuan(r.amountFen)}元，标准${yuan(standard)}元` });
    if ([...(rules.notEntitled[r.programme] ?? []), ...(rules.notEntitled['*'] ?? [])].includes(r.payeeId))
      anomalies.push({ kind: 'notEntitled', rows: [r.row], atStakeFen: r.amountFen, detail: `「${r.programme}」向不符合条件人员发放${yuan(r.amountFen)}元` });
  }
  for (const [account, paid] of groupBy(rows, (r) => r.account)) {
    const payees = new Set(paid.map((r) => r.payeeId));
    if (payees.size > rules.payeesPerAccount)
      anomalies.push({ kind: 'sharedAccount', rows: paid.map((r) => r.row), atStakeFen: paid.reduce((n, r) => n + r.amountFen, 0), detail: `账户尾号${account.slice(-4)}为${payees.size}人领取资金` });
  }
  return anomalies;
};

/** A report compiled from the anomalies, for the secretary to endorse: counts and money at stake by kind. */
export const compileReport = (anomalies: readonly Anomaly[]) => {
  if (anomalies.length === 0) throw new RuleError('No anomaly to report', [{ path: 'anomalies', message: '未发现异常，无需编发廉情抄告' }]);
  const byKind = (Object.keys(anomalyNames) as AnomalyKind[])
    .map((kind) => ({ kind, name: anomalyNames[kind], count: anomalies.filter((a) => a.kind === kind).length, atStakeFen: anomalies.filter((a) => a.kind === kind).reduce((n, a) => n + a.atStakeFen, 0) }))
    .filter((k) => k.count > 0);
  return { anomalies: anomalies.length, atStakeFen: anomalies.reduce((n, a) => n + a.atStakeFen, 0), byKind };
};

/** Money recovered against a report: never more in all than was at stake. */
export const recordRecovery = (report: { readonly atStakeFen: number; readonly recoveredFen: number }, amountFen: number): number => {
  if (!(Number.isInteger(amountFen) && amountFen > 0)) throw new RuleError('A recovery is a positive amount', [{ path: 'amountFen', message: '追回金额须为正数' }]);
  if (report.recoveredFen + amountFen > report.atStakeFen)
    throw new RuleError('More recovered than was at stake', [{ path: 'amountFen', message: `累计追回不能超过涉及金额${yuan(report.atStakeFen)}元` }]);
  return report.recoveredFen + amountFen;
};
