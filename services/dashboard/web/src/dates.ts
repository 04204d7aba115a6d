/** Days as the pages show and send them: calendar dates in China Standard Time, `YYYY-MM-DD`. */

const cstOffset = 8 * 3600_000;

/** Today in China Standard Time. */
export const todayCst = (now = new Date()): string => new Date(now.getTime() + cstOffset).toISOString().slice(0, 10);

/** The date `days` after `date` (both `YYYY-MM-DD`). */
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The day of a date or an instant, in China Standard Time: `2027-05-20T15:59:59Z` → `2027-05-20`. */
export const dayOf = (value: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : todayCst(new Date(value)));

/** An instant to the minute, as people in China read it. */
export const timeText = (iso: string): string => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
