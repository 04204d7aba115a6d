/**
 * The steps a person takes on a talk where they see it: the host unit's party secretary approves a
 * joint talk, the people talked to state their positions, and the unit's secretary files the
 * rectification plan, item by item. Each needs only the talk's summary, and hands the talk's record
 * as the API answered it, and what was done, to its card: the form goes once its step is taken, the
 * card says what happened.
 */
import { useState } from 'preact/hooks';
import { request } from './api.js';
import type { Talk, TalkSummary } from './interviews.js';
import { Outcome, useAction } from './formParts.js';

const talkPath = (talk: Pick<TalkSummary, 'talkId'>) => `/api/talks/${encodeURIComponent(talk.talkId)}`;

export const ApproveTalk = ({ talk, onDone }: { talk: Pick<TalkSummary, 'talkId'>; onDone: (talk: Talk, said: string) => void }) => {
  const action = useAction();
  const approve = () =>
    action.run(async () => {
      const said = '已批准联合谈话。';
      onDone(await request<Talk>('POST', `${talkPath(talk)}/approve`), said);
      return said;
    }, '批准失败，请重试。');
  return (
    <div class="inline-form">
      <button type="button" class="primary" disabled={action.busy} onClick={() => void approve()}>
        批准联合谈话
      </button>
      <Outcome action={action} done={false} />
    </div>
  );
};

export const PositionForm = ({ talk, onDone }: { talk: Pick<TalkSummary, 'talkId'>; onDone: (talk: Talk, said: string) => void }) => {
  const [text, setText] = useState('');
  const action = useAction();
  const id = `position-${talk.talkId}`;
  const problem = action.error?.fieldMessage('text');
  const send = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const said = '表态已提交。';
      onDone(await request<Talk>('POST', `${talkPath(talk)}/positions`, { text }), said);
      setText('');
      return said;
    });
  };
  return (
    <form class="inline-form" onSubmit={send}>
      <div class="field">
        <label for={id}>我的表态</label>
        <textarea id={id} rows={3} value={text} required onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} aria-invalid={problem ? true : undefined} />
      </div>
      <Outcome action={action} done={false} />
      <button type="submit" class="primary" disabled={action.busy}>
        提交表态
      </button>
    </form>
  );
};

interface PlanRow {
  readonly key: number;
  readonly action: string;
  readonly dueDate: string;
}

/** The most items a plan takes (the API's limit). */
const maxItems = 20;

export const PlanForm = ({ talk, onDone }: { talk: Pick<TalkSummary, 'talkId'>; onDone: (talk: Talk, said: string) => void }) => {
  const [rows, setRows] = useState<PlanRow[]>([{ key: 0, action: '', dueDate: '' }]);
  const [nextKey, setNextKey] = useState(1);
  const action = useAction();
  const id = `plan-${talk.talkId}`;
  const change = (key: number, part: Partial<PlanRow>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...part } : r)));
  const add = () => {
    setRows([...rows, { key: nextKey, action: '', dueDate: '' }]);
    setNextKey(nextKey + 1);
  };
  const send = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const said = '整改方案已报送，各项已转为整改事项，由纪委监督落实。';
      onDone(await request<Talk>('POST', `${talkPath(talk)}/rectification-plan`, { items: rows.map((r) => ({ action: r.action, dueDate: r.dueDate })) }), said);
      setRows([{ key: nextKey, action: '', dueDate: '' }]);
      setNextKey(nextKey + 1);
      return said;
    });
  };
  return (
    <form class="inline-form" onSubmit={send} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>报送整改方案</h4>
      {rows.map((r, i) => {
        const actionProblem = action.error?.fieldMessage(`items.${i}.action`);
        const dateProblem = action.error?.fieldMessage(`items.${i}.dueDate`);
        return (
          <fieldset key={r.key} class="plan-row">
            <legend>第{i + 1}项</legend>
            <div class="field">
              <label for={`${id}-action-${r.key}`}>整改措施{i + 1}</label>
              <input id={`${id}-action-${r.key}`} type="text" required value={r.action} onInput={(e) => change(r.key, { action: (e.target as HTMLInputElement).value })} aria-invalid={actionProblem ? true : undefined} />
              {actionProblem && <p class="error">{actionProblem}</p>}
            </div>
            <div class="field">
              <label for={`${id}-due-${r.key}`}>完成时限{i + 1}</label>
              <input id={`${id}-due-${r.key}`} type="date" required value={r.dueDate} onInput={(e) => change(r.key, { dueDate: (e.target as HTMLInputElement).value })} aria-invalid={dateProblem ? true : undefined} />
              {dateProblem && <p class="error">{dateProblem}</p>}
            </div>
            <button type="button" class="secondary" disabled={rows.length === 1} onClick={() => setRows(rows.filter((x) => x.key !== r.key))}>
              删除第{i + 1}项
            </button>
          </fieldset>
        );
      })}
      <div class="actions">
        <button type="button" class="secondary" disabled={rows.length >= maxItems} onClick={add}>
          增加一项
        </button>
      </div>
      <Outcome action={action} done={false} />
      <button type="submit" class="primary" disabled={action.busy}>
        报送整改方案
      </button>
    </form>
  );
};
