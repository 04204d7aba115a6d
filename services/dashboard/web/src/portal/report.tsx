/**
 * The annual report, item by item: every item of the unit's published lists and of the statement
 * with its own answer field, a completeness indicator that names what is still missing, the summary,
 * attachments, saving a draft (each save a version) and submitting. A returned report shows why,
 * and what changed since the version that was returned.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, request } from '../api.js';
import { useLive } from '../live.js';
import { LiveLine } from '../liveLine.js';
import type { Session } from '../session.js';
import { reportStatusNames, type ReportStatus } from '../terms.js';
import { Attachments, type Attached } from '../uploads.js';
import { openPrintView } from '../printView.js';
import { printPaths } from '../paths.js';

interface ReportItem {
  readonly itemId: string;
  readonly part: 'list' | 'statement';
  readonly heading: string;
  readonly text: string;
  readonly answered: boolean;
}

interface Report {
  readonly summary: string;
  readonly answers: Readonly<Record<string, string>>;
  readonly attachments: ReadonlyArray<{ readonly attachmentId: string; readonly name: string }>;
  readonly draft: number;
  readonly submittedDraft?: number;
  readonly returned?: { readonly by: 'upperCommittee' | 'disciplineCommission'; readonly reason: string; readonly at: string };
  readonly reopened?: { readonly reason: string; readonly deadline: string };
}

interface ReportWithStructure {
  readonly status: ReportStatus | 'notStarted';
  readonly deadline: string;
  readonly locked: boolean;
  readonly items: readonly ReportItem[];
  readonly report: Report | null;
}

interface Comparison {
  readonly changed: number;
  readonly items: ReadonlyArray<{ readonly itemId: string; readonly text: string; readonly before: string; readonly after: string; readonly change: 'added' | 'removed' | 'changed' | 'same' }>;
}

const dateText = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const statusText = (status: ReportWithStructure['status']) => (status === 'notStarted' ? '尚未开始' : reportStatusNames[status]);
const editable = (status: ReportWithStructure['status']) => ['notStarted', 'draft', 'returned', 'reopened'].includes(status);
const changeNames = { added: '新增', removed: '删除', changed: '修改', same: '未变' } as const;

/** What changed between the version returned and the draft now. */
const SinceReturned = ({ path, from, to }: { path: string; from: number; to: number }) => {
  const [comparison, setComparison] = useState<Comparison>();
  useEffect(() => {
    if (from === to) return;
    get<Comparison>(`${path}/versions/compare?from=${from}&to=${to}`)
      .then(setComparison)
      .catch(() => setComparison(undefined));
  }, [path, from, to]);
  if (from === to) return <p class="muted">退回后尚未修改。</p>;
  if (!comparison) return null;
  const changed = comparison.items.filter((i) => i.change !== 'same');
  return (
    <section aria-labelledby="compare-title">
      <h3 id="compare-title">
        与退回版本（第{from}版）相比：修改了 {changed.length} 项
      </h3>
      <ul class="plain">
        {changed.map((i) => (
          <li key={i.itemId}>
            <strong>{changeNames[i.change]}</strong>　{i.text}
            <div class="diff">
              <del aria-label="原内容">{i.before || '（空）'}</del>
              <ins aria-label="新内容">{i.after || '（空）'}</ins>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
};

export const AnnualReport = ({ session, unitId, year }: { session: Session; unitId: string; year: number }) => {
  const path = `/api/units/${encodeURIComponent(unitId)}/annual-reports/${year}`;
  const live = useLive<ReportWithStructure>(path);
  const data = live.data;
  const [summary, setSummary] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [attachments, setAttachments] = useState<Attached[]>([]);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  // What the server has, unless the person is typing.
  useEffect(() => {
    if (!data || dirty) return;
    setSummary(data.report?.summary ?? '');
    setAnswers({ ...(data.report?.answers ?? {}) });
    setAttachments((data.report?.attachments ?? []).map((a) => ({ attachmentId: a.attachmentId, name: a.name })));
  }, [data]);

  if (!data) return <LiveLine live={live} />;
  const items = data.items;
  const filled = (item: ReportItem) => (answers[item.itemId] ?? '').trim().length > 0;
  const missing = items.filter((i) => !filled(i));
  const canEdit = editable(data.status) && !data.locked && session.role !== 'discipline_inspector';
  const fieldError = (itemId: string) => error?.fieldMessage(`answers.${itemId}`) ?? error?.fields.find((f) => f.path.includes(itemId))?.message;

  const save = async (): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const saved = await request<{ draft: number }>('PUT', path, { summary: summary.trim() || `${year}年度履行党风廉政建设主体责任情况报告`, answers, attachmentIds: attachments.map((a) => a.attachmentId) });
      setDirty(false);
      setNotice(`已保存为第 ${saved.draft} 版草稿。`);
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, '保存失败，请重试。'));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const submit = async () => {
    if (dirty && !(await save())) return;
    setBusy(true);
    setError(undefined);
    try {
      await request('POST', `${path}/submit`);
      setNotice('报告已提交。');
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, '提交失败，请重试。'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <LiveLine live={live} />
      <section class="card" aria-labelledby="report-title">
        <h2 id="report-title">{year}年度履行党风廉政建设主体责任情况报告</h2>
        <p>
          状态：<strong data-field="report-status">{statusText(data.status)}</strong>　截止时间：{dateText(data.deadline)}
          {data.locked && '　（已过截止时间，需上级重新开放后才能填报）'}
        </p>
        <div class="actions">
          <button type="button" class="secondary" onClick={() => openPrintView(printPaths.report, { unit: unitId, year: String(year) })}>
            打印报告（A4）
          </button>
        </div>
        {data.report?.returned && data.status === 'returned' && (
          <div class="returned" role="note">
            <p class="warn-text">
              {data.report.returned.by === 'disciplineCommission' ? '纪委' : '上级党委'}于{dateText(data.report.returned.at)}退回，原因：{data.report.returned.reason}
            </p>
            {data.report.submittedDraft !== undefined && <SinceReturned path={path} from={data.report.submittedDraft} to={data.report.draft} />}
          </div>
        )}
        <div class="progress" role="group" aria-labelledby="completeness">
          <p id="completeness">
            完成度：<strong data-field="completeness">{items.length - missing.length}/{items.length}</strong> 项
          </p>
          <progress max={items.length} value={items.length - missing.length} aria-labelledby="completeness" />
          {missing.length > 0 ? (
            <div class="missing" aria-labelledby="missing-title">
              <h3 id="missing-title">尚未填写的内容（{missing.length}项）</h3>
              <ol>
                {missing.map((item) => (
                  <li key={item.itemId}>
                    <a href={`#answer-${item.itemId}`}>{item.heading}</a>
                  </li>
                ))}
              </ol>
            </div>
          ) : (
            <p class="ok-text">报告各项内容已填写完整。</p>
          )}
        </div>
      </section>
      <form
        class="card"
        aria-labelledby="items-title"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id="items-title">逐项填写</h2>
        <div class="field">
          <label for="summary">报告标题</label>
          <input id="summary" type="text" value={summary} disabled={!canEdit} onInput={(e) => (setSummary((e.target as HTMLInputElement).value), setDirty(true))} />
        </div>
        {items.map((item) => {
          const id = `answer-${item.itemId}`;
          const problem = fieldError(item.itemId);
          return (
            <div class="field item" key={item.itemId}>
              <label for={id}>
                {item.heading} <span class={filled(item) ? 'ok-text' : 'error'}>{filled(item) ? '（已填写）' : '（未填写）'}</span>
              </label>
              <small class="muted" id={`${id}-text`}>
                {item.part === 'list' ? '责任清单：' : '报告要点：'}
                {item.text}
              </small>
              <textarea
                id={id}
                rows={3}
                value={answers[item.itemId] ?? ''}
                disabled={!canEdit}
                aria-describedby={`${id}-text${problem ? ` ${id}-error` : ''}`}
                aria-invalid={problem ? true : undefined}
                onInput={(e) => (setAnswers({ ...answers, [item.itemId]: (e.target as HTMLTextAreaElement).value }), setDirty(true))}
              />
              {problem && (
                <p id={`${id}-error`} class="error">
                  {problem}
                </p>
              )}
            </div>
          );
        })}
        {canEdit && <Attachments unitId={unitId} id="report-attachments" label="附件（佐证材料）" value={attachments} onChange={(next) => (setAttachments(next), setDirty(true))} />}
        {error && (
          <div role="alert" class="error">
            <p>{error.message}</p>
            {error.fields.length > 0 && (
              <ul>
                {error.fields.map((f) => (
                  <li key={f.path}>{f.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {notice && <p role="status">{notice}</p>}
        {canEdit && (
          <div class="actions">
            <button type="submit" class="secondary" disabled={busy}>
              保存草稿
            </button>
            {session.role === 'unit_secretary' && (
              <button type="button" class="primary" disabled={busy} onClick={() => void submit()}>
                提交报告
              </button>
            )}
          </div>
        )}
      </form>
    </>
  );
};
