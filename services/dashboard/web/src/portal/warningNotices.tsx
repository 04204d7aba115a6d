/**
 * The warning notices addressed to the person signed in, newest first: from the list, the reply date
 * and status (逾期 flagged) and every reply's date and the commission's decision; once the person
 * opens one (a read the service records), the tendency, the demands, the replies' words and the
 * written reply while one is due.
 */
import { useState } from 'preact/hooks';
import { request } from '../api.js';
import { useLive, useNewest, useRecord } from '../live.js';
import { LiveLine } from '../liveLine.js';
import type { Session } from '../session.js';
import type { NoticeSummary, WarningNotice } from '../interviews.js';
import { mayReply, noticeSummary } from '../noticeRules.js';
import { FormToggle, Opening, Outcome, Said, useAction } from '../formParts.js';
import { dayOf } from '../dates.js';
import { NoticeBadge, NoticeFacts, NoticeWords, Replies } from '../noticeParts.js';

const ReplyForm = ({ notice, onDone }: { notice: Pick<NoticeSummary, 'noticeId'>; onDone: (notice: WarningNotice, said: string) => void }) => {
  const [text, setText] = useState('');
  const action = useAction();
  const id = `reply-${notice.noticeId}`;
  const send = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const said = '书面回复已提交，等待纪委审核。';
      onDone(await request<WarningNotice>('POST', `/api/warning-notices/${encodeURIComponent(notice.noticeId)}/reply`, { text }), said);
      setText('');
      return said;
    });
  };
  return (
    <form class="inline-form" onSubmit={send}>
      <div class="field">
        <label for={id}>书面回复</label>
        <textarea id={id} rows={4} required value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} aria-invalid={action.error?.fieldMessage('text') ? true : undefined} />
      </div>
      <Outcome action={action} done={false} />
      <button type="submit" class="primary" disabled={action.busy}>
        提交回复
      </button>
    </form>
  );
};

/**
 * A notice from the list's summary: its dates, status and replies' decisions. What it says, the
 * replies' words and the reply form come with its record, read when the person opens it.
 */
const NoticeCard = ({ notice, session, onDone }: { notice: NoticeSummary; session: Session; onDone: (notice: NoticeSummary) => void }) => {
  const [said, setSaid] = useState<string>();
  const [reading, setReading] = useState(false);
  const opened = useRecord<WarningNotice>(`/api/warning-notices/${encodeURIComponent(notice.noticeId)}`, notice.revision, reading);
  const headingId = `notice-${notice.noticeId}`;
  const replyDue = mayReply(notice, session);
  const record = reading ? opened.record : undefined;
  return (
    <article class="card" aria-labelledby={headingId}>
      <div class="card-head">
        <h3 id={headingId}>预警提示（{dayOf(notice.issuedAt)}）</h3>
        <NoticeBadge notice={notice} />
      </div>
      <NoticeFacts notice={notice} />
      <FormToggle open={reading} show={replyDue ? '查看并回复' : '查看预警提示'} hide="收起预警提示" controls={`${headingId}-record`} onToggle={() => setReading(!reading)} />
      {reading && (
        <div id={`${headingId}-record`}>
          {opened.loading && <p class="muted">正在加载预警提示…</p>}
          <Opening opened={opened} />
          {record && <NoticeWords notice={record} />}
        </div>
      )}
      <h4>回复记录</h4>
      <Replies replies={record?.replies ?? notice.replies} />
      {record && replyDue && (
        <ReplyForm
          notice={notice}
          onDone={(next, text) => {
            opened.set(next);
            onDone(noticeSummary(next));
            setSaid(text);
          }}
        />
      )}
      <Said text={said} />
    </article>
  );
};

export const MyWarningNotices = ({ session }: { session: Session }) => {
  const live = useLive<{ notices: readonly NoticeSummary[] }>('/api/my/warning-notices');
  const { records: notices, update } = useNewest(live.data?.notices ?? [], (n) => n.noticeId);
  const due = notices.filter((n) => mayReply(n, session)).length;
  return (
    <>
      <LiveLine live={live} />
      <h2>我的预警提示</h2>
      {notices.length === 0 ? <p class="muted">{live.loading ? '正在加载…' : '暂无预警提示。'}</p> : <p>共 {notices.length} 份预警提示，待回复 {due} 份。</p>}
      {notices.map((n) => (
        <NoticeCard key={n.noticeId} notice={n} session={session} onDone={update} />
      ))}
    </>
  );
};
