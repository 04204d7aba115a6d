/** Reminders and escalations of the viewer's subtree: totals, and every unit reminded, escalated or with a failed delivery. */
import { useLive } from '../live.js';
import { DataTable } from '../dataTable.js';
import { LiveLine } from '../liveLine.js';
import { StatCards } from '../widgets.js';
import { deadlineKindNames } from '../terms.js';

interface UnitReminders {
  readonly unitId: string;
  readonly unitName: string;
  readonly reminders: { readonly count: number; readonly last: { readonly kind: string; readonly offsetDays: number; readonly runAt: string } | null };
  readonly deliveryFailures: { readonly count: number; readonly last: { readonly channel: string; readonly reason: string } | null };
  readonly escalation: { readonly round: number; readonly kind: string; readonly daysOverdue: number } | null;
}

interface Overview {
  readonly totals: { readonly units: number; readonly reminded: number; readonly reminders: number; readonly failed: number; readonly deliveryFailures: number; readonly escalated: number };
  readonly units: readonly UnitReminders[];
}

const day = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export const RemindersView = () => {
  const live = useLive<Overview>('/api/dashboard/reminders');
  const t = live.data?.totals;
  const rows = (live.data?.units ?? []).filter((u) => u.reminders.count > 0 || u.escalation !== null || u.deliveryFailures.count > 0);
  return (
    <>
      <LiveLine live={live} />
      <StatCards
        stats={[
          { label: '被提醒单位', value: t?.reminded },
          { label: '提醒次数', value: t?.reminders },
          { label: '正在督办的单位', value: t?.escalated, tone: 'bad' },
          { label: '短信邮件发送失败', value: t?.deliveryFailures, tone: 'warn' },
        ]}
      />
      <DataTable
        title="催办与督办"
        caption="各单位收到的截止提醒、逾期督办和发送失败"
        filter="本级及下级单位"
        rows={rows}
        rowKey={(u) => u.unitId}
        empty={live.loading ? '正在加载…' : '暂无提醒和督办。'}
        columns={[
          { header: '单位', value: (u) => u.unitName, rowHeader: true },
          { header: '提醒次数', value: (u) => u.reminders.count },
          {
            header: '最近提醒',
            value: (u) => (u.reminders.last ? `${day(u.reminders.last.runAt)} ${deadlineKindNames[u.reminders.last.kind] ?? u.reminders.last.kind}${u.reminders.last.offsetDays === 0 ? '当日' : `前${u.reminders.last.offsetDays}天`}` : ''),
            width: 30,
          },
          { header: '督办', value: (u) => (u.escalation ? `第${u.escalation.round}轮 · ${deadlineKindNames[u.escalation.kind] ?? u.escalation.kind} · 逾期${u.escalation.daysOverdue}天` : ''), width: 30 },
          { header: '发送失败', value: (u) => (u.deliveryFailures.last ? `${u.deliveryFailures.count}次（${u.deliveryFailures.last.channel === 'sms' ? '短信' : '邮件'}：${u.deliveryFailures.last.reason}）` : '') },
        ]}
      />
    </>
  );
};
