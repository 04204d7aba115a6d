/**
 * The app's own paths. The app routes on them; the CDK app puts a copy of `index.html` at each,
 * so that a reload or a shared link of any of them is answered from S3 like the first page.
 */
export const oversightViews = [
  { path: '/oversight', name: '年度报告' },
  { path: '/oversight/signing', name: '责任书签订' },
  { path: '/oversight/lights', name: '重点任务亮灯' },
  { path: '/oversight/rectifications', name: '整改事项' },
  { path: '/oversight/reminders', name: '催办督办' },
  { path: '/oversight/talks', name: '谈话' },
  { path: '/oversight/warnings', name: '预警' },
  { path: '/oversight/ledger-sums', name: '台账汇总' },
  { path: '/oversight/cases', name: '问责案件' },
  { path: '/oversight/integrity-files', name: '廉政档案' },
  { path: '/oversight/assessments', name: '年度考核' },
  { path: '/oversight/complaints', name: '公众投诉' },
  { path: '/oversight/publication', name: '公开审核' },
] as const;

export const portalViews = [
  { path: '/portal', name: '年度报告' },
  { path: '/portal/letters', name: '责任书' },
  { path: '/portal/tasks', name: '重点任务' },
  { path: '/portal/rectifications', name: '整改事项' },
  { path: '/portal/feedback-sheets', name: '考核反馈单' },
  { path: '/portal/ledger', name: '月度台账' },
  { path: '/portal/notices', name: '通知' },
  { path: '/portal/talks', name: '谈话' },
  { path: '/portal/warning-notices', name: '预警提示' },
  { path: '/portal/education', name: '廉政教育台账' },
] as const;

/** Where the OpenID provider sends the browser back after sign-in. */
export const callbackPath = '/auth/callback';

/** Print views on A4, each opened in a tab of its own. */
export const printPaths = { report: '/print/report', circulation: '/print/circulation' } as const;

export const appPaths: readonly string[] = ['/sign-in', callbackPath, ...oversightViews.map((v) => v.path), ...portalViews.map((v) => v.path), ...Object.values(printPaths)];
