/** Parts that several `reports` events share. */
import { z } from 'zod';

/**
 * Where a rectification item comes from: every service that demands rectification names itself
 * and its record, and follows the item on `reports.events` (one model, one owner).
 */
export const RectificationSource = z.object({
  kind: z.enum(['hearing', 'talk', 'warningNotice', 'patrol', 'feedbackSheet', 'complaint', 'assessment', 'situationReport']),
  /** The record that demanded it (a hearing comment's id, say). */
  id: z.string().min(1),
});
export type RectificationSource = z.infer<typeof RectificationSource>;

/** A file supporting an item: its id in the attachment store and the SHA-256 of its content. */
export const Evidence = z.object({
  attachmentId: z.string().min(1),
  name: z.string().min(1),
  mediaType: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Evidence = z.infer<typeof Evidence>;

/** Which rectification item an event is about, whose unit owns it, and where it came from. */
export const RectificationRef = z.object({
  rectificationId: z.string().min(1),
  unitId: z.string().min(1),
  source: RectificationSource,
});

/** Which key task an event is about: its unit's table of the year. */
export const KeyTaskRef = z.object({
  taskId: z.string().min(1),
  unitId: z.string().min(1),
  year: z.number().int(),
});

/** A quarter of the year. */
export const Quarter = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/** A hearing of a unit's year. */
export const HearingRef = z.object({
  hearingId: z.string().min(1),
  unitId: z.string().min(1),
  year: z.number().int(),
});

/**
 * What a deadline is about: the annual report and the hearing of a year, a key task's time node, a
 * rectification item, a month's ledger filing; other services register theirs as `external`.
 */
export const DeadlineKind = z.enum(['annualReport', 'hearing', 'keyTaskMilestone', 'rectification', 'ledgerFiling', 'external']);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

/** One deadline of one unit: its kind, the record it is about (`2026` for a year's report, an item's id…) and when it falls due. */
export const DeadlineRef = z.object({
  kind: DeadlineKind,
  /** The record the deadline is about, unique within its kind and unit. */
  subject: z.string().min(1),
  unitId: z.string().min(1),
  dueAt: z.iso.datetime({ offset: true }),
});
export type DeadlineRef = z.infer<typeof DeadlineRef>;

/** Where a reminder or an escalation goes: a unit's people in a role, or one person. */
export const Recipient = z.object({
  unitId: z.string().min(1),
  /** A person, when the deadline is one person's (a ledger filing); null for the unit's people in `role`. */
  personId: z.string().min(1).nullable(),
  role: z.enum(['unit_staff', 'unit_secretary', 'discipline_inspector', 'organisation_dept']),
});
export type Recipient = z.infer<typeof Recipient>;

/** The ways a reminder is delivered: always in the app, and by email and SMS where the recipient has them. */
export const Channel = z.enum(['inApp', 'email', 'sms']);
