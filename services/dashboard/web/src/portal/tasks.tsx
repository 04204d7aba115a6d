/** The unit's key tasks of the year: goal, nodes, progress reported, each quarter's light with its reason; and reporting progress, with evidence. */
import { useState } from 'preact/hooks';
import { ApiError, request } from '../api.js';
import { useLive } from '../live.js';
import { LiveLine } from '../liveLine.js';
import { lightNames, type Light } from '../terms.js';
import { Attachments, type Attached } from '../uploads.js';

interface Task {
  readonly taskId: string;
  readonly title: string;
  readonly responsible: { readonly name: string };
  readonly leadOffice: string;
  readonly goal: string;
  readonly measures: string;
  readonly milestones: ReadonlyArray<{ readonly date: string; readonly text: string }>;
  readonly progress: ReadonlyArray<{ readonly at: string; readonly note: string }>;
  readonly closingRequested: boolean;
  readonly closed: { readonly at: string } | null;
  readonly ratings: ReadonlyArray<{ readonly quarter: number; readonly light: Light; readonly reason: string }>;
}

const day = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

const ProgressForm = ({ unitId, task }: { unitId: string; task: Task }) => {
  const [note, setNote] = useState('');
  const [closing, setClosing] = useState(false);
  const [files, setFiles] = useState<Attached[]>([]);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = `progress-${task.taskId}`;
  const send = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      await request('POST', `/api/units/${encodeURIComponent(unitId)}/key-tasks/${task.taskId}/progress`, { note, attachmentIds: files.map((f) => f.attachmentId), requestsClosing: closing });
      setNote('');
      setFiles([]);
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, '报送失败，请重试。'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={send} class="inline-form">
      <div class="field">
        <label for={id}>本次进展</label>
        <textarea id={id} rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} aria-invalid={error?.fieldMessage('note') ? true : undefined} aria-describedby={error?.fieldMessage('note') ? `${id}-error` : undefined} />
        {error?.fieldMessage('note') && (
          <p id={`${id}-error`} class="error">
            {error.fieldMessage('note')}
          </p>
        )}
      </div>
      <Attachments unitId={unitId} id={`${id}-files`} label="佐证材料" value={files} onChange={setFiles} />
      <div class="field inline">
        <input id={`${id}-closing`} type="checkbox" checked={closing} onChange={(e) => setClosing((e.target as HTMLInputElement).checked)} />
        <label for={`${id}-closing`}>任务已完成，申请销号</label>
      </div>
      {error && !error.fieldMessage('note') && (
        <p role="alert" class="error">
          {error.message}
        </p>
      )}
      {done && <p role="status">进展已报送。</p>}
      <button type="submit" class="primary" disabled={busy}>
        报送进展
      </button>
    </form>
  );
};

export const KeyTasks = ({ unitId, year, canReport }: { unitId: string; year: number; canReport: boolean }) => {
  const live = useLive<{ tasks: readonly Task[] }>(`/api/units/${encodeURIComponent(unitId)}/key-tasks?year=${year}`);
  const tasks = live.data?.tasks ?? [];
  return (
    <>
      <LiveLine live={live} />
      <h2>{year}年度重点任务</h2>
      {tasks.length === 0 && <p class="muted">{live.loading ? '正在加载…' : '本年度暂无重点任务。'}</p>}
      {tasks.map((task) => (
        <article class="card" key={task.taskId} aria-labelledby={`task-${task.taskId}`}>
          <div class="card-head">
            <h3 id={`task-${task.taskId}`}>{task.title}</h3>
            <span class={`badge ${task.closed ? 'accepted' : task.closingRequested ? 'submitted' : 'draft'}`}>{task.closed ? '已销号' : task.closingRequested ? '已申请销号' : '推进中'}</span>
          </div>
          <p>
            责任人：{task.responsible.name}　牵头科室：{task.leadOffice}
          </p>
          <p>目标：{task.goal}</p>
          <p>措施：{task.measures}</p>
          <p>
            季度亮灯：
            {[1, 2, 3, 4].map((q) => {
              const rating = task.ratings.filter((r) => r.quarter === q).at(-1);
              return (
                <span key={q} class="quarter">
                  第{q}季度 {rating ? <span class={`light ${rating.light}`} title={rating.reason}>{lightNames[rating.light]}（{rating.reason}）</span> : <span class="muted">未评</span>}
                </span>
              );
            })}
          </p>
          <details>
            <summary>时间节点和进展（{task.progress.length}次报送）</summary>
            <ul class="plain">
              {task.milestones.map((m) => (
                <li key={m.date}>
                  {m.date} {m.text}
                </li>
              ))}
            </ul>
            <ul class="plain">
              {task.progress.map((p) => (
                <li key={p.at}>
                  {day(p.at)} {p.note}
                </li>
              ))}
            </ul>
          </details>
          {canReport && !task.closed && <ProgressForm unitId={unitId} task={task} />}
        </article>
      ))}
    </>
  );
};
