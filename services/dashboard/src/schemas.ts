import { z } from 'zod';
import { UnitId, YearParam } from '#shared/http/inputs.js';
import { DeadlineKind, RectificationSource } from '#events/reports/parts.js';
import { SourceKind, TalkKind } from '#events/interviews/parts.js';

/** Query of `GET /api/dashboard/signing`: the year reported on. */
export const OverviewQuery = z.strictObject({ year: YearParam });

/** A yes-or-no query parameter, spelled as the other routes spell one. */
const Flag = (description: string) => z.enum(['true', 'false']).optional().meta({ description, examples: ['true'] });

/** Query of `GET /api/dashboard/annual-reports`: the year reported on, and whether to answer each unit's cycle in detail. */
export const AnnualReportQuery = z.strictObject({
  year: YearParam,
  detail: Flag('`true` adds each unit’s report (status in the cycle, late, version, last change, why returned) and the count of each status'),
});

/**
 * A unit's annual report in the overview: `missing` (no report), `draft`, `submitted` (in time),
 * `late` (submitted after the deadline), `returned` (for revision), `accepted`, `reopened` (after
 * the deadline, by the upper level).
 */
export const ReportStatus = z.enum(['missing', 'draft', 'submitted', 'late', 'returned', 'accepted', 'reopened']);
export type ReportStatus = z.infer<typeof ReportStatus>;

/** Where a unit's annual report is in its cycle; whether it was late is a flag beside it. */
export const AnnualReportStatus = z.enum(['missing', 'draft', 'submitted', 'returned', 'accepted', 'reopened']);
export type AnnualReportStatus = z.infer<typeof AnnualReportStatus>;

/** A unit's annual report in detail. */
export const ReportView = z.object({
  status: AnnualReportStatus,
  /** The last submission came after the deadline. */
  late: z.boolean(),
  version: z.number().int().nullable(),
  /** When the report last changed (ISO 8601); null when not known. */
  changedAt: z.string().nullable(),
  /** Why and by whom it was returned, while it is `returned`. */
  returned: z.object({ by: z.enum(['upperCommittee', 'disciplineCommission']), reason: z.string() }).nullable(),
});
export type ReportView = z.infer<typeof ReportView>;

/**
 * Answer of `GET /api/dashboard/annual-reports?year=Y`. `submitted` counts the units that have
 * submitted (late or not, accepted included), `late` those of them whose last submission was late,
 * `missing` the others. With `detail=true`, `counts` and each unit's `report` are added.
 */
export const AnnualReportOverview = z.object({
  year: z.number().int(),
  expected: z.number().int(),
  submitted: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  counts: z.record(AnnualReportStatus, z.number().int()).optional(),
  units: z.array(z.object({ unitId: z.string(), name: z.string(), parentId: z.string().nullable(), status: ReportStatus, report: ReportView.optional() })),
});
export type AnnualReportOverview = z.infer<typeof AnnualReportOverview>;

/** Answer of `GET /api/dashboard/cursor`: compared, never read; it changes whenever an event changed the read models. */
export const ChangeCursor = z.object({ cursor: z.string().meta({ examples: ['1024'] }) });
export type ChangeCursor = z.infer<typeof ChangeCursor>;

/** Answer of `GET /api/dashboard/signing?year=Y`. */
export const SigningCoverage = z.object({
  year: z.number().int(),
  levels: z.array(
    z.object({
      level: z.number().int(),
      units: z.number().int(),
      total: z.number().int(),
      done: z.number().int(),
      pending: z.number().int(),
      percentDone: z.number().nullable(),
      waitingOn: z.array(z.object({ unitName: z.string(), name: z.string(), party: z.enum(['issuer', 'recipient']) })),
    }),
  ),
});
export type SigningCoverage = z.infer<typeof SigningCoverage>;

/** Where a rectification item is: open (again, after rejected evidence), evidence submitted, closed. */
export const RectificationStatus = z.enum(['open', 'evidenceSubmitted', 'closed']);
export type RectificationStatus = z.infer<typeof RectificationStatus>;

/** Query of `GET /api/dashboard/rectifications`: only items in a status, only overdue ones (or only those not overdue). */
export const RectificationQuery = z.strictObject({
  status: RectificationStatus.optional().meta({ description: 'Only items in this status', examples: ['open'] }),
  overdue: Flag('`true`: only items past their due date and not closed; `false`: only the others'),
});
export type RectificationQuery = z.infer<typeof RectificationQuery>;

/** Answer of `GET /api/dashboard/rectifications`. `counts` are of every item in reach, whatever the filters. */
export const RectificationOverview = z.object({
  /** Today in China Standard Time, the day `overdue` is reckoned on. */
  today: z.string(),
  counts: z.object({ open: z.number().int(), evidenceSubmitted: z.number().int(), closed: z.number().int(), overdue: z.number().int() }),
  items: z.array(
    z.object({
      rectificationId: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      source: RectificationSource,
      action: z.string(),
      /** The calendar date it is due by, China Standard Time. */
      dueDate: z.string(),
      status: RectificationStatus,
      /** Not closed and due before today. */
      overdue: z.boolean(),
      /** How many steps it has been through (opened, evidence, reopened, closed). */
      history: z.number().int(),
      openedAt: z.string(),
      changedAt: z.string(),
    }),
  ),
});
export type RectificationOverview = z.infer<typeof RectificationOverview>;

/** Query of `GET /api/dashboard/key-task-lights`: the year of the key tasks. */
export const KeyTaskLightsQuery = z.strictObject({ year: YearParam });

/** A quarter's status light. */
export const Light = z.enum(['red', 'yellow', 'green']);
export type Light = z.infer<typeof Light>;

/** The quarters of a year, as the keys of an answer. */
export const QuarterKey = z.enum(['1', '2', '3', '4']);
export type QuarterKey = z.infer<typeof QuarterKey>;

/** Answer of `GET /api/dashboard/key-task-lights?year=Y`. */
export const KeyTaskLights = z.object({
  year: z.number().int(),
  /** How many tasks each quarter rated red, yellow and green. */
  counts: z.record(QuarterKey, z.object({ red: z.number().int(), yellow: z.number().int(), green: z.number().int() })),
  tasks: z.array(
    z.object({
      taskId: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      year: z.number().int(),
      title: z.string(),
      responsible: z.object({ personId: z.string(), name: z.string() }),
      /** Closed (销号), confirmed by the commission. */
      closed: z.boolean(),
      /** The unit's last progress asked for the task to be closed. */
      closingRequested: z.boolean(),
      /** The light of each quarter rated so far. */
      lights: z.partialRecord(QuarterKey, Light),
      /** Why each quarter got its light. */
      reasons: z.partialRecord(QuarterKey, z.string()),
      /** How many comments commission members made on each quarter's light. */
      comments: z.record(QuarterKey, z.number().int()),
    }),
  ),
});
export type KeyTaskLights = z.infer<typeof KeyTaskLights>;

/** Which units `GET /api/dashboard/reminders` keeps: those escalated now, those reminded, those with a failed delivery. */
export const ReminderStatusFilter = z.enum(['escalated', 'reminded', 'failed']);
export type ReminderStatusFilter = z.infer<typeof ReminderStatusFilter>;

/** Query of `GET /api/dashboard/reminders`: whose subtree, which kind of deadline, which units. */
export const RemindersQuery = z.strictObject({
  unitId: UnitId.optional().meta({ description: 'The unit whose subtree is answered; by default the caller’s unit (the whole tree for an admin without one)' }),
  kind: DeadlineKind.optional().meta({ description: 'Only deadlines of this kind', examples: ['annualReport'] }),
  status: ReminderStatusFilter.optional().meta({ description: '`escalated`: only units escalated now; `reminded`: only units reminded; `failed`: only units with a failed delivery', examples: ['escalated'] }),
});
export type RemindersQuery = z.infer<typeof RemindersQuery>;

/** One unit's reminders and escalation in `GET /api/dashboard/reminders`. */
export const UnitReminders = z.object({
  unitId: z.string(),
  unitName: z.string(),
  /** The reminders the unit's people got, each counted once, and the one of the latest run. */
  reminders: z.object({
    count: z.number().int(),
    last: z.object({ kind: DeadlineKind, subject: z.string(), dueAt: z.string(), offsetDays: z.number().int(), runAt: z.string() }).nullable(),
  }),
  /** Deliveries by email or SMS that failed after their retries (the in-app notice stands), one per reminder and channel. */
  deliveryFailures: z.object({
    count: z.number().int(),
    last: z.object({ channel: z.enum(['email', 'sms']), reason: z.string(), at: z.string() }).nullable(),
  }),
  /** The last escalation round that named the unit overdue, while it is current (the engine repeats it weekly until the unit is done); null otherwise. */
  escalation: z
    .object({ round: z.number().int(), at: z.string(), kind: DeadlineKind, subject: z.string(), dueAt: z.string(), daysOverdue: z.number().int() })
    .nullable(),
});
export type UnitReminders = z.infer<typeof UnitReminders>;

/**
 * Answer of `GET /api/dashboard/reminders`: the units of the subtree (parents before children, then
 * by name) that `status` lets through. `totals` are of every unit of the subtree, whatever `status`;
 * `kind` narrows both.
 */
export const ReminderOverview = z.object({
  totals: z.object({
    /** Units in the subtree. */
    units: z.number().int(),
    /** Units reminded at least once, and the reminders they got. */
    reminded: z.number().int(),
    reminders: z.number().int(),
    /** Units with a failed delivery, and the failed deliveries. */
    failed: z.number().int(),
    deliveryFailures: z.number().int(),
    /** Units escalated now. */
    escalated: z.number().int(),
  }),
  units: z.array(UnitReminders),
});
export type ReminderOverview = z.infer<typeof ReminderOverview>;

/** Query of `GET /api/dashboard/interviews`: the year counted, and whose subtree. */
export const InterviewsQuery = z.strictObject({
  year: YearParam,
  unitId: UnitId.optional().meta({ description: 'The unit whose subtree is answered; by default the caller’s unit (the whole tree for an admin without one)' }),
});
export type InterviewsQuery = z.infer<typeof InterviewsQuery>;

/**
 * What the dashboard counts of talks, warning notices and integrity education in a year: of one unit
 * in a row, of every unit answered in the totals. Counts only: no person is named.
 */
export const InterviewCounts = z.object({
  /** Talks held in the year, by kind. */
  talksByKind: z.record(TalkKind, z.number().int()),
  /** Talks held in the year, by where they came from (a key task's light, a hearing comment, a hotline clue, ...). */
  talksBySource: z.record(SourceKind, z.number().int()),
  /** Talks proposed in the year that the service suggested (from a red light) rather than a person. */
  suggested: z.number().int(),
  /** Warning notices issued in the year. The three counts after it are of these notices, as they stand now. */
  noticesIssued: z.number().int(),
  /** Waiting for a written reply: issued, or the reply returned, and no reply since. */
  noticesOutstanding: z.number().int(),
  /** Waiting for a reply that is overdue: escalated and no reply since. */
  noticesOverdue: z.number().int(),
  /** Closed: the reply accepted by the commission. */
  noticesAccepted: z.number().int(),
  /** Whether the unit filed its integrity-education plan of the year (0 or 1); in the totals, the units that did. */
  planFiled: z.number().int(),
  /** Integrity-education sessions of the year, and the attendance they summed. */
  sessions: z.number().int(),
  attendance: z.number().int(),
  /** Pre-appointment integrity trainings completed for the year. */
  trainings: z.number().int(),
});
export type InterviewCounts = z.infer<typeof InterviewCounts>;

/** One unit's row in `GET /api/dashboard/interviews`. */
export const UnitInterviews = z.object({ unitId: z.string(), name: z.string(), parentId: z.string().nullable(), ...InterviewCounts.shape });
export type UnitInterviews = z.infer<typeof UnitInterviews>;

/**
 * Answer of `GET /api/dashboard/interviews?year=Y`: a row for every unit of the subtree (parents
 * before children, then by name), units without any activity with zeros, and their totals.
 */
export const InterviewsOverview = z.object({
  year: z.number().int(),
  rows: z.array(UnitInterviews),
  totals: InterviewCounts,
});
export type InterviewsOverview = z.infer<typeof InterviewsOverview>;
