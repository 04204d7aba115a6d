/** The monthly ledger (纪实台账): the month's filings of the unit's people, and the signed-in person's own filing. */
import { useState } from 'preact/hooks';
import { ApiError, request } from '../api.js';
import { useLive } from '../live.js';
import { LiveLine } from '../liveLine.js';
import { DataTable } from '../dataTable.js';
import { openPrintView } from '../printView.js';
import { printPaths } from '../paths.js';

interface Filing {
  readonly ledgerId: string;
  readonly person: { readonly personId: string; readonly name: string };
  readonly entries: readonly string[];
  readonly filedAt: string;
  readonly check: { readonly result: 'passed' | 'failed'; readonly note: string } | null;
}

/** This month in China Standard Time, `YYYY-MM`. */
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

export const Ledger = ({ unitId }: { unitId: string }) => {
  const [month, setMonth] = useState(thisMonth);
  const [quarter, setQuarter] = useState(String(Math.floor((Number(thisMonth().slice(5, 7)) - 1) / 3) + 1));
  const live = useLive<{ filings: readonly Filing[] }>(`/api/units/${encodeURIComponent(unitId)}/ledgers?month=${month}`);
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const file = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setDone(false);
    setBusy(true);
    try {
      await request('POST', `/api/units/${encodeURIComponent(unitId)}/ledgers`, { month, entries: text.split('\n').map((l) => l.trim()).filter(Boolean) });
      setText('');
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, '填报失败，请重试。'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <LiveLine live={live} />
      <h2>月度纪实台账</h2>
      <div class="field inline">
        <label for="ledger-month">月份</label>
        <input id="ledger-month" type="month" value={month} onChange={(e) => setMonth((e.target as HTMLInputElement).value || thisMonth())} />
      </div>
      <form class="card" onSubmit={file}>
        <div class="field">
          <label for="ledger-entries">本人本月履责纪实（每行一条）</label>
          <textarea id="ledger-entries" rows={4} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} aria-invalid={error?.fieldMessage('entries') ? true : undefined} />
        </div>
        {error && (
          <p role="alert" class="error">
            {error.fieldMessage('entries') ?? error.message}
          </p>
        )}
        {done && <p role="status">已填报。</p>}
        <button type="submit" class="primary" disabled={busy}>
          填报
        </button>
      </form>
      <section class="card" aria-labelledby="circulation-title">
        <h3 id="circulation-title">季度通报</h3>
        <div class="field inline">
          <label for="circulation-quarter">季度</label>
          <select id="circulation-quarter" value={quarter} onChange={(e) => setQuarter((e.target as HTMLSelectElement).value)}>
            {['1', '2', '3', '4'].map((q) => (
              <option key={q} value={q}>
                {month.slice(0, 4)}年第{q}季度
              </option>
            ))}
          </select>
          <button type="button" class="secondary" onClick={() => openPrintView(printPaths.circulation, { unit: unitId, year: month.slice(0, 4), quarter })}>
            打印季度通报（A4）
          </button>
        </div>
      </section>
      <DataTable
        title="本月填报"
        caption="本单位人员本月的纪实台账及核查结果"
        filter={month}
        rows={live.data?.filings ?? []}
        rowKey={(f) => f.ledgerId}
        empty={live.loading ? '正在加载…' : '本月尚无填报。'}
        columns={[
          { header: '填报人', value: (f) => f.person.name, rowHeader: true },
          { header: '纪实内容', value: (f) => f.entries.join('；'), width: 50 },
          { header: '填报时间', value: (f) => new Date(f.filedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) },
          { header: '核查', value: (f) => (f.check ? `${f.check.result === 'passed' ? '通过' : '不通过'}${f.check.note ? `：${f.check.note}` : ''}` : '待核查') },
        ]}
      />
    </>
  );
};
