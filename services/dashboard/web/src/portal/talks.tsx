/**
 * The talks naming the person signed in (convenor or talked to), newest first: each from the list's
 * summary with its workflow step by step, who must act next, and the step the person can take here
 * — approve a joint talk, state a position, file the rectification plan. Its record is read only
 * when the person opens it (the service records each read), and again if the talk changes meanwhile.
 */
import { useState } from 'preact/hooks';
import { useLive, useNewest, useRecord } from '../live.js';
import { Opening, Said } from '../formParts.js';
import { LiveLine } from '../liveLine.js';
import type { Session } from '../session.js';
import type { Talk, TalkSummary } from '../interviews.js';
import { isMyTurn, mayApprove, mayFilePlan, positionDue, talkSummary } from '../talkRules.js';
import { NextLine, TalkBadge, TalkRecord, talkTitle, WorkflowSteps } from '../talkParts.js';
import { ApproveTalk, PlanForm, PositionForm } from '../talkActions.js';
import { sourceKindNames } from '../terms.js';

const TalkCard = ({ talk, session, onDone }: { talk: TalkSummary; session: Session; onDone: (talk: TalkSummary) => void }) => {
  const [said, setSaid] = useState<string>();
  const [reading, setReading] = useState(false);
  const opened = useRecord<Talk>(`/api/talks/${encodeURIComponent(talk.talkId)}`, talk.revision, reading);
  // An action answers the talk's record: the list takes its summary, an open record shows it with no read.
  const done = (next: Talk, text: string) => {
    opened.set(next);
    onDone(talkSummary(next));
    setSaid(text);
  };
  const headingId = `talk-${talk.talkId}`;
  const plan = mayFilePlan(talk, session);
  const waitingForPositions = talk.status === 'held' && session.role === 'unit_secretary' && session.unitId === talk.unitId && !plan;
  return (
    <article class="card" aria-labelledby={headingId}>
      <div class="card-head">
        <h3 id={headingId}>{talkTitle(talk)}</h3>
        <TalkBadge talk={talk} />
      </div>
      <p>
        被谈话单位：{talk.unitName}　{talk.heldOn ? `谈话日期：${talk.heldOn}` : `计划日期：${talk.scheduledOn ?? '未定'}`}　来源：{sourceKindNames[talk.source.kind]}
        {talk.source.summary ? `（${talk.source.summary}）` : ''}
      </p>
      {talk.trigger && <p>联合谈话情形：{talk.trigger.text}</p>}
      <WorkflowSteps talk={talk} />
      <NextLine talk={talk} viewer={session} />
      <details onToggle={(e) => setReading((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>谈话记录</summary>
        {opened.loading && <p class="muted">正在加载谈话记录…</p>}
        <Opening opened={opened} />
        {reading && opened.record && <TalkRecord talk={opened.record} />}
      </details>
      {mayApprove(talk, session) && <ApproveTalk talk={talk} onDone={done} />}
      {positionDue(talk, session) && <PositionForm talk={talk} onDone={done} />}
      {plan && <PlanForm talk={talk} onDone={done} />}
      {waitingForPositions && <p class="muted">全部表态后，由本单位书记报送整改方案。</p>}
      <Said text={said} />
    </article>
  );
};

export const MyTalks = ({ session }: { session: Session }) => {
  const live = useLive<{ talks: readonly TalkSummary[] }>('/api/my/talks');
  const { records: talks, update } = useNewest(live.data?.talks ?? [], (t) => t.talkId);
  const mine = talks.filter((t) => isMyTurn(t, session)).length;
  return (
    <>
      <LiveLine live={live} />
      <h2>我参与的谈话</h2>
      {talks.length === 0 ? <p class="muted">{live.loading ? '正在加载…' : '暂无与您有关的谈话。'}</p> : <p>共 {talks.length} 次谈话，待我办理 {mine} 项。</p>}
      {talks.map((t) => (
        <TalkCard key={t.talkId} talk={t} session={session} onDone={update} />
      ))}
    </>
  );
};
