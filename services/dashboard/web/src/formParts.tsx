/**
 * Pieces the talk, warning and ledger forms share: sending with the form disabled meanwhile and the
 * refusal kept in Chinese, the refusal shown with each field's message, the people in a unit's posts
 * to pick from, the source of a talk or a notice, and the year a view is of.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get } from './api.js';
import type { Post } from './interviews.js';
import { sourceKindNames, sourcesWithRecord, type SourceKind } from './terms.js';

export interface Action {
  readonly busy: boolean;
  readonly error: ApiError | undefined;
  /** What the last action that succeeded did, in words. */
  readonly done: string | undefined;
  /** Runs `send`; its answer (a sentence) is shown as done, a refusal as the error. Answers whether it succeeded. */
  readonly run: (send: () => Promise<string>, failed?: string) => Promise<boolean>;
}

/** One form's sending: busy while it sends, then what was done or why it was refused. */
export const useAction = (): Action => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const run = async (send: () => Promise<string>, failed = '提交失败，请重试。') => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      setDone(await send());
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, failed));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run };
};

/** The refusal and each field's message, or what was done (unless the form's owner says it, `done={false}`). */
export const Outcome = ({ action, done = true }: { action: Action; done?: boolean }) => (
  <>
    {action.error && (
      <div role="alert" class="error">
        <p>{action.error.message}</p>
        {action.error.fields.length > 0 && (
          <ul>
            {action.error.fields.map((f) => (
              <li key={f.path}>{f.message}</li>
            ))}
          </ul>
        )}
      </div>
    )}
    {done && action.done && (
      <p role="status" class="ok-text">
        {action.done}
      </p>
    )}
  </>
);

/** No posts: the same list every time, so that an effect on the posts does not run on every render. */
const noPosts: readonly Post[] = [];

/** The people in the posts of a unit (the signing service's roster), loaded once per unit. */
export const usePosts = (unitId: string | undefined): { readonly posts: readonly Post[]; readonly error: ApiError | undefined } => {
  const [state, setState] = useState<{ unitId?: string; posts: readonly Post[]; error?: ApiError }>({ posts: noPosts });
  useEffect(() => {
    if (unitId === undefined) return;
    const controller = new AbortController();
    get<{ posts: readonly Post[] }>(`/api/units/${encodeURIComponent(unitId)}/posts`, controller.signal)
      .then((answer) => setState({ unitId, posts: answer.posts }))
      .catch((e: unknown) => {
        if ((e as Error).name !== 'AbortError') setState({ unitId, posts: noPosts, error: e instanceof ApiError ? e : new ApiError(0, '人员名单加载失败。') });
      });
    return () => controller.abort();
  }, [unitId]);
  return state.unitId === unitId ? { posts: state.posts, error: state.error } : { posts: noPosts, error: undefined };
};

/** A person as a choice: name and post. */
const postText = (post: Pick<Post, 'name' | 'title'>): string => `${post.name}（${post.title}）`;

/** The same person may hold two posts; each is a choice once. */
const distinctPeople = (posts: readonly Post[]): Post[] => [...new Map(posts.map((p) => [p.personId, p])).values()];

/** One person from a unit's posts. */
export const PersonSelect = ({ id, label, posts, value, onChange, optional = false }: { id: string; label: string; posts: readonly Post[]; value: string; onChange: (personId: string) => void; optional?: boolean }) => (
  <div class="field">
    <label for={id}>{label}</label>
    <select id={id} value={value} required={!optional} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
      <option value="">{optional ? '（不指定）' : '请选择'}</option>
      {distinctPeople(posts).map((p) => (
        <option key={p.personId} value={p.personId}>
          {postText(p)}
        </option>
      ))}
    </select>
  </div>
);

/** Several people from a unit's posts, each a check box. */
export const PeopleChecks = ({ id, legend, posts, value, onChange }: { id: string; legend: string; posts: readonly Post[]; value: readonly string[]; onChange: (personIds: string[]) => void }) => (
  <fieldset>
    <legend>{legend}</legend>
    {posts.length === 0 && <p class="muted">该单位暂无在任人员。</p>}
    {distinctPeople(posts).map((p) => (
      <div class="field inline" key={p.personId}>
        <input
          id={`${id}-${p.personId}`}
          type="checkbox"
          checked={value.includes(p.personId)}
          onChange={(e) => onChange((e.target as HTMLInputElement).checked ? [...value, p.personId] : value.filter((v) => v !== p.personId))}
        />
        <label for={`${id}-${p.personId}`}>{postText(p)}</label>
      </div>
    ))}
  </fieldset>
);

/** The year a view is of: this one and the three before it, and the one asked for. */
export const YearSelect = ({ id, value, onChange, current }: { id: string; value: number; onChange: (year: number) => void; current: number }) => (
  <div class="field inline">
    <label for={id}>年度</label>
    <select id={id} value={String(value)} onChange={(e) => onChange(Number((e.target as HTMLSelectElement).value))}>
      {[...new Set([value, current, current - 1, current - 2, current - 3])]
        .sort((a, b) => b - a)
        .map((y) => (
          <option key={y} value={String(y)}>
            {y}年度
          </option>
        ))}
    </select>
  </div>
);

/** Lines of a text area, each trimmed, the empty ones left out. */
export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Where a talk or a notice comes from, as its form holds it. */
export interface SourceValue {
  readonly kind: SourceKind;
  readonly id: string;
  readonly note: string;
}

/** The source as the API takes it: the record's id and the note only when given. */
export const sourceBody = (source: SourceValue): { kind: SourceKind; id?: string; note?: string } => ({
  kind: source.kind,
  ...(source.id.trim() ? { id: source.id.trim() } : {}),
  ...(source.note.trim() ? { note: source.note.trim() } : {}),
});

/** The source of a talk or a notice: its kind, the record behind it (required for the kinds of other services) and a note. */
export const SourceFields = ({ id, value, onChange }: { id: string; value: SourceValue; onChange: (next: SourceValue) => void }) => {
  const needsRecord = sourcesWithRecord.includes(value.kind);
  return (
    <fieldset>
      <legend>来源</legend>
      <div class="field">
        <label for={`${id}-kind`}>线索来源</label>
        <select id={`${id}-kind`} value={value.kind} onChange={(e) => onChange({ ...value, kind: (e.target as HTMLSelectElement).value as SourceKind })}>
          {(Object.keys(sourceKindNames) as SourceKind[]).map((k) => (
            <option key={k} value={k}>
              {sourceKindNames[k]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-record`}>来源记录编号</label>
        <input id={`${id}-record`} type="text" required={needsRecord} value={value.id} aria-describedby={`${id}-record-hint`} onInput={(e) => onChange({ ...value, id: (e.target as HTMLInputElement).value })} />
        <small id={`${id}-record-hint`} class="muted">
          {needsRecord ? '须填写所依据记录的编号（重点任务亮灯为“任务编号#Q季度”）。' : '可不填。'}
        </small>
      </div>
      <div class="field">
        <label for={`${id}-note`}>来源说明</label>
        <textarea id={`${id}-note`} rows={2} value={value.note} onInput={(e) => onChange({ ...value, note: (e.target as HTMLTextAreaElement).value })} />
      </div>
    </fieldset>
  );
};

/** What was just done, announced to screen readers; nothing when nothing was. */
export const Said = ({ text }: { text: string | undefined }) =>
  text ? (
    <p role="status" class="ok-text">
      {text}
    </p>
  ) : null;

/** The button that shows or hides a form (`controls` is the form's id). */
export const FormToggle = ({ open, show, hide, controls, onToggle }: { open: boolean; show: string; hide: string; controls: string; onToggle: () => void }) => (
  <div class="actions">
    <button type="button" class="secondary" aria-expanded={open} aria-controls={controls} onClick={onToggle}>
      {open ? hide : show}
    </button>
  </div>
);

/** Why a record opened could not be read, and, while it is read, a line that says so. */
export const Opening = ({ opened }: { opened: { readonly error: { readonly message: string } | undefined; readonly loading: boolean } }) => (
  <>
    {opened.error && (
      <p role="alert" class="error">
        {opened.error.message}
      </p>
    )}
    {opened.loading && <p class="muted">正在加载…</p>}
  </>
);
