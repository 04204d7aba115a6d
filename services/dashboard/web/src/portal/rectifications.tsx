/** The unit's rectification items: what is demanded, by when, where it stands; and evidence submitted against an open one. */
import { useState } from 'preact/hooks';
import { ApiError, request } from '../api.js';
import { useLive } from '../live.js';
import { LiveLine } from '../liveLine.js';
import { rectificationSourceNames, rectificationStatusNames, type RectificationStatus } from '../terms.js';
import { Attachments, type Attached } from '../uploads.js';

interface Item {
  readonly rectificationId: string;
  readonly source: { readonly kind: string };
  readonly action: string;
  readonly dueDate: string;
  readonly status: RectificationStatus;
  readonly overdue: boolean;
  readonly evidence: ReadonlyArray<{ readonly attachmentId: string; readonly name: string }>;
  readonly history: ReadonlyArray<{ readonly at: string; readonly status: RectificationStatus; readonly note: string }>;
}

const EvidenceForm = ({ unitId, item }: { unitId: string; item: Item }) => {
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<Attached[]>([]);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = `evidence-${item.rectificationId}`;
  const send = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      await request('POST', `/api/units/${encodeURIComponent(unitId)}/rectifications/${item.rectificationId}/evidence`, { note, attachmentIds: files.map((f) => f.attachmentId) });
      setNote('');
      setFiles([]);
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, '提交失败，请重试。'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={send} class="inline-form">
      <div class="field">
        <label for={id}>整改情况说明</label>
        <textarea id={id} rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
      </div>
      <Attachments unitId={unitId} id={`${id}-files`} label="整改佐证材料" value={files} onChange={setFiles} />
      {error && (
        <div role="alert" class="error">
          <p>{error.message}</p>
          {error.fields.map((f) => (
            <p key={f.path}>{f.message}</p>
          ))}
        </div>
      )}
      {done && <p role="status">佐证已提交，等待纪委核验。</p>}
      <button type="submit" class="primary" disabled={busy}>
        提交佐证
      </button>
    </form>
  );
};

export const Rectifications = ({ unitId, canSubmit }: { unitId: string; canSubmit: boolean }) => {
  const live = useLive<{ rectifications: readonly Item[] }>(`/api/units/${encodeURIComponent(unitId)}/rectifications`);
  const items = live.data?.rectifications ?? [];
  return (
    <>
      <LiveLine live={live} />
      <h2>整改事项</h2>
      {items.length === 0 && <p class="muted">{live.loading ? '正在加载…' : '暂无整改事项。'}</p>}
      {items.map((item) => (
        <article class="card" key={item.rectificationId} aria-labelledby={`rect-${item.rectificationId}`}>
          <div class="card-head">
            <h3 id={`rect-${item.rectificationId}`}>{item.action}</h3>
            <span class={`badge ${item.status === 'closed' ? 'accepted' : item.overdue ? 'missing' : 'draft'}`}>
              {rectificationStatusNames[item.status]}
              {item.overdue ? '（逾期）' : ''}
            </span>
          </div>
          <p>
            来源：{rectificationSourceNames[item.source.kind] ?? item.source.kind}　整改期限：{item.dueDate}　佐证：{item.evidence.length === 0 ? '无' : item.evidence.map((e) => e.name).join('、')}
          </p>
          {item.history.at(-1)?.note && <p class="muted">最近记录：{item.history.at(-1)!.note}</p>}
          {canSubmit && item.status === 'open' && <EvidenceForm unitId={unitId} item={item} />}
        </article>
      ))}
    </>
  );
};
