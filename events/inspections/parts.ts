/** Parts that several `inspections` events share. */
import { z } from 'zod';

/**
 * Where an accountability case comes from (a clue): a typed reference to the record behind it, so
 * that every source is linked. A hearing comment, a talk, a warning notice, a patrol finding, a
 * complaint or an integrity situation report name their records; `failureToPursue` names the case
 * whose accountability was not pursued (itself a case); `manual` is a clue entered by hand.
 */
export const CaseSourceKind = z.enum(['hearingComment', 'talk', 'warningNotice', 'patrolFinding', 'complaint', 'situationReport', 'failureToPursue', 'manual']);
export type CaseSourceKind = z.infer<typeof CaseSourceKind>;

export const CaseSource = z.object({ kind: CaseSourceKind, id: z.string().min(1) });
export type CaseSource = z.infer<typeof CaseSource>;

/** A person as the inspections events name them: an id of the signing service and the unit of their post, never a name. */
export const PersonInUnit = z.object({ personId: z.string().min(1), unitId: z.string().min(1) });
export type PersonInUnit = z.infer<typeof PersonInUnit>;

/**
 * The graded measures (问责方式), from the lightest: circulated criticism and ordered
 * self-examination; admonishment; organisational handling; disciplinary sanction.
 */
export const MeasureKind = z.enum([
  'circulatedCriticism',
  'orderedSelfExamination',
  'admonishment',
  'suspension',
  'reassignment',
  'orderedResignation',
  'removal',
  'demotion',
  'partyWarning',
  'seriousWarning',
  'removalFromPartyPosts',
  'probation',
  'expulsion',
]);
export type MeasureKind = z.infer<typeof MeasureKind>;

/** The two extra investigations of 一案双查: the committee's main responsibility and the commission's supervisory one. */
export const InquiryKind = z.enum(['mainResponsibility', 'supervisoryResponsibility']);
export type InquiryKind = z.infer<typeof InquiryKind>;

/** What a ban bars: a post equivalent to the one left (or a higher one), or any promotion. */
export const BanKind = z.enum(['equivalentPost', 'promotion']);
export type BanKind = z.infer<typeof BanKind>;

/** How an appointment stands to the person's present post. */
export const AppointmentKind = z.enum(['equivalent', 'promotion', 'lower']);
export type AppointmentKind = z.infer<typeof AppointmentKind>;
