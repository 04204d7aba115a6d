/**
 * Print views on A4, laid out as official documents are (GB/T 9704 margins, 16pt body in print): a
 * unit's annual report (its items and answers, its attachments, its state) and a quarter's ledger
 * circulation (who filed, who fell short and why). Opened in a tab of their own from the portal;
 * the browser's print dialog opens when the data are in.
 */
import { useEffect } from 'preact/hooks';
import { useLive } from '../live.js';
import { reportStatusNames, type ReportStatus } from '../terms.js';

const params = () => new URLSearchParams(location.search);
const dateText = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

/** What a print view shows until its data are in: why they are not, or that they are coming. */
const Pending = ({ live }: { live: { readonly error: { readonly message: string } | undefined } }) =>
  live.error ? <p role="alert">{live.error.message}</p> : <p aria-busy="true">正在加载…</p>;

/** Opens the print dialog once, when `ready`, unless the address says `noprint`. */
const usePrintWhen = (ready: boolean) => {
  useEffect(() => {
    if (ready && !params().has('noprint')) setTimeout(() => window.print(), 200);
  }, [ready]);
};

interface ReportPrint {
  readonly status: ReportStatus | 'notStarted';
  readonly items: ReadonlyArray<{ readonly itemId: string; readonly heading: string; readonly text: string }>;
  readonly report: { readonly summary: string; readonly answers: Readonly<Record<string, string>>; readonly attachments: ReadonlyArray<{ readonly name: string }>; readonly submittedAt?: string; readonly draft: number } | null;
}

export const PrintReport = () => {
  const unitId = params().get('unit') ?? '';
  const year = Number(params().get('year'));
  const unitName = params().get('name') ?? '';
  const live = useLive<ReportPrint>(unitId && year ? `/api/units/${encodeURIComponent(unitId)}/annual-reports/${year}` : undefined);
  usePrintWhen(live.data !== undefined);
  const data = live.data;
  if (!data) return <Pending live={live} />;
  return (
    <article class="a4">
      <h1>{data.report?.summary || `${unitName}${year}年度履行党风廉政建设主体责任情况报告`}</h1>
      <p class="meta">
        {unitName}　状态：{data.status === 'notStarted' ? '尚未开始' : reportStatusNames[data.status]}
        {data.report?.submittedAt ? `　报送时间：${dateText(data.report.submittedAt)}` : ''}
        {data.report ? `　第${data.report.draft}版` : ''}
      </p>
      {data.items.map((item, i) => (
        <section key={item.itemId}>
          <h2>
            {i + 1}. {item.heading}
          </h2>
          <p class="ask">{item.text}</p>
          <p>{data.report?.answers[item.itemId] || '（未填写）'}</p>
        </section>
      ))}
      {data.report && data.report.attachments.length > 0 && (
        <p class="meta">附件：{data.report.attachments.map((a) => a.name).join('；')}</p>
      )}
    </article>
  );
};

interface Circulation {
  readonly year: number;
  readonly quarter: number;
  readonly filers: number;
  readonly circulatedAt: string;
  readonly shortfalls: ReadonlyArray<{ readonly unitName: string; readonly person: { readonly personId: string; readonly name: string }; readonly missing: readonly string[]; readonly failed: readonly string[] }>;
}

export const PrintCirculation = () => {
  const unitId = params().get('unit') ?? '';
  const year = Number(params().get('year'));
  const quarter = Number(params().get('quarter'));
  const live = useLive<Circulation>(unitId && year && quarter ? `/api/units/${encodeURIComponent(unitId)}/ledger-circulations/${year}/${quarter}` : undefined);
  usePrintWhen(live.data !== undefined);
  const data = live.data;
  if (!data) return <Pending live={live} />;
  return (
    <article class="a4">
      <h1>
        关于{data.year}年第{data.quarter}季度纪实台账填报和核查情况的通报
      </h1>
      <p>
        本季度应填报 {data.filers} 人。缺报或核查未通过的有 {data.shortfalls.length} 人，通报如下：
      </p>
      <table>
        <caption class="visually-hidden">缺报或核查未通过人员</caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">姓名</th>
            <th scope="col">缺报月份</th>
            <th scope="col">核查未通过月份</th>
          </tr>
        </thead>
        <tbody>
          {data.shortfalls.map((s) => (
            <tr key={`${s.unitName}-${s.person.personId}`}>
              <td>{s.unitName}</td>
              <th scope="row">{s.person.name}</th>
              <td>{s.missing.join('、') || '—'}</td>
              <td>{s.failed.join('、') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="signature">{dateText(data.circulatedAt)}</p>
    </article>
  );
};
