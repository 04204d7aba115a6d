/** A warning notice as the portal and the dashboard show it: its status, what it says, and its replies. */
import type { WarningNotice } from './interviews.js';
import { noticeBadge, noticeStatusText } from './noticeRules.js';
import { dayOf, timeText } from './dates.js';
import { planItemStatusNames, sourceKindNames } from './terms.js';

export const NoticeBadge = ({ notice }: { notice: WarningNotice }) => (
  <span class={`badge ${noticeBadge(notice)}`} data-field="notice-status">
    {noticeStatusText(notice)}
  </span>
);

/** Every reply, with the commission's decision on it. */
export const Replies = ({ notice }: { notice: WarningNotice }) =>
  notice.replies.length === 0 ? (
    <p class="muted">尚未回复。</p>
  ) : (
    <ol class="replies">
      {notice.replies.map((r, i) => (
        <li key={i}>
          <p>
            <strong>{timeText(r.at)}</strong> {r.onTime ? '按期回复' : <span class="warn-text">逾期回复</span>}
            {r.decision === 'accepted' && <span class="badge accepted">已认可</span>}
            {r.decision === 'returned' && <span class="badge returned">已退回</span>}
          </p>
          <p class="reply-text">{r.text}</p>
          {r.reason && <p class="warn-text">退回原因：{r.reason}</p>}
        </li>
      ))}
    </ol>
  );

/** What a notice says: its source, tendency, demands, reply date and any rectification it opened. */
export const NoticeFacts = ({ notice }: { notice: WarningNotice }) => (
  <dl class="record">
    <div>
      <dt>来源</dt>
      <dd>
        {sourceKindNames[notice.source.kind]}
        {notice.source.summary ? `：${notice.source.summary}` : ''}
      </dd>
    </div>
    <div>
      <dt>苗头性、倾向性问题</dt>
      <dd>{notice.tendency}</dd>
    </div>
    <div>
      <dt>整改要求</dt>
      <dd>{notice.demands}</dd>
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
