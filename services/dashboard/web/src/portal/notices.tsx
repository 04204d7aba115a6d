/** The notice inbox: deadline reminders and escalations, newest first; opening one marks it read. */
import { useState } from 'preact/hooks';
import { request } from '../api.js';
import { useLive } from '../live.js';
import { LiveLine } from '../liveLine.js';

interface Notice {
  readonly noticeId: string;
  readonly type: 'reminder' | 'escalation';
  readonly text: string;
  readonly createdAt: string;
  readonly read: boolean;
}

const dateText = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export const Notices = () => {
  const live = useLive<{ notices: readonly Notice[]; unread: number }>('/api/notices?limit=50');
  const [read, setRead] = useState<ReadonlySet<string>>(new Set());
  const markRead = async (notice: Notice) => {
    if (notice.read || read.has(notice.noticeId)) return;
    setRead(new Set([...read, notice.noticeId]));
    await request('POST', `/api/notices/${notice.noticeId}/read`).catch(() => undefined);
  };
  const unread = Math.max(0, (live.data?.unread ?? 0) - (live.data?.notices.filter((n) => !n.read && read.has(n.noticeId)).length ?? 0));
  return (
    <>
      <LiveLine live={live} />
      <h2>通知（未读 {unread}）</h2>
      {live.data && live.data.notices.length === 0 && <p class="muted">暂无通知。</p>}
      <ul class="plain notices">
        {live.data?.notices.map((n) => {
          const isRead = n.read || read.has(n.noticeId);
          return (
            <li key={n.noticeId} class={isRead ? '' : 'unread'}>
              <details onToggle={(e) => (e.target as HTMLDetailsElement).open && void markRead(n)}>
                <summary>
                  <span class={`badge ${n.type === 'escalation' ? 'late' : 'draft'}`}>{n.type === 'escalation' ? '督办' : '提醒'}</span> {n.text.slice(0, 60)}
                  {n.text.length > 60 ? '…' : ''} <small class="muted">{dateText(n.createdAt)}</small>
                  {!isRead && <span class="visually-hidden">（未读）</span>}
                </summary>
                <p>{n.text}</p>
              </details>
            </li>
          );
        })}
      </ul>
    </>
  );
};
