/** Rectification items of the viewer's subtree: the counts, and the items (all, or only the overdue), each with its due date and status. */
import { useState } from 'preact/hooks';
import { useLive } from '../live.js';
import { DataTable } from '../dataTable.js';
import { LiveLine } from '../liveLine.js';
import { StatCards } from '../widgets.js';
import { rectificationSourceNames, rectificationStatusNames, type RectificationStatus } from '../terms.js';

interface Item {
  readonly rectificationId: string;
  readonly unitName: string;
  readonly source: { readonly kind: string };
  readonly action: string;
  readonly dueDate: string;
  readonly status: RectificationStatus;
  readonly overdue: boolean;
}

interface Overview {
  readonly today: string;
  readonly counts: { readonly open: number; readonly evidenceSubmitted: number; readonly closed: number; readonly overdue: number };
  readonly items: readonly Item[];
}

export const RectificationsView = () => {
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const live = useLive<Overview>(`/api/dashboard/rectifications${onlyOverdue ? '?overdue=true' : ''}`);
  const counts = live.data?.counts;
  return (
    <>
      <LiveLine live={live} />
      <StatCards
        stats={[
          { label: '整改中', value: counts?.open },
          { label: '待核验', value: counts?.evidenceSubmitted, tone: 'warn' },
          { label: '已销号', value: counts?.closed, tone: 'ok' },
          { label: '逾期未完成', value: counts?.overdue, tone: 'bad' },
        ]}
      />
      <div class="field inline">
        <input id="only-overdue" type="checkbox" checked={onlyOverdue} onChange={(e) => setOnlyOverdue((e.target as HTMLInputElement).checked)} />
        <label for="only-overdue">只看逾期未完成的整改事项</label>
      </div>
      <DataTable
        title="整改事项"
        caption="整改事项及其期限和状态"
        filter={`本级及下级单位${onlyOverdue ? ' · 逾期未完成' : ''} · 截至${live.data?.today ?? ''}`}
        rows={live.data?.items ?? []}
        rowKey={(i) => i.rectificationId}
        empty={live.loading ? '正在加载…' : '没有符合条件的整改事项。'}
        columns={[
          { header: '单位', value: (i) => i.unitName, rowHeader: true },
          { header: '来源', value: (i) => rectificationSourceNames[i.source.kind] ?? i.source.kind },
          { header: '整改措施', value: (i) => i.action, width: 40 },
          { header: '整改期限', value: (i) => i.dueDate },
          { header: '状态', value: (i) => rectificationStatusNames[i.status] },
          { header: '是否逾期', value: (i) => (i.overdue ? '逾期' : ''), cell: (i) => (i.overdue ? <span class="badge missing">逾期</span> : '') },
        ]}
      />
    </>
  );
};
