/**
 * Accountability (问责) as rules: which cases open the two extra investigations of "one case, two
 * investigations" (一案双查), the graded measures, the bans that some measures bring, the written
 * opinion on a later appointment that the bans and open clues decide, and the look-back (回头看)
 * that reopens a case where accountability fell short. Pure functions; dates are CST calendar days.
 */
import { ConflictError, RuleError } from '#shared/errors.js';
import type { MeasureKind as MeasureKindOfEvents } from '#events/inspections/parts.js';

/** A situation in which a case also opens the two extra investigations. */
export interface DoubleInquirySituation {
  readonly code: string;
  readonly text: string;
  /** Quoted from the source text rather than a default of this project. */
  readonly fromText: boolean;
}

/**
 * Haining's rules name "4 situations" of ineffective responsibility (seed 000) and quote three: a
 * corruption ring in the unit, serial cases, major cases one after another. The fourth is this
 * project's default, for a city to replace with its own list.
 */
export const defaultDoubleInquirySituations: readonly DoubleInquirySituation[] = [
  { code: 'corruptionRing', text: '党风廉政建设责任制落实不力，致使本单位发生腐败窝案', fromText: true },
  { code: 'serialCases', text: '党风廉政建设责任制落实不力，致使本单位发生串案', fromText: true },
  { code: 'repeatedMajorCases', text: '党风廉政建设责任制落实不力，致使本单位连续发生重大腐败案件', fromText: true },
  { code: 'severeInfluence', text: '管辖范围内发生严重违纪违法问题，造成恶劣社会影响', fromText: false },
];

/** The two extra investigations: the committee's main responsibility and the commission's supervisory one. */
export type Inquiry = 'mainResponsibility' | 'supervisoryResponsibility';

/**
 * The extra investigations a case opens: both, when it names one of the listed situations; none
 * otherwise. A situation not on the list is refused rather than ignored.
 */
export const inquiriesFor = (situation: string | null, situations: readonly DoubleInquirySituation[] = defaultDoubleInquirySituations): Inquiry[] => {
  if (situation === null) return [];
  if (!situations.some((s) => s.code === situation)) throw new RuleError(`No listed situation ${situation}`, [{ path: 'situation', message: '请选择所列“一案双查”情形之一' }]);
  return ['mainResponsibility', 'supervisoryResponsibility'];
};

/** The measures, graded from the lightest: criticism and self-examination, admonishment, organisational handling, disciplinary sanction. */
export const measures = {
  circulatedCriticism: { grade: 1, name: '通报批评' },
  orderedSelfExamination: { grade: 1, name: '责令检查' },
  admonishment: { grade: 2, name: '诫勉' },
  suspension: { grade: 3, name: '停职检查' },
  reassignment: { grade: 3, name: '调整职务' },
  orderedResignation: { grade: 3, name: '责令辞职' },
  removal: { grade: 3, name: '免职' },
  demotion: { grade: 3, name: '降职' },
  partyWarning: { grade: 4, name: '警告' },
  seriousWarning: { grade: 4, name: '严重警告' },
  removalFromPartyPosts: { grade: 4, name: '撤销党内职务' },
  probation: { grade: 4, name: '留党察看' },
  expulsion: { grade: 4, name: '开除党籍' },
} as const satisfies Record<MeasureKindOfEvents, { grade: 1 | 2 | 3 | 4; name: string }>;
export type MeasureKind = keyof typeof measures;

/** How long a ban lasts, in years (configuration; the seed text's 1 and 2). */
export interface BanRules {
  /** After removal or ordered resignation: no post equivalent to the one left (nor a higher one). */
  readonly equivalentPostYears: number;
  /** After demotion: no promotion. */
  readonly promotionYears: number;
}

export const defaultBanRules: BanRules = { equivalentPostYears: 1, promotionYears: 2 };

/** A ban on a person's appointments, from the day of the measure to the day before `until`. */
export interface Ban {
  readonly personId: string;
  readonly kind: 'equivalentPost' | 'promotion';
  readonly from: string;
  readonly until: string;
  readonly caseId: string;
  readonly measure: MeasureKind;
}

/** The same calendar day `years` later (29 February becomes 28 February). */
export const yearsAfter = (date: string, years: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
};

/** The bans a measure brings: removal and ordered resignation bar an equivalent post, demotion bars promotion. */
export const bansOf = (measure: { readonly kind: MeasureKind; readonly personId: string; readonly decidedOn: string; readonly caseId: string }, rules: BanRules = defaultBanRules): Ban[] => {
  const ban = (kind: Ban['kind'], years: number): Ban => ({ personId: measure.personId, kind, from: measure.decidedOn, until: yearsAfter(measure.decidedOn, years), caseId: measure.caseId, measure: measure.kind });
  if (measure.kind === 'removal' || measure.kind === 'orderedResignation') return [ban('equivalentPost', rules.equivalentPostYears)];
  if (measure.kind === 'demotion') return [ban('promotion', rules.promotionYears)];
  return [];
};

/** An appointment the commission gives its opinion on: to a post equivalent to the person's, a higher one, or a lower one. */
export interface Appointment {
  readonly personId: string;
  readonly kind: 'equivalent' | 'promotion' | 'lower';
  readonly on: string;
}

/** Whether a ban bars the appointment: in force that day, for that person, and of a kind it covers. */
export const bars = (ban: Ban, appointment: Appointment): boolean =>
  ban.personId === appointment.personId &&
  ban.from <= appointment.on &&
  appointment.on < ban.until &&
  (ban.kind === 'equivalentPost' ? appointment.kind !== 'lower' : appointment.kind === 'promotion');

export interface Opinion {
  readonly decision: 'agree' | 'defer' | 'reject';
  /** Each reason, in Chinese. */
  readonly reasons: readonly string[];
}

/**
 * The written opinion on an appointment (廉政意见): rejected while a ban bars it, whatever else;
 * deferred while clues about the person are open; otherwise agreed, with any reasons the commission
 * adds. An active ban always gives reject.
 */
export const opinionOn = (appointment: Appointment, bans: readonly Ban[], openClues: number, added: readonly string[] = []): Opinion => {
  const barring = bans.filter((b) => bars(b, appointment));
  if (barring.length > 0)
    return {
      decision: 'reject',
      reasons: [...barring.map((b) => `受到${measures[b.measure].name}处理，${b.until}前不得${b.kind === 'equivalentPost' ? '担任与原任职务相当的领导职务' : '提升职务'}`), ...added],
    };
  if (openClues > 0) return { decision: 'defer', reasons: [`有${openClues}条问题线索尚未办结`, ...added] };
  return { decision: 'agree', reasons: [...added] };
};

export type CaseStatus = 'open' | 'decided' | 'closed' | 'reopened';

/**
 * A look-back (回头看) at a closed case: where accountability fell short, the case is reopened with
 * the reason; otherwise it stays closed. Only a closed case is looked back on.
 */
export const lookBack = (status: CaseStatus, finding: { readonly shortfall: boolean; readonly reason?: string | undefined }): CaseStatus => {
  if (status !== 'closed') throw new ConflictError('Only a closed case is looked back on');
  if (!finding.shortfall) return 'closed';
  if (!finding.reason) throw new RuleError('A reopening says why', [{ path: 'reason', message: '重新启动问责须说明问责不到位之处' }]);
  return 'reopened';
};
