/** Schemas of the deadline engine's routes: the calendar, the notice inbox and the contacts reminders go to. */
import { z } from 'zod';
import { Id, Instant, Text, UnitId, YearParam } from '#shared/http/inputs.js';

const CalendarKind = z.enum(['annualReport', 'hearing']).meta({ description: 'annualReport: 年度报告（次年1月31日）; hearing: 述责述廉（次年3月31日）' });

/** Path of a year's calendar. */
export const CalendarPath = z.strictObject({ year: YearParam });
/** Path of one deadline of a year's calendar. */
export const CalendarDeadlinePath = z.strictObject({ year: YearParam, kind: CalendarKind });

/** Body of `PUT /api/deadline-calendar/{year}/{kind}`: the new date, and why. */
export const MoveDeadlineBody = z
  .strictObject({ dueAt: Instant, reason: Text(500) })
  .meta({ examples: [{ dueAt: '2027-02-07T23:59:59+08:00', reason: '1月31日适逢春节假期，顺延至2月7日' }] });

/** A year's calendar as it stands. */
export const CalendarView = z.object({
  year: z.number().int(),
  deadlines: z.array(
    z.object({
      kind: CalendarKind,
      dueAt: z.string(),
      defaultDueAt: z.string(),
      moved: z.object({ reason: z.string(), previousDueAt: z.string(), changedAt: z.string(), changedBy: z.string() }).nullable(),
    }),
  ),
});

const Recipient = z.object({ unitId: z.string(), personId: z.string().nullable(), role: z.string() });

/** A notice in the inbox, as its reader sees it. */
export const NoticeView = z.object({
  noticeId: z.string(),
  type: z.enum(['reminder', 'escalation']),
  recipient: Recipient,
  deadline: z.object({ kind: z.string(), subject: z.string(), dueAt: z.string(), title: z.string() }),
  offsetDays: z.number().int().nullable(),
  round: z.number().int().nullable(),
  overdue: z.array(z.object({ unitId: z.string(), unitName: z.string(), daysOverdue: z.number().int() })),
  text: z.string(),
  link: z.string(),
  channels: z.array(z.enum(['inApp', 'email', 'sms'])),
  deliveries: z.record(z.string(), z.enum(['pending', 'sending', 'sent', 'failed'])),
  createdAt: z.string(),
  read: z.boolean(),
});

/** The caller's notices, newest first. */
export const NoticeList = z.object({ notices: z.array(NoticeView), unread: z.number().int() });

/** Query of `GET /api/notices`. */
export const NoticeQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional().meta({ description: 'Only unread notices' }),
  limit: z.coerce.number().int().min(1).max(200).optional().meta({ description: 'At most this many, newest first (default 50)' }),
});

/** Path of one notice. */
export const NoticePath = z.strictObject({ noticeId: z.string().regex(/^\d{8}-[0-9a-f-]{36}$/, '通知编号格式不正确').meta({ examples: ['20270124-0f8fad5b-d9cb-869f-a165-70867728950e'] }) });

const Mobile = z.string().regex(/^(\+86)?1\d{10}$/, '手机号码须为11位大陆手机号 / a mainland mobile number').meta({ examples: ['13800138000'] });
/** An address as mail servers take it: a plain local part (letters, digits, `._%+-`) and a domain of letters, digits and hyphens. */
const Email = z
  .string()
  .max(254)
  .regex(/^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/, '邮箱格式不正确 / not an email address')
  .meta({ examples: ['jiwei@example.gov.cn'] });

/** Where one recipient of a unit is reached: a role's people (the secretary, the discipline body) or one person. */
const ContactEntry = z.strictObject({
  for: z.enum(['unit_secretary', 'discipline_inspector', 'person']),
  personId: Id('person').optional(),
  email: Email.optional(),
  mobile: Mobile.optional(),
});

/** Path of a unit's contacts. */
export const ContactsPath = z.strictObject({ unitId: UnitId });

/** Body of `PUT /api/units/{unitId}/notification-contacts`: the unit's contacts, all of them. */
export const ContactsBody = z
  .strictObject({ contacts: z.array(ContactEntry).max(200) })
  .meta({ examples: [{ contacts: [{ for: 'unit_secretary', email: 'dangwei@example.gov.cn', mobile: '13800138000' }] }] });

/** A unit's contacts as kept. */
export const ContactsView = z.object({ unitId: z.string(), contacts: z.array(z.object({ for: z.string(), personId: z.string().optional(), email: z.string().optional(), mobile: z.string().optional() })) });
