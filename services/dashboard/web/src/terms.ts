/**
 * The domain's terms in Chinese, as the source texts use them (../shared/docs/DOMAIN.md). Every
 * label the app shows comes from here or from the API's own Chinese messages.
 */
export type Role = 'unit_staff' | 'unit_secretary' | 'discipline_inspector' | 'organisation_dept' | 'admin';

export const roleNames: Record<Role, string> = {
  unit_secretary: '单位党组织书记（第一责任人）',
  unit_staff: '单位工作人员',
  discipline_inspector: '纪检监察干部',
  organisation_dept: '组织部门',
  admin: '系统管理员',
};

/** What each role does here, shown on the sign-in page. */
export const roleDuties: Record<Role, string> = {
  unit_secretary: '签订责任书，撰写并提交本单位年度履责报告，查看催办通知；可查看本单位及下级单位的进度。',
  unit_staff: '协助起草年度报告、更新重点任务进展、上传整改佐证材料；可查看本单位及下级单位的进度。',
  discipline_inspector: '监督本级及下级单位：查看报告提交、责任书签订、重点任务亮灯、整改和督办情况，退回或接收报告。',
  organisation_dept: '查看本级及下级单位的报告、签订和考核相关进度。',
  admin: '维护单位树和截止日期，查看全部单位。',
};

/** The roles that watch a subtree: they start on the oversight dashboard. */
export const overseerRoles: readonly Role[] = ['discipline_inspector', 'organisation_dept', 'admin'];

export type ReportStatus = 'missing' | 'draft' | 'submitted' | 'late' | 'returned' | 'accepted' | 'reopened';

export const reportStatusNames: Record<ReportStatus, string> = {
  missing: '未报送',
  draft: '起草中',
  submitted: '已报送',
  late: '逾期报送',
  returned: '已退回',
  accepted: '已接收',
  reopened: '已重新开放',
};

/** The statuses that count as submitted (late or not, accepted included). */
export const submittedStatuses: readonly ReportStatus[] = ['submitted', 'late', 'accepted'];

export type Light = 'red' | 'yellow' | 'green';
export const lightNames: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯' };

export type RectificationStatus = 'open' | 'evidenceSubmitted' | 'closed';
export const rectificationStatusNames: Record<RectificationStatus, string> = { open: '整改中', evidenceSubmitted: '已报佐证待核验', closed: '已销号' };

/** The deadlines the engine reminds of. */
export const deadlineKindNames: Record<string, string> = {
  annualReport: '年度履责报告',
  hearing: '述责述廉',
  keyTaskMilestone: '重点任务时间节点',
  rectification: '整改期限',
  ledgerFiling: '月度工作台账',
  external: '其他期限',
};

/** Where a rectification item came from. */
export const rectificationSourceNames: Record<string, string> = {
  hearing: '述责述廉点评',
  talk: '谈话',
  patrol: '巡察',
  feedbackSheet: '考核反馈',
  complaint: '投诉',
  assessment: '考核',
};

/** The kinds of talk (约谈). */
export type TalkKind = 'integrity' | 'reminder' | 'warning' | 'joint' | 'admonishment';
export const talkKindNames: Record<TalkKind, string> = {
  integrity: '廉政谈话',
  reminder: '提醒谈话',
  warning: '警醒约谈',
  joint: '联合谈话',
  admonishment: '诫勉谈话',
};

export type TalkStatus = 'suggested' | 'proposed' | 'approved' | 'held' | 'rectifying' | 'closed';
export const talkStatusNames: Record<TalkStatus, string> = {
  suggested: '系统建议',
  proposed: '已提出',
  approved: '已批准',
  held: '已谈话',
  rectifying: '整改中',
  closed: '已办结',
};

/** Where a talk or a warning notice comes from. */
export type SourceKind = 'keyTaskLight' | 'hearingComment' | 'rectification' | 'patrolFinding' | 'complaint' | 'onlineOpinion' | 'hotline' | 'supervision' | 'manual' | 'assessment';
export const sourceKindNames: Record<SourceKind, string> = {
  keyTaskLight: '重点任务亮灯',
  hearingComment: '述责述廉点评',
  rectification: '整改逾期',
  patrolFinding: '巡察发现',
  complaint: '投诉举报',
  onlineOpinion: '网络舆情',
  hotline: '热线线索',
  supervision: '日常监督',
  manual: '其他',
  assessment: '年度考核排名靠后',
};

/** The sources that name a record of another service, whose id must be given. */
export const sourcesWithRecord: readonly SourceKind[] = ['keyTaskLight', 'hearingComment', 'rectification', 'patrolFinding', 'complaint', 'assessment'];

/** The four leaders who hold a joint talk together. */
export type JointConvenorRole = 'partySecretary' | 'deputySecretary' | 'disciplineChief' | 'organisationChief';
export const jointConvenorNames: Record<JointConvenorRole, string> = {
  partySecretary: '党委书记',
  deputySecretary: '专职副书记',
  disciplineChief: '纪委书记',
  organisationChief: '组织部长',
};

/** The steps of a talk, as the joint talk takes them all; other kinds skip the approval. */
export type TalkStep = 'propose' | 'approve' | 'hold' | 'state' | 'plan' | 'rectify';
export const talkStepNames: Record<TalkStep, string> = {
  propose: '提出',
  approve: '批准',
  hold: '谈话',
  state: '表态',
  plan: '整改方案',
  rectify: '整改中',
};

/** Where an item of a talk's rectification plan (or a notice's rectification) stands. */
export const planItemStatusNames: Record<'requested' | 'open' | 'closed', string> = { requested: '待立项', open: '整改中', closed: '已销号' };

export type WarningNoticeStatus = 'issued' | 'replied' | 'returned' | 'accepted';
export const warningNoticeStatusNames: Record<WarningNoticeStatus, string> = {
  issued: '待回复',
  replied: '已回复待审核',
  returned: '已退回',
  accepted: '已认可',
};

/** The forms an integrity-education session takes. */
export type EducationForm = 'warningEducation' | 'partyLecture' | 'caseStudy' | 'visit' | 'other';
export const educationFormNames: Record<EducationForm, string> = {
  warningEducation: '警示教育',
  partyLecture: '廉政党课',
  caseStudy: '以案说法',
  visit: '参观教育基地',
  other: '其他',
};
