/**
 * What the year-end assessment measures of a unit, from the facts its consumers keep of the other
 * services' events (and of its own), each value with the events it came from. Pure functions; the
 * rules are this project's defaults within what the texts say is measured (seed 000, 004):
 * - report timeliness: the year's first submission on time 1, late 0.5, none 0;
 * - report completeness: accepted 1, submitted but not accepted 0.5, none 0;
 * - lights: the red lights of the year's key tasks, counted (the indicator deducts per light);
 * - rectification closure: the share of items due in the year that are closed (1 with none due);
 * - signing coverage: the share of the year's letters of the unit signed by every party (0 with none);
 * - talks and notices: the share of the year's warning notices replied to on time (1 with none);
 * - accountability: 1 less 0.05, 0.1, 0.2 or 0.3 for each measure of grade 1 to 4 decided in the
 *   year on the unit's people, not below 0;
 * - patrol: the share of the year's patrol findings about the unit whose rectification item is
 *   closed (1 with none).
 */
import type { Basis, IndicatorSource, Measured } from './assessment.js';

/** A fact kept from an event, in the unit's facts. */
export type Fact =
  | { readonly fact: 'reportSubmitted'; readonly year: number; readonly late: boolean; readonly resubmission: boolean; readonly at: string; readonly eventId: string }
  | { readonly fact: 'reportAccepted'; readonly year: number; readonly eventId: string }
  | { readonly fact: 'light'; readonly year: number; readonly light: 'red' | 'yellow' | 'green'; readonly eventId: string }
  | { readonly fact: 'rectOpened'; readonly rectificationId: string; readonly dueDate: string; readonly eventId: string }
  | { readonly fact: 'rectClosed'; readonly rectificationId: string; readonly eventId: string }
  | { readonly fact: 'letterIssued'; readonly year: number; readonly letterId: string; readonly eventId: string }
  | { readonly fact: 'letterCompleted'; readonly year: number; readonly letterId: string; readonly eventId: string }
  | { readonly fact: 'notice'; readonly noticeId: string; readonly year: number; readonly eventId: string }
  | { readonly fact: 'noticeReply'; readonly noticeId: string; readonly onTime: boolean; readonly eventId: string }
  | { readonly fact: 'measure'; readonly measureId: string; readonly grade: number; readonly year: number; readonly eventId: string }
  | { readonly fact: 'patrolFinding'; readonly findingId: string; readonly requestId: string; readonly year: number; readonly eventId: string };

type Of<K extends Fact['fact']> = Extract<Fact, { fact: K }>;
const ofKind = <K extends Fact['fact']>(facts: readonly Fact[], kind: K): Array<Of<K>> => facts.filter((f): f is Of<K> => f.fact === kind);
const events = (facts: readonly { eventId: string }[]): Basis[] => facts.map((f) => ({ kind: 'event', id: f.eventId }));

/** Accountability's deduction for a measure of each grade. */
export const measureWeights: Readonly<Record<number, number>> = { 1: 0.05, 2: 0.1, 3: 0.2, 4: 0.3 };

const share = (part: number, whole: number, none: number): number => (whole === 0 ? none : part / whole);

/** The measured values of one unit for a year, for every source the events feed. */
export const measuredFrom = (facts: readonly Fact[], year: number): Partial<Record<IndicatorSource, Measured>> => {
  const submissions = ofKind(facts, 'reportSubmitted')
    .filter((f) => f.year === year)
    .sort((a, b) => a.at.localeCompare(b.at));
  const first = submissions.find((f) => !f.resubmission) ?? submissions[0];
  const accepted = ofKind(facts, 'reportAccepted').filter((f) => f.year === year);
  const reds = ofKind(facts, 'light').filter((f) => f.year === year && f.light === 'red');
  const due = ofKind(facts, 'rectOpened').filter((f) => f.dueDate.startsWith(`${year}-`));
  const closed = ofKind(facts, 'rectClosed').filter((c) => due.some((d) => d.rectificationId === c.rectificationId));
  const letters = ofKind(facts, 'letterIssued').filter((f) => f.year === year);
  const completed = ofKind(facts, 'letterCompleted').filter((c) => c.year === year && letters.some((l) => l.letterId === c.letterId));
  const notices = ofKind(facts, 'notice').filter((f) => f.year === year);
  const onTime = ofKind(facts, 'noticeReply').filter((r) => r.onTime && notices.some((n) => n.noticeId === r.noticeId));
  const measures = ofKind(facts, 'measure').filter((f) => f.year === year);
  const findings = ofKind(facts, 'patrolFinding').filter((f) => f.year === year);
  const rectified = ofKind(facts, 'rectClosed').filter((c) => findings.some((f) => f.requestId === c.rectificationId));
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  return {
    reportTimeliness: { value: first ? (first.late ? 0.5 : 1) : 0, basis: first ? events([first]) : [] },
    reportCompleteness: { value: accepted.length > 0 ? 1 : first ? 0.5 : 0, basis: events(accepted.length > 0 ? accepted : first ? [first] : []) },
    lights: { value: reds.length, basis: events(reds) },
    rectificationClosure: { value: round(share(closed.length, due.length, 1)), basis: events([...due, ...closed]) },
    signingCoverage: { value: round(share(completed.length, letters.length, 0)), basis: events([...letters, ...completed]) },
    talksAndNotices: { value: round(share(onTime.length, notices.length, 1)), basis: events([...notices, ...onTime]) },
    accountability: { value: round(Math.max(0, 1 - measures.reduce((n, m) => n + (measureWeights[m.grade] ?? 0), 0))), basis: events(measures) },
    patrol: { value: round(share(rectified.length, findings.length, 1)), basis: events([...findings, ...rectified]) },
  };
};
