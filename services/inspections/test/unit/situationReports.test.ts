import { RuleError } from '#shared/errors.js';
import { compileReport, findAnomalies, recordRecovery, type AnomalyRules, type Disbursement } from '../../src/domain/situationReports.js';

const rules: AnomalyRules = { standardFen: { 农村低保: 50_000, 危房改造补助: 2_000_000 }, notEntitled: { 农村低保: ['deceased-1'], '*': ['official-1'] }, payeesPerAccount: 2 };

let row = 0;
const paid = (payeeId: string, programme: string, amountFen: number, account: string, period = '2026-03'): Disbursement => ({ row: ++row, unitId: 'town', payeeId, programme, period, amountFen, account });

/**
 * A town's file of ten payments: p1 paid twice in March; p2 paid 600 yuan against a 500 standard;
 * a deceased person paid; an official paid a housing grant; one account taking three people's money.
 */
const file: Disbursement[] = [
  paid('p1', '农村低保', 50_000, '6222000000000001'),
  paid('p1', '农村低保', 50_000, '6222000000000001'),
  paid('p2', '农村低保', 60_000, '6222000000000002'),
  paid('deceased-1', '农村低保', 50_000, '6222000000000003'),
  paid('official-1', '危房改造补助', 1_500_000, '6222000000000004'),
  paid('p5', '农村低保', 50_000, '6222000000000099'),
  paid('p6', '农村低保', 50_000, '6222000000000099'),
  paid('p7', '农村低保', 50_000, '6222000000000099'),
  paid('p1', '农村低保', 50_000, '6222000000000001', '2026-04'),
  paid('p8', '危房改造补助', 2_000_000, '6222000000000008'),
];

describe('integrity situation reports', () => {
  it('flags each anomaly the rules name, with its rows and the money at stake, and nothing in the rest', () => {
    // Act
    const anomalies = findAnomalies(file, rules);

    // Assess
    expect(anomalies.map((a) => [a.kind, a.rows, a.atStakeFen])).toEqual([
      ['duplicate', [1, 2], 50_000],
      ['aboveStandard', [3], 10_000],
      ['notEntitled', [4], 50_000],
      ['notEntitled', [5], 1_500_000],
      ['sharedAccount', [6, 7, 8], 150_000],
    ]);
    expect(anomalies[0]!.detail).toBe('2026-03「农村低保」同一人领取2次');
    expect(anomalies[4]!.detail).toBe('账户尾号0099为3人领取资金');
  });

  it('compiles a report by kind, and refuses one with nothing to report', () => {
    // Act
    const report = compileReport(findAnomalies(file, rules));

    // Assess
    expect(report).toEqual({
      anomalies: 5,
      atStakeFen: 1_760_000,
      byKind: [
        { kind: 'duplicate', name: '重复领取', count: 1, atStakeFen: 50_000 },
        { kind: 'aboveStandard', name: '超标准发放', count: 1, atStakeFen: 10_000 },
        { kind: 'notEntitled', name: '不符合条件领取', count: 2, atStakeFen: 1_550_000 },
        { kind: 'sharedAccount', name: '多人共用账户', count: 1, atStakeFen: 150_000 },
      ],
    });
    expect(() => compileReport(findAnomalies([file[9]!], rules))).toThrow(RuleError);
  });

  it('records money recovered up to what was at stake', () => {
    expect(recordRecovery({ atStakeFen: 60_000, recoveredFen: 0 }, 50_000)).toBe(50_000);
    expect(recordRecovery({ atStakeFen: 60_000, recoveredFen: 50_000 }, 10_000)).toBe(60_000);
    expect(() => recordRecovery({ atStakeFen: 60_000, recoveredFen: 50_000 }, 10_001)).toThrow(RuleError);
    expect(() => recordRecovery({ atStakeFen: 60_000, recoveredFen: 0 }, 0)).toThrow(RuleError);
  });
});
