/**
 * The warning-notice ledger (预警提示台账) of a unit of the viewer's tree in a year: the counts, the
 * replies awaiting review first, every notice in a table that exports, all from the list's
 * summaries. A notice opened is read with what it says and its replies' words (a read the service
 * records); the commission issues a notice here, and in the notice opened accepts a reply or
 * returns it with a reason and a new date.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../api.js';
import { useLive, useNewest, useRecord } from '../live.js';
import { LiveLine } from '../liveLine.js';
import { DataTable } from '../dataTable.js';
import { StatCards } from '../widgets.js';
import type { Session } from '../session.js';
import type { NoticeSummary, WarningNotice } from '../interviews.js';
import { defaultReplyDate, mayReview, noticeStatusText, noticeSummary, replyUnderReview } from '../noticeRules.js';
import { NoticeBadge, NoticeFacts, NoticeWords, Replies } from '../noticeParts.js';
import { FormToggle, Opening, Outcome, PersonSelect, Said, sourceBody, SourceFields, type SourceValue, useAction, usePosts } from '../formParts.js';
import { addDays, dayOf, timeText, todayCst } from '../dates.js';
import { sourceKindNames } from '../terms.js';
import { ScopeBar, scopeText, useScope } from './interviewScope.js';

type Done = (notice: WarningNotice, said: string) => void;

const noticePath = (notice: Pick<NoticeSummary, 'noticeId'>) => `/api/warning-notices/${encodeURIComponent(notice.noticeId)}`;

const IssueNoticeForm = ({ unitId, onIssued }: { unitId: string; onIssued: Done }) => {
  const { posts, error: postsError } = usePosts(unitId);
  const [personId, setPersonId] = useState('');
  const [leaderId, setLeaderId] = useState('');
  const [source, setSource] = useState<SourceValue>({ kind: 'supervision', id: '', note: '' });
  const [tendency, setTendency] = useState('');
  const [demands, setDemands] = useState('');
  const [replyDueDate, setReplyDueDate] = useState(() => defaultReplyDate());
  const [withRectification, setWithRectification] = useState(false);
  const [rectAction, setRectAction] = useState('');
  const [rectDue, setRectDue] = useState('');
  const action = useAction();
  const send = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const body = {
        personId,
        ...(leaderId ? { leaderInChargeId: leaderId } : {}),
        source: sourceBody(source),
        tendency,
        demands,
        replyDueDate,
        ...(withRectification ? { rectification: { action: rectAction, dueDate: rectDue } } : {}),
      };
      const said = '预警提示已发出，等待书面回复。';
      onIssued(await request<WarningNotice>('POST', `/api/units/${encodeURIComponent(unitId)}/warning-notices`, body), said);
      setTendency('');
      setDemands('');
      return said;
    });
  };
  return (
    <form class="card" onSubmit={send} aria-labelledby="issue-title">
      <h3 id="issue-title">发出预警提示</h3>
      <PersonSelect id="issue-person" label="被提示人" posts={posts} value={personId} onChange={setPersonId} />
      <PersonSelect id="issue-leader" label="分管领导（可不填）" posts={posts} value={leaderId} onChange={setLeaderId} optional />
      {postsError && <p class="error">{postsError.message}</p>}
      <SourceFields id="issue-source" value={source} onChange={setSource} />
      <div class="field">
        <label for="issue-tendency">苗头性、倾向性问题</label>
        <textarea id="issue-tendency" rows={3} required value={tendency} onInput={(e) => setTendency((e.target as HTMLTextAreaElement).value)} />
      </div>
      <div class="field">
        <label for="issue-demands">整改要求</label>
        <textarea id="issue-demands" rows={3} required value={demands} onInput={(e) => setDemands((e.target as HTMLTextAreaElement).value)} />
      </div>
      <div class="field">
        <label for="issue-due">书面回复期限</label>
        <input id="issue-due" type="date" required min={addDays(todayCst(), 1)} value={replyDueDate} onInput={(e) => setReplyDueDate((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field inline">
        <input id="issue-rectify" type="checkbox" checked={withRectification} onChange={(e) => setWithRectification((e.target as HTMLInputElement).checked)} />
        <label for="issue-rectify">同时下达整改事项</label>
      </div>
      {withRectification && (
        <>
          <div class="field">
            <label for="issue-rect-action">整改措施</label>
            <input id="issue-rect-action" type="text" required value={rectAction} onInput={(e) => setRectAction((e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="issue-rect-due">整改期限</label>
            <input id="issue-rect-due" type="date" required value={rectDue} onInput={(e) => setRectDue((e.target as HTMLInputElement).value)} />
          </div>
        </>
      )}
      <Outcome action={action} done={false} />
      <button type="submit" class="primary" disabled={action.busy}>
        发出预警提示
      </button>
    </form>
  );
};

/** The commission's review of a reply: accept it, or return it with a reason and a new reply date. */
const ReviewForm = ({ notice, onReviewed }: { notice: Pick<NoticeSummary, 'noticeId' | 'person'>; onReviewed: Done }) => {
  const [reason, setReason] = useState('');
  const [newDate, setNewDate] = useState(() => addDays(todayCst(), 7));
  const action = useAction();
  const id = `review-${notice.noticeId}`;
  const accept = () =>
    action.run(async () => {
      const said = '已认可该回复。';
      onReviewed(await request<WarningNotice>('POST', `${noticePath(notice)}/review`, { decision: 'accept' }), said);
      return said;
    });
  const giveBack = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const said = '已退回，请被提示人在新的期限内重新回复。';
      onReviewed(await request<WarningNotice>('POST', `${noticePath(notice)}/review`, { decision: 'return', reason, replyDueDate: newDate }), said);
      return said;
    });
  };
  return (
    <form class="inline-form" onSubmit={giveBack} aria-label={`审核回复：${notice.person.name}`}>
      <div class="actions">
        <button type="button" class="primary" disabled={action.busy} onClick={() => void accept()}>
          认可回复
        </button>
      </div>
      <fieldset>
        <legend>退回重新回复</legend>
        <div class="field">
          <label for={`${id}-reason`}>退回原因</label>
          <textarea id={`${id}-reason`} rows={2} required value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
        </div>
        <div class="field">
          <label for={`${id}-date`}>新的回复期限</label>
          <input id={`${id}-date`} type="date" required min={addDays(todayCst(), 1)} value={newDate} onInput={(e) => setNewDate((e.target as HTMLInputElement).value)} />
        </div>
        <button type="submit" class="secondary" disabled={action.busy}>
          退回回复
        </button>
      </fieldset>
      <Outcome action={action} done={false} />
    </form>
  );
};

/**
 * One notice, read from `GET /api/warning-notices/{id}` when opened and again when the list says it
 * changed, with what it says and its replies' words; the review while a reply awaits it. Until it
 * is read, the panel shows only what the list gives.
 */
const NoticePanel = ({ listed, session, onChanged, onClose }: { listed: NoticeSummary; session: Session; onChanged: (notice: NoticeSummary) => void; onClose: () => void }) => {
  const opened = useRecord<WarningNotice>(noticePath(listed), listed.revision, true);
  const [said, setSaid] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  // The person who opened it is taken to it.
  useEffect(() => {
    setSaid(undefined);
    heading.current?.focus();
  }, [listed.noticeId]);
  const reviewed: Done = (next, text) => {
    opened.set(next);
    onChanged(noticeSummary(next));
    setSaid(text);
  };
  const notice = opened.record;
  return (
    <section class="card record-panel" aria-labelledby="notice-record-title">
      <div class="card-head">
        <h3 id="notice-record-title" ref={heading} tabIndex={-1}>
          预警提示：{listed.person.name}（{listed.person.title}）· {listed.unitName}
        </h3>
        <NoticeBadge notice={notice ?? listed} />
        <button type="button" class="secondary" onClick={onClose}>
          关闭详情
        </button>
      </div>
      <Opening opened={opened} />
      <NoticeFacts notice={notice ?? listed} />
      {notice && <NoticeWords notice={notice} />}
      <h4>回复记录</h4>
      <Replies replies={notice?.replies ?? listed.replies} />
      {notice && mayReview(notice, session) && replyUnderReview(notice) && <ReviewForm notice={notice} onReviewed={reviewed} />}
      <Said text={said} />
    </section>
  );
};

export const WarningsView = ({ session }: { session: Session }) => {
  const scope = useScope(session);
  const unitId = scope.unitId;
  const path = unitId ? `/api/units/${encodeURIComponent(unitId)}/warning-notices?year=${scope.year}` : undefined;
  const live = useLive<{ notices: readonly NoticeSummary[] }>(path);
  const { records: notices, update } = useNewest(live.data?.notices ?? [], (n) => n.noticeId, path);
  const [issuing, setIssuing] = useState(false);
  const [said, setSaid] = useState<string>();
  const [openId, setOpenId] = useState<string>();
  const awaiting = notices.filter((n) => n.status === 'replied');
  const opened = openId === undefined ? undefined : notices.find((n) => n.noticeId === openId);
  const count = (test: (n: NoticeSummary) => boolean) => (live.data ? notices.filter(test).length : undefined);
  const commission = session.role === 'discipline_inspector';
  // Another unit or year: its own notices, none of the last one's open or said.
  useEffect(() => {
    setOpenId(undefined);
    setSaid(undefined);
  }, [path]);
  return (
    <>
      <LiveLine live={live} />
      <ScopeBar title="预警提示台账" scope={scope} />
      <StatCards
        stats={[
          { label: '已发出', value: count(() => true), name: 'issued' },
          { label: '待回复', value: count((n) => n.status === 'issued' || n.status === 'returned'), name: 'outstanding' },
          { label: '待审核', value: count((n) => n.status === 'replied'), tone: 'warn', name: 'replied' },
          { label: '逾期未回复', value: count((n) => n.overdue), tone: 'bad', name: 'overdue' },
          { label: '已认可', value: count((n) => n.status === 'accepted'), tone: 'ok', name: 'accepted' },
        ]}
      />
      {commission && unitId && <FormToggle open={issuing} show="发出新的预警提示" hide="收起预警提示表" controls="issue-form" onToggle={() => setIssuing(!issuing)} />}
      <Said text={said} />
      {commission && unitId && issuing && (
        <div id="issue-form">
          <IssueNoticeForm
            unitId={unitId}
            onIssued={(notice, text) => {
              update(noticeSummary(notice));
              setSaid(text);
              setIssuing(false);
            }}
          />
        </div>
      )}
      <section class="card" aria-labelledby="awaiting-title">
        <h3 id="awaiting-title">待审核的回复（{awaiting.length}）</h3>
        {awaiting.length === 0 ? (
          <p class="muted">{live.loading && !live.data ? '正在加载…' : '暂无待审核的回复。'}</p>
        ) : (
          <ul class="plain">
            {awaiting.map((n) => {
              const reply = replyUnderReview(n);
              return (
                <li key={n.noticeId}>
                  <strong>{n.person.name}</strong>（{n.person.title}）· {n.unitName}　
                  {reply ? (
                    <>
                      回复于 {timeText(reply.at)}
                      {!reply.onTime && <span class="warn-text">（逾期回复）</span>}
                    </>
                  ) : null}{' '}
                  <button type="button" class="secondary" aria-label={`查看并审核：${n.person.name}（${dayOf(n.issuedAt)}）`} onClick={() => setOpenId(n.noticeId)}>
                    查看并审核
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {opened && <NoticePanel listed={opened} session={session} onChanged={update} onClose={() => setOpenId(undefined)} />}
      <DataTable
        title="预警提示台账"
        caption="本年度发出的预警提示及回复情况，点击被提示人查看详情"
        filter={scopeText(scope)}
        headingLevel={3}
        rows={notices}
        rowKey={(n) => n.noticeId}
        empty={live.loading && !live.data ? '正在加载…' : '本年度暂无预警提示。'}
        columns={[
          {
            header: '被提示人',
            value: (n) => n.person.name,
            rowHeader: true,
            cell: (n) => (
              <button type="button" class="link" aria-label={`查看预警提示：${n.person.name}（${dayOf(n.issuedAt)}）`} onClick={() => setOpenId(n.noticeId)}>
                {n.person.name}
              </button>
            ),
          },
          { header: '职务', value: (n) => n.person.title },
          { header: '单位', value: (n) => n.unitName },
          { header: '来源', value: (n) => `${sourceKindNames[n.source.kind]}${n.source.summary ? `：${n.source.summary}` : ''}`, width: 40 },
          { header: '下发时间', value: (n) => timeText(n.issuedAt), width: 20 },
          { header: '回复期限', value: (n) => dayOf(n.replyDueAt) },
          { header: '状态', value: (n) => noticeStatusText(n), cell: (n) => <NoticeBadge notice={n} /> },
          { header: '回复次数', value: (n) => n.replies.length },
        ]}
      />
    </>
  );
};
