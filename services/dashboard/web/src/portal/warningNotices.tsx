/**
 * The warning notices addressed to the person signed in, newest first: the tendency, the demands,
 * the reply date and status (逾期 flagged), every reply with the commission's decision, and the
 * written reply while one is due.
 */
import { useState } from 'preact/hooks';
import { request } from '../api.js';
import { useLive, useNewest } from '../live.js';
import { LiveLine } from '../liveLine.js';
import type { Session } from '../session.js';
import type { WarningNotice } from '../interviews.js';
import { mayReply } from '../noticeRules.js';
import { Outcome, Said, useAction } from '../formParts.js';
import { dayOf } from '../dates.js';
import { NoticeBadge, NoticeFacts, Replies } from '../noticeParts.js';

const ReplyForm = ({ notice, onDone }: { notice: WarningNotice; onDone: (notice: WarningNotice, said: string) => void }) => {
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

const NoticeCard = ({ notice, session, onDone }: { notice: WarningNotice; session: Session; onDone: (notice: WarningNotice) => void }) => {
  const [said, setSaid] = useState<string>();
  const headingId = `notice-${notice.noticeId}`;
  return (
    <article class="card" aria-labelledby={headingId}>
      <div class="card-head">
        <h3 id={headingId}>预警提示（{dayOf(notice.issuedAt)}）</h3>
        <NoticeBadge notice={notice} />
      </div>
      <NoticeFacts notice={notice} />
      <h4>回复记录</h4>
      <Replies notice={notice} />
      {mayReply(notice, session) && (
        <ReplyForm
          notice={notice}
          onDone={(next, text) => {
            onDone(next);
            setSaid(text);
          }}
        />
      )}
      <Said text={said} />
    </article>
  );
};

export const MyWarningNotices = ({ session }: { session: Session }) => {
  const live = useLive<{ notices: readonly WarningNotice[] }>('/api/my/warning-notices');
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
