/** The line that says a view is live and when it last loaded, or why it could not. */
import type { Live } from './live.js';

const timeText = (d: Date) => d.toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });

export const LiveLine = ({ live }: { live: Live<unknown> }) => (
  <>
    <p class="live">
      {live.loadedAt ? `实时更新 · ${timeText(live.loadedAt)}` : '正在加载…'}
    </p>
    {live.error && (
      <p role="alert" class="error">
        {live.error.message}
      </p>
    )}
  </>
);
