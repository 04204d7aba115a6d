/**
 * Phase 6b: a roster of `rosterRows` rows (towns, each with a secretary, a discipline chief and
 * team members) imported through the gateway in one request, checked row by row and written;
 * then the same file again, which must change nothing. Reported, no target.
 */
import { signToken } from '#infra/local/jwt.js';
import type { Bench } from '../context.js';
import { round, timed } from '../stats.js';

export interface RosterBenchResult {
  readonly rows: number;
  readonly importMs: number;
  readonly againMs: number;
}

const header = '单位名称,上级单位,单位类别,姓名,人员编号,职务类型,职务名称,分管领域,任职日期';

export const measureRoster = async (bench: Bench): Promise<RosterBenchResult> => {
  const { api, runtime, settings } = bench;
  const perTown = 20;
  const towns = Math.ceil(settings.rosterRows / perTown);
  const step = bench.progress.step(`roster import: ${towns * perTown} rows (${towns} towns) in one request, then again`);
  const admin = await signToken(runtime.keys, 'admin');
  const county = await api.expect<{ id: string }>('POST', '/api/units', 201, { token: admin, body: { name: '基准测试导入县', category: '县（市、区）委' } });
  const rows: string[] = [];
  for (let t = 1; t <= towns; t++) {
    const town = `基准${t}镇`;
    rows.push(`${town},,乡镇（街道）党委,${town}书记,,书记,党委书记,,2026-01-05`, `${town},,,${town}纪委书记,,纪委书记,纪委书记,,2026-01-05`);
    for (let m = 1; m <= perTown - 2; m++) rows.push(`${town},,,${town}委员${m},,班子成员,党委委员,财政,2026-01-05`);
  }
  const body = { format: 'csv', content: [header, ...rows].join('\n') };
  const first = await timed(() => api.expect<{ units: number; posts: number }>('POST', `/api/units/${county.id}/roster-imports`, 200, { token: admin, body }));
  if (first.value.units !== towns || first.value.posts !== rows.length) throw new Error(`The roster import wrote ${JSON.stringify(first.value)}`);
  const again = await timed(() => api.expect<{ units: number; posts: number }>('POST', `/api/units/${county.id}/roster-imports`, 200, { token: admin, body }));
  if (again.value.units !== 0 || again.value.posts !== 0) throw new Error(`The second import wrote ${JSON.stringify(again.value)}`);
  await bench.pipeline.drain('roster');
  step.done(`${round(first.ms / 1000, 1)} s, again ${round(again.ms / 1000, 1)} s (nothing written)`);
  return { rows: rows.length, importMs: first.ms, againMs: again.ms };
};
