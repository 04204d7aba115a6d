/**
 * The talks of a unit of the viewer's tree in a year: the talks the service suggested from red
 * lights first, each with why; then the talk calendar by month; any talk's record opened on click
 * (a read the service records); and, for the roles in charge, proposing a talk, approving a joint
 * talk and recording a talk held.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { FormToggle, Opening, Said } from '../formParts.js';
import { useLive, useNewest, useRecord } from '../live.js';
import { LiveLine } from '../liveLine.js';
import { StatCards } from '../widgets.js';
import type { Session } from '../session.js';
import type { Talk, TalkSummary } from '../interviews.js';
import { mayApprove, mayRecord, monthName, talkDay, talkRoles, talkSummary, talksByMonth } from '../talkRules.js';
import { NextLine, TalkBadge, TalkRecord, talkTitle, WorkflowSteps } from '../talkParts.js';
import { ApproveTalk } from '../talkActions.js';
import { sourceKindNames } from '../terms.js';
import { ProposeTalkForm, RecordTalkForm } from './talkForms.js';
import { ScopeBar, useScope, type Scope } from './interviewScope.js';

const people = (talk: Pick<TalkSummary, 'interviewees'>) => talk.interviewees.map((p) => p.name).join('、');

/**
 * The record of one talk, read from `GET /api/talks/{id}` when opened and again when the list says
 * it changed (each read is recorded, so it is not read on every reload), with the steps the viewer
 * may take on it. Until it is read, the panel shows only the title from the list, which has none of
 * the record's words.
 */
const TalkPanel = ({ listed, session, scope, onChanged, onClose }: { listed: TalkSummary; session: Session; scope: Scope; onChanged: (talk: TalkSummary) => void; onClose: () => void }) => {
  const opened = useRecord<Talk>(`/api/talks/${encodeURIComponent(listed.talkId)}`, listed.revision, true);
  const [said, setSaid] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  // The person who opened it is taken to it.
  useEffect(() => {
    setSaid(undefined);
    heading.current?.focus();
  }, [listed.talkId]);
  const done = (next: Talk, text: string) => {
    opened.set(next);
    onChanged(talkSummary(next));
    setSaid(text);
  };
  const shown = opened.record;
  return (
    <section class="card record-panel" aria-labelledby="talk-record-title">
      <div class="card-head">
        <h3 id="talk-record-title" ref={heading} tabIndex={-1}>
          谈话记录：{talkTitle(shown ?? listed)}
        </h3>
        <button type="button" class="secondary" onClick={onClose}>
          关闭记录
        </button>
      </div>
      <Opening opened={opened} />
      {shown && (
        <>
          <p>
            状态：<TalkBadge talk={shown} />
            {shown.suggested && shown.status !== 'suggested' && <span class="badge">源自系统建议</span>}
          </p>
          <WorkflowSteps talk={talkSummary(shown)} />
          <NextLine talk={shown} viewer={session} />
          <TalkRecord talk={shown} hostName={shown.hostUnitId === shown.unitId ? undefined : scope.unitName(shown.hostUnitId)} />
          {mayApprove(shown, session) && <ApproveTalk talk={shown} onDone={done} />}
          {mayRecord(shown, session) && <RecordTalkForm key={shown.talkId} talk={shown} onRecorded={done} />}
          <Said text={said} />
        </>
      )}
    </section>
  );
};

export const TalksView = ({ session }: { session: Session }) => {
  const scope = useScope(session);
  const unitId = scope.unitId;
  const path = unitId ? `/api/units/${encodeURIComponent(unitId)}/talks?year=${scope.year}` : undefined;
  const live = useLive<{ talks: readonly TalkSummary[] }>(path);
  const { records: talks, update } = useNewest(live.data?.talks ?? [], (t) => t.talkId, path);
  const [openId, setOpenId] = useState<string>();
  const [proposing, setProposing] = useState(false);
  const [said, setSaid] = useState<string>();
  const openedTalk = openId === undefined ? undefined : talks.find((t) => t.talkId === openId);
  const suggested = talks.filter((t) => t.status === 'suggested');
  const months = talksByMonth(talks.filter((t) => t.status !== 'suggested'));
  const count = (statuses: readonly TalkSummary['status'][]) => talks.filter((t) => statuses.includes(t.status)).length;
  const mayPropose = talkRoles.includes(session.role) && unitId !== undefined;
  const open = (talk: TalkSummary) => () => setOpenId(talk.talkId);
  // Another unit or year: its own talks, none of the last one's open or said.
  useEffect(() => {
    setOpenId(undefined);
    setSaid(undefined);
  }, [path]);
  return (
    <>
      <LiveLine live={live} />
      <ScopeBar title="谈话日历与记录" scope={scope} />
      <StatCards
        stats={[
          { label: '谈话总数', value: live.data ? talks.length : undefined, name: 'talks' },
          { label: '系统建议', value: live.data ? suggested.length : undefined, tone: 'warn', name: 'suggested' },
          { label: '待批准或待谈话', value: live.data ? count(['proposed', 'approved']) : undefined, name: 'pending' },
          { label: '已谈话', value: live.data ? count(['held', 'rectifying', 'closed']) : undefined, tone: 'ok', name: 'held' },
          { label: '整改中', value: live.data ? count(['rectifying']) : undefined, tone: 'bad', name: 'rectifying' },
        ]}
      />
      {mayPropose && <FormToggle open={proposing} show="提出新的谈话" hide="收起提出谈话" controls="propose-form" onToggle={() => setProposing(!proposing)} />}
      <Said text={said} />
      {mayPropose && proposing && (
        <div id="propose-form">
          <ProposeTalkForm
            unitId={unitId}
            role={session.role}
            onProposed={(talk, text) => {
              update(talkSummary(talk));
              setSaid(text);
              setProposing(false);
            }}
          />
        </div>
      )}
      <section class="card" aria-labelledby="suggested-title">
        <h3 id="suggested-title">系统建议的谈话（{suggested.length}）</h3>
        {suggested.length === 0 ? (
          <p class="muted">{live.loading && !live.data ? '正在加载…' : '暂无系统建议的谈话。'}</p>
        ) : (
          <ul class="plain">
            {suggested.map((t) => (
              <li key={t.talkId} class="suggested">
                <button type="button" class="link" onClick={open(t)}>
                  {talkTitle(t)}
                </button>{' '}
                <span class="badge returned">系统建议</span>
                <br />
                {t.unitName}　被谈话人：{people(t) || '—'}　<strong>{sourceKindNames[t.source.kind]}</strong>
                {t.source.summary ? `：${t.source.summary}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="calendar-title">
        <h3 id="calendar-title">谈话日历</h3>
        {months.length === 0 && <p class="muted">{live.loading && !live.data ? '正在加载…' : '本年度暂无谈话。'}</p>}
        {months.map((m) => (
          <section key={m.month ?? 'none'} class="month" aria-labelledby={`month-${m.month ?? 'none'}`}>
            <h4 id={`month-${m.month ?? 'none'}`}>
              {monthName(m.month)}（{m.talks.length}）
            </h4>
            <ul class="plain">
              {m.talks.map((t) => (
                <li key={t.talkId}>
                  <span class="day">{talkDay(t) ?? '未定'}</span>{' '}
                  <button type="button" class="link" onClick={open(t)}>
                    {talkTitle(t)}
                  </button>
                  <TalkBadge talk={t} />
                  <span class="muted">
                    　{t.unitName}　被谈话人：{people(t) || '—'}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
      {openedTalk && <TalkPanel listed={openedTalk} session={session} scope={scope} onChanged={update} onClose={() => setOpenId(undefined)} />}
    </>
  );
};
