/**
 * The terms of accountability in Chinese, as the source texts use them (../shared/docs/DOMAIN.md):
 * where a case comes from, its statuses and outcomes, the graded measures, the bans, the extra
 * investigations of 一案双查, the integrity file's categories and the opinions on appointments.
 */
import type { AppointmentKind, BanKind, CaseOutcome, CaseSourceKind, CaseStatus, FileCategory, InquiryKind, MeasureKind, OpinionDecision } from './cases.js';

export const caseSourceNames: Record<CaseSourceKind, string> = {
  hearingComment: '述责述廉点评',
  talk: '谈话',
  warningNotice: '预警提示',
  patrolFinding: '巡察发现',
  complaint: '信访举报',
  situationReport: '廉情抄告',
  failureToPursue: '问责不力（应问责未问责）',
  manual: '其他线索',
};

export const caseStatusNames: Record<CaseStatus, string> = {
  open: '已立案',
  decided: '已作出处理',
  closed: '已办结',
  reopened: '回头看重新启动',
};

export const caseOutcomeNames: Record<CaseOutcome, string> = {
  accountable: '问责',
  cleared: '澄清了结',
  exempted: '容错免责',
};

/** The measures in order, from the lightest, with their names. */
export const measureNames: Record<MeasureKind, string> = {
  circulatedCriticism: '通报批评',
  orderedSelfExamination: '责令检查',
  admonishment: '诫勉',
  suspension: '停职检查',
  reassignment: '调整职务',
  orderedResignation: '责令辞职',
  removal: '免职',
  demotion: '降职',
  partyWarning: '警告',
  seriousWarning: '严重警告',
  removalFromPartyPosts: '撤销党内职务',
  probation: '留党察看',
  expulsion: '开除党籍',
};

/** The measures by grade, as the form groups them. */
export const measureGroups: ReadonlyArray<{ readonly label: string; readonly kinds: readonly MeasureKind[] }> = [
  { label: '通报批评、责令检查', kinds: ['circulatedCriticism', 'orderedSelfExamination'] },
  { label: '诫勉', kinds: ['admonishment'] },
  { label: '组织处理', kinds: ['suspension', 'reassignment', 'orderedResignation', 'removal', 'demotion'] },
  { label: '纪律处分', kinds: ['partyWarning', 'seriousWarning', 'removalFromPartyPosts', 'probation', 'expulsion'] },
];

/** What a ban bars. */
export const banNames: Record<BanKind, string> = {
  equivalentPost: '不得担任与原任职务相当的领导职务',
  promotion: '不得提升职务',
};

export const inquiryNames: Record<InquiryKind, string> = {
  mainResponsibility: '党委（党组）主体责任',
  supervisoryResponsibility: '纪委（纪检组）监督责任',
};

export const exemptionDecisionNames: Record<'pending' | 'granted' | 'refused', string> = { pending: '待决定', granted: '予以免责', refused: '不予免责' };

export const fileCategoryNames: Record<FileCategory, string> = {
  post: '任职',
  signing: '责任书与承诺',
  reports: '重点任务',
  talk: '谈话',
  notice: '预警提示',
  case: '问责案件',
  measure: '问责处理',
  ban: '任职限制',
  exemption: '容错免责与澄清',
  opinion: '廉政意见',
  gift: '礼品礼金',
};

export const appointmentNames: Record<AppointmentKind, string> = { equivalent: '平级', promotion: '提拔', lower: '降级' };

export const decisionNames: Record<OpinionDecision, string> = { agree: '同意', defer: '暂缓', reject: '不同意' };
