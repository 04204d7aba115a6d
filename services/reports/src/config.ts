/**
 * Deadlines of the reports service, held as configuration with the seed texts' defaults.
 * China Standard Time has no daylight saving, so Asia/Shanghai is the fixed offset +08:00.
 */
export interface ReportsConfig {
  /** When the annual report on year Y is due, as `MM-DDTHH:mm:ss` of year Y+1; default 31 January 23:59:59. */
  readonly annualReportDue: string;
  readonly utcOffset: string;
}

export const reportsConfig = (): ReportsConfig => ({
  annualReportDue: process.env.ANNUAL_REPORT_DUE ?? '01-31T23:59:59',
  utcOffset: '+08:00',
});

/** The last moment at which the annual report on `year` is on time. */
export const annualReportDeadline = (year: number, config: ReportsConfig = reportsConfig()): Date =>
  new Date(`${year + 1}-${config.annualReportDue}${config.utcOffset}`);

/** One required item of the secretary's duty-and-integrity statement (述责述廉). */
export interface StatementItem {
  readonly itemId: string;
  readonly text: string;
}

/** A category of the statement, with its required items. */
export interface StatementCategory {
  readonly title: string;
  readonly items: readonly StatementItem[];
}

/**
 * Chengdu's template of the statement: 5 categories and 24 required items (seed 004: "明确5大类、24项
 * 必述内容，既问责、又问廉"). The seed gives the count, not the wording: the titles below are the
 * project's, held as configuration so that a city can put its own text under the same ids.
 */
export const chengduStatement: readonly StatementCategory[] = [
  {
    title: '履行全面从严治党主体责任情况',
    items: [
      { itemId: 'S1-01', text: '研究部署党风廉政建设和反腐败工作的次数与内容' },
      { itemId: 'S1-02', text: '签订并落实党风廉政建设责任书、责任清单情况' },
      { itemId: 'S1-03', text: '对下级党组织主体责任落实的督促检查情况' },
      { itemId: 'S1-04', text: '支持纪检监察机关履行监督责任情况' },
      { itemId: 'S1-05', text: '重点任务推进及红黄绿亮灯整改情况' },
      { itemId: 'S1-06', text: '上年度述责述廉点评意见的整改落实情况' },
    ],
  },
  {
    title: '落实“一岗双责”和第一责任人职责情况',
    items: [
      { itemId: 'S2-01', text: '亲自抓、负总责，过问重大问题、协调重要环节情况' },
      { itemId: 'S2-02', text: '与班子成员和下级主要负责人开展廉政谈话情况' },
      { itemId: 'S2-03', text: '督促班子成员落实分管领域党风廉政建设情况' },
      { itemId: 'S2-04', text: '廉政风险岗位排查、防控和轮岗交流情况' },
    ],
  },
  {
    title: '贯彻中央八项规定精神和作风建设情况',
    items: [
      { itemId: 'S3-01', text: '执行中央八项规定及实施细则精神情况' },
      { itemId: 'S3-02', text: '纠治形式主义、官僚主义情况' },
      { itemId: 'S3-03', text: '公务接待、公务用车、办公用房管理情况' },
      { itemId: 'S3-04', text: '整治群众身边不正之风和腐败问题情况' },
      { itemId: 'S3-05', text: '选人用人和干部监督管理情况' },
    ],
  },
  {
    title: '个人廉洁自律情况',
    items: [
      { itemId: 'S4-01', text: '遵守政治纪律和政治规矩情况' },
      { itemId: 'S4-02', text: '执行廉洁从政有关规定情况' },
      { itemId: 'S4-03', text: '个人有关事项报告情况' },
      { itemId: 'S4-04', text: '配偶、子女及其配偶从业和管理约束身边工作人员情况' },
      { itemId: 'S4-05', text: '收受礼品礼金、借用公物等情况的说明' },
    ],
  },
  {
    title: '存在的问题和整改措施',
    items: [
      { itemId: 'S5-01', text: '履行主体责任存在的主要问题' },
      { itemId: 'S5-02', text: '个人廉洁自律方面存在的不足' },
      { itemId: 'S5-03', text: '问题产生的原因分析' },
      { itemId: 'S5-04', text: '下一步整改措施和努力方向' },
    ],
  },
];

/** Which lists of the unit the report's sections answer: the committee's and its secretary's. */
export const reportedListSubjects = ['committee', 'firstResponsiblePerson'] as const;

/** The last day on which the commission hears the secretaries: 31 March of year+1, 23:59:59 CST. */
export const hearingDeadline = (year: number, config: ReportsConfig = reportsConfig()): Date => new Date(`${year + 1}-03-31T23:59:59${config.utcOffset}`);

/** Where the quarterly circulation of the monthly ledger is published (Xupu: within the system). */
export const ledgerCirculationScope = (): 'public' | 'system' | 'subtree' => (process.env.LEDGER_CIRCULATION_SCOPE as 'public' | 'system' | 'subtree' | undefined) ?? 'system';

/** How the deadline engine acts, from the environment with the defaults. */
export interface DeadlineEngineConfig {
  /** Days before the due day on which a reminder goes out (`REMINDER_OFFSETS`, default 14,7,3,1,0). */
  readonly offsets: readonly number[];
  /** Weekly escalation rounds at most (`ESCALATION_MAX_ROUNDS`, default 52: a year). */
  readonly maxRounds: number;
  /** A key task's time node counts as met by progress reported this many days before it, or later (`MILESTONE_WINDOW_DAYS`, default 14). */
  readonly milestoneWindowDays: number;
  /** Where a reminder's link points (`PUBLIC_BASE_URL`). */
  readonly baseUrl: string;
}

const wholeNumbers = (text: string, name: string): number[] => {
  const values = text.split(',').map((v) => v.trim());
  if (values.some((v) => !/^\d{1,3}$/.test(v))) throw new Error(`${name} must be whole numbers of days separated by commas, e.g. 14,7,3,1,0; got "${text}"`);
  return [...new Set(values.map(Number))].sort((a, b) => b - a);
};

export const deadlineEngineConfig = (env: NodeJS.ProcessEnv = process.env): DeadlineEngineConfig => ({
  offsets: wholeNumbers(env.REMINDER_OFFSETS ?? '14,7,3,1,0', 'REMINDER_OFFSETS'),
  maxRounds: Number(env.ESCALATION_MAX_ROUNDS ?? 52),
  milestoneWindowDays: Number(env.MILESTONE_WINDOW_DAYS ?? 14),
  baseUrl: (env.PUBLIC_BASE_URL ?? 'http://localhost:3000').replace(/\/$/, ''),
});

/**
 * How many items each large set of the engine (the units, the people in posts, who is done) is
 * spread over: every run reads them all by key, so a set of a province (100,000 units, half a
 * million people in posts) stays within DynamoDB's 400 KB an item. Fixed: changing it moves members.
 */
export const setShards = 256;
