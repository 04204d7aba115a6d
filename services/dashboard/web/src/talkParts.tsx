/**
 * A talk as the portal and the dashboard show it: from its summary, its workflow step by step with
 * the current step marked and who must act next; from its record, once read, who talked to whom,
 * the problems and demands, the positions stated and the rectification plan with its items' status.
 */
import type { ComponentChildren } from 'preact';
import type { Talk, TalkSummary } from './interviews.js';
import { isMyTurn, workflowOf, type Viewer } from './talkRules.js';
import { planItemStatusNames, sourceKindNames, talkKindNames, talkStatusNames, talkStepNames } from './terms.js';
import { timeText } from './dates.js';

/** The heading a talk goes by. */
export const talkTitle = (talk: Pick<TalkSummary, 'kind' | 'subject'>): string => `${talkKindNames[talk.kind]}：${talk.subject}`;

/** The badge of a talk's status. */
export const TalkBadge = ({ talk }: { talk: Pick<TalkSummary, 'status'> }) => (
  <span class={`badge ${talk.status === 'closed' ? 'accepted' : talk.status === 'suggested' ? 'returned' : talk.status === 'rectifying' ? 'submitted' : 'draft'}`}>{talkStatusNames[talk.status]}</span>
);

const stateText = { done: '（已完成）', current: '（当前步骤）', todo: '（未开始）' } as const;

/** The talk's steps in order; the current one is marked for sight and for screen readers. */
export const WorkflowSteps = ({ talk }: { talk: Pick<TalkSummary, 'kind' | 'status' | 'positions'> }) => (
  <ol class="steps" aria-label="谈话流程">
    {workflowOf(talk).map((s) => (
      <li key={s.step} class={s.state} aria-current={s.state === 'current' ? 'step' : undefined}>
        {talkStepNames[s.step]}
        <span class="visually-hidden">{stateText[s.state]}</span>
      </li>
    ))}
  </ol>
);

/** Who must act next, and whether that is the viewer. */
export const NextLine = ({ talk, viewer }: { talk: Pick<TalkSummary, 'next'>; viewer: Viewer }) =>
  talk.next ? (
    <p class="next">
      下一步：<strong>{talk.next.step}</strong>　办理人：{talk.next.who || '—'}
      {isMyTurn(talk, viewer) && <span class="badge returned">待我办理</span>}
    </p>
  ) : (
    <p class="next ok-text">谈话及整改已全部办结。</p>
  );

const Item = ({ term, children }: { term: string; children: ComponentChildren }) => (
  <div>
    <dt>{term}</dt>
    <dd>{children}</dd>
  </div>
);

const names = (people: ReadonlyArray<{ readonly name: string; readonly title: string }>) => (people.length === 0 ? '—' : people.map((p) => `${p.name}（${p.title}）`).join('、'));

const Lines = ({ lines }: { lines: readonly string[] }) =>
  lines.length === 0 ? (
    <>—</>
  ) : (
    <ol>
      {lines.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ol>
  );

/** The rectification plan, each item with the rectification item it opened and where it stands. */
const PlanTable = ({ talk }: { talk: Pick<Talk, 'plan'> }) =>
  talk.plan.length === 0 ? null : (
    <div class="scroll">
      <table>
        <caption>整改方案（{talk.plan.length}项）</caption>
        <thead>
          <tr>
            <th scope="col">整改措施</th>
            <th scope="col">完成时限</th>
            <th scope="col">整改事项编号</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {talk.plan.map((p) => (
            <tr key={p.requestId}>
              <th scope="row">{p.action}</th>
              <td>{p.dueDate}</td>
              <td>{p.rectificationId ?? '待立项'}</td>
              <td>{planItemStatusNames[p.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

/** The talk's record: where it came from, who took part, what was said and stated, and the plan. */
export const TalkRecord = ({ talk, hostName }: { talk: Talk; hostName?: string }) => (
  <>
    <dl class="record">
      <Item term="谈话类型">{talkKindNames[talk.kind]}</Item>
      <Item term="被谈话单位">{talk.unitName}</Item>
      {hostName ? <Item term="主持单位">{hostName}</Item> : null}
      <Item term="谈话事由">{talk.subject}</Item>
      <Item term="来源">
        {sourceKindNames[talk.source.kind]}
        {talk.source.summary ? `：${talk.source.summary}` : ''}
      </Item>
      {talk.trigger ? <Item term="联合谈话情形">{talk.trigger.text}</Item> : null}
      <Item term="计划谈话日期">{talk.scheduledOn ?? '未定'}</Item>
      <Item term="谈话日期">{talk.heldOn ?? '尚未谈话'}</Item>
      <Item term="被谈话人">{names(talk.interviewees)}</Item>
      <Item term="谈话人">{talk.convenors.length === 0 ? '—' : talk.convenors.map((c) => `${c.as ? `${c.as} ` : ''}${c.name}（${c.title}）`).join('、')}</Item>
      <Item term="列席人员">{names(talk.attendees)}</Item>
      <Item term="指出的问题">
        <Lines lines={talk.problems} />
      </Item>
      <Item term="提出的要求">
        <Lines lines={talk.demands} />
      </Item>
      {talk.followUp ? <Item term="后续跟踪">{talk.followUp}</Item> : null}
      {talk.filedWithOffice ? <Item term="备案">已报办公室备案</Item> : null}
      <Item term="表态">
        {talk.positions.length === 0 ? (
          '—'
        ) : (
          <ul class="plain">
            {talk.positions.map((p) => (
              <li key={p.person.personId}>
                <strong>{p.person.name}</strong>（{p.person.title}）：{p.text === null ? <span class="warn-text">尚未表态</span> : <>{p.text} <small class="muted">{p.at ? timeText(p.at) : ''}</small></>}
              </li>
            ))}
          </ul>
        )}
      </Item>
    </dl>
    <PlanTable talk={talk} />
  </>
);
