/** Signing coverage by level of the viewer's subtree: letters in force, signed by both parties, pending, and who is awaited. */
import { useLive } from '../live.js';
import { DataTable } from '../dataTable.js';
import { LiveLine } from '../liveLine.js';

interface Level {
  readonly level: number;
  readonly units: number;
  readonly total: number;
  readonly done: number;
  readonly pending: number;
  readonly percentDone: number | null;
  readonly waitingOn: ReadonlyArray<{ readonly unitName: string; readonly name: string; readonly party: 'issuer' | 'recipient' }>;
}

const levelName = (level: number) => (level === 0 ? '本级' : `下${['一', '二', '三', '四', '五', '六'][level - 1] ?? level}级`);

export const SigningView = ({ year }: { year: number }) => {
  const live = useLive<{ year: number; levels: readonly Level[] }>(`/api/dashboard/signing?year=${year}`);
  const levels = live.data?.levels ?? [];
  const waiting = levels.flatMap((l) => l.waitingOn.map((w, i) => ({ ...w, level: l.level, key: `${l.level}-${i}` })));
  const filter = `${year}年度 · 本级及下级单位`;
  return (
    <>
      <LiveLine live={live} />
      <DataTable
        title="各层级责任书签订情况"
        caption="按层级统计的责任书签订数量"
        filter={filter}
        rows={levels}
        rowKey={(l) => String(l.level)}
        empty={live.loading ? '正在加载…' : '本年度尚未下发责任书。'}
        columns={[
          { header: '层级', value: (l) => levelName(l.level), rowHeader: true },
          { header: '单位数', value: (l) => l.units },
          { header: '责任书', value: (l) => l.total },
          { header: '双方已签', value: (l) => l.done },
          { header: '待签', value: (l) => l.pending },
          { header: '签订率', value: (l) => (l.percentDone === null ? '—' : `${Math.round(l.percentDone)}%`) },
        ]}
      />
      <DataTable
        title="待签人员"
        caption="尚未签字的责任书当事人"
        filter={filter}
        rows={waiting}
        rowKey={(w) => w.key}
        empty="没有待签的责任书。"
        columns={[
          { header: '层级', value: (w) => levelName(w.level) },
          { header: '单位', value: (w) => w.unitName, rowHeader: true },
          { header: '待签人', value: (w) => w.name },
          { header: '身份', value: (w) => (w.party === 'issuer' ? '发出方' : '接收方') },
        ]}
      />
    </>
  );
};
