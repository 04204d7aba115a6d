/**
 * A warning notice as the portal and the dashboard show it: from its summary, its status, dates and
 * replies' decisions; from its record, once opened, what it says and the replies' words.
 */
import type { NoticeSummary, Reply, ReplySummary, WarningNotice } from './interviews.js';
import { noticeBadge, noticeStatusText } from './noticeRules.js';
import { dayOf, timeText } from './dates.js';
import { planItemStatusNames, sourceKindNames } from './terms.js';

export const NoticeBadge = ({ notice }: { notice: Pick<NoticeSummary, 'status' | 'overdue'> }) => (
  <span class={`badge ${noticeBadge(notice)}`} data-field="notice-status">
    {noticeStatusText(notice)}
  </span>
);

/** Every reply with the commission's decision on it; its words and the reason it was returned once the notice is read. */
export const Replies = ({ replies }: { replies: ReadonlyArray<ReplySummary | Reply> }) =>
  replies.length === 0 ? (
    <p class="muted">尚未回复。</p>
  ) : (
    <ol class="replies">
      {replies.map((r, i) => (
        <li key={i}>
          <p>
            <strong>{timeText(r.at)}</strong> {r.onTime ? '按期回复' : <span class="warn-text">逾期回复</span>}
            {r.decision === 'accepted' && <span class="badge accepted">已认可</span>}
            {r.decision === 'returned' && <span class="badge returned">已退回</span>}
            {r.decision === null && <span class="badge submitted">待审核</span>}
          </p>
          {'text' in r && <p class="reply-text">{r.text}</p>}
          {'text' in r && r.reason && <p class="warn-text">退回原因：{r.reason}</p>}
        </li>
      ))}
    </ol>
  );

/** Where a notice came from, when it was issued and is due (逾期 flagged), and any rectification it opened. */
export const NoticeFacts = ({ notice }: { notice: NoticeSummary }) => (
  <dl class="record">
    <div>
      <dt>来源</dt>
      <dd>
        {sourceKindNames[notice.source.kind]}
        {notice.source.summary ? `：${notice.source.summary}` : ''}
      </dd>
    </div>
    <div>
      <dt>下发时间</dt>
      <dd>{timeText(notice.issuedAt)}</dd>
    </div>
    <div>
      <dt>书面回复期限</dt>
      <dd>
        {dayOf(notice.replyDueAt)}
        {notice.overdue && <span class="badge missing">逾期</span>}
      </dd>
    </div>
    {notice.rectification ? (
      <div>
        <dt>整改事项</dt>
        <dd>
          {notice.rectification.action}（{notice.rectification.dueDate}前，{planItemStatusNames[notice.rectification.status]}）
        </dd>
      </div>
    ) : null}
  </dl>
);

/** What a notice says, from its record: the tendency seen and what is demanded. */
export const NoticeWords = ({ notice }: { notice: Pick<WarningNotice, 'tendency' | 'demands'> }) => (
  <dl class="record">
    <div>
      <dt>苗头性、倾向性问题</dt>
      <dd class="pre">{notice.tendency}</dd>
    </div>
    <div>
      <dt>整改要求</dt>
      <dd class="pre">{notice.demands}</dd>
    </div>
  </dl>
);
