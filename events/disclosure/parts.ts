/** What the events of `disclosure.events` share. Only what is safe in public goes on the topic: ids, units, dates, states, never a complaint's words or a complainant. */
import { z } from 'zod';

/** How a complaint came in: the public form, or a village supervisory committee's monthly clues. */
export const ComplaintChannel = z.enum(['public', 'villageCommittee']);
export type ComplaintChannel = z.infer<typeof ComplaintChannel>;

/** A complainant's rating of the answer (满意、基本满意、不满意); the first two count as satisfied. */
export const Rating = z.enum(['satisfied', 'basicallySatisfied', 'dissatisfied']);
export type Rating = z.infer<typeof Rating>;

/** Where a referred complaint went: an accountability case, a talk, or another competent body. */
export const ReferralKind = z.enum(['case', 'talk', 'otherBody']);
export type ReferralKind = z.infer<typeof ReferralKind>;

/**
 * The kinds of a village supervisory committee's monthly clue (村务监督委员会), by which the town's
 * discipline body sorts them: village finances, projects, collective assets and resources, benefits
 * paid to villagers, cadres' conduct, and anything else.
 */
export const ClueKind = z.enum(['finance', 'project', 'asset', 'benefit', 'conduct', 'other']);
export type ClueKind = z.infer<typeof ClueKind>;

/** The ids every complaint event carries: the complaint, the unit complained about and the one handling it. */
export const ComplaintIds = z.object({
  complaintId: z.string().min(1),
  unitId: z.string().min(1),
  handlingUnitId: z.string().min(1),
});

/**
 * What may be published (公开), each built from its own allow-list: a key task, its progress and its
 * quarter's light (reports); a ranking, a typical case, a clarification notice and a quarter's
 * circulation of accountability work (inspections).
 */
export const PublicationKind = z.enum(['keyTask', 'keyTaskProgress', 'keyTaskLight', 'ranking', 'typicalCase', 'clarification', 'circulation']);
export type PublicationKind = z.infer<typeof PublicationKind>;

/** Who may read a published item: anyone, every signed-in unit, or the units of the reviewing unit's subtree. */
export const DisclosureScope = z.enum(['public', 'system', 'subtree']);
export type DisclosureScope = z.infer<typeof DisclosureScope>;

/** A value of a public payload: text, a number, a yes or no, or nothing. */
export const PublicScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type PublicScalar = z.infer<typeof PublicScalar>;

/** A published payload: the allow-listed fields of its kind, redacted; a table (a ranking) as rows of such values. */
export const PublicPayload = z.record(z.string(), z.union([PublicScalar, z.array(z.record(z.string(), PublicScalar))]));
export type PublicPayload = z.infer<typeof PublicPayload>;

/** The ids every publication event carries: the item, its kind and the unit it is about. */
export const PublicationIds = z.object({
  itemId: z.string().min(1),
  kind: PublicationKind,
  unitId: z.string().min(1),
});

/** The subject of a complaint's answer deadline, which the reports service's engine tracks as an `external` deadline. */
export const answerDeadlineSubject = (complaintId: string): string => `complaint.${complaintId}`;
/** The complaint of a deadline's subject, if it is an answer deadline. */
export const complaintOfSubject = (subject: string): string | undefined => (subject.startsWith('complaint.') ? subject.slice('complaint.'.length) : undefined);
