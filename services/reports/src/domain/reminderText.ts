/**
 * The Chinese text of reminders and escalations: what is due, the date, the days left and a link,
 * short enough for one SMS where it can be. Pure functions.
 */
import type { DeadlineKind } from '#events/reports/parts.js';

/** `2027年1月31日` from an ISO time, in China Standard Time. */
export const chineseDate = (iso: string): string => {
  const cst = new Date(Date.parse(iso) + 8 * 3600_000);
  return `${cst.getUTCFullYear()}年${cst.getUTCMonth() + 1}月${cst.getUTCDate()}日`;
};

/** What a deadline asks for, by kind: the thing and the verb. */
export const titleOf = (kind: DeadlineKind, subject: string, detail?: string): string => {
  switch (kind) {
    case 'annualReport':
      return `${subject}年度落实党风廉政建设责任制情况报告`;
    case 'hearing':
      return `${subject}年度述责述廉`;
    case 'ledgerFiling':
      return `${subject.replace('-', '年').replace(/^(\d{4}年)0?(\d+)$/, '$1$2')}月廉政台账`;
    case 'rectification':
      return `整改事项「${detail ?? subject}」`;
    case 'keyTaskMilestone':
      return `重点任务时间节点「${detail ?? subject}」`;
    case 'external':
      return detail ?? subject;
  }
};

const verbOf = (kind: DeadlineKind): string =>
  ({ annualReport: '报送', hearing: '完成', ledgerFiling: '填报', rectification: '完成整改', keyTaskMilestone: '报告进展', external: '办理' })[kind];

/** The text of a reminder: `【清廉履责】…须于2027年1月31日前报送，还剩7天。办理：<link>`. */
export const reminderText = (input: { kind: DeadlineKind; title: string; dueAt: string; daysLeft: number; link: string }): string =>
  `【清廉履责】${input.title}须于${chineseDate(input.dueAt)}前${verbOf(input.kind)}，${input.daysLeft === 0 ? '今天截止' : `还剩${input.daysLeft}天`}。办理：${input.link}`;

/** The text of an escalation to an overseer: how many of its units are overdue with what. */
export const escalationText = (input: { title: string; dueAt: string; count: number; daysOverdue: number; round: number; link: string }): string =>
  `【清廉履责】督办（第${input.round}次）：${input.count}个下级单位的${input.title}已逾期${input.daysOverdue}天（截止${chineseDate(input.dueAt)}），请督促。详情：${input.link}`;
