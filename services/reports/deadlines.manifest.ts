/**
 * The deadline engine's functions in the reports service: the calendar, the daily run, the sending
 * of what it decided, the tracking of who is done, the notice inbox and the contacts reminders go to.
 */
import { Problem } from '#shared/http/problem.js';
import { httpFunction, type FunctionSpec } from '#shared/manifest.js';
import { topics } from '#events/topics.js';
import {
  CalendarDeadlinePath,
  CalendarPath,
  CalendarView,
  ContactsBody,
  ContactsPath,
  ContactsView,
  MoveDeadlineBody,
  NoticeList,
  NoticePath,
  NoticeQuery,
  NoticeView,
} from './src/deadlineSchemas.js';

const everyRole = ['unit_staff', 'unit_secretary', 'discipline_inspector', 'organisation_dept', 'admin'] as const;
const unitInPath = { in: 'path', name: 'unitId' } as const;

export const deadlineFunctions = {
  viewCalendar: httpFunction('src/handlers/viewCalendar.ts', 'Reads the deadline calendar of a year', {
    method: 'GET',
    path: '/api/deadline-calendar/{year}',
    roles: everyRole,
    reach: { kind: 'listing' },
    summary: '截止日历（年度报告、述责述廉） / The deadline calendar of a year',
    request: { path: CalendarPath },
    responses: { 200: { description: 'Each deadline of the year, with why it moved', body: CalendarView } },
  }),
  moveDeadline: httpFunction('src/handlers/moveDeadline.ts', 'Moves a deadline of the calendar for every unit', {
    method: 'PUT',
    path: '/api/deadline-calendar/{year}/{kind}',
    roles: ['admin'],
    reach: { kind: 'listing' },
    summary: '调整截止时间（如春节假期顺延） / Move a deadline for every unit',
    request: { path: CalendarDeadlinePath, body: MoveDeadlineBody },
    responses: {
      200: { description: 'The calendar after the move', body: CalendarView },
      403: { description: 'Not an admin of the whole tree', body: Problem },
      409: { description: 'Changed by someone else meanwhile', body: Problem },
      422: { description: 'A date outside the year after the reported year, or the current date', body: Problem },
    },
  }),
  listNotices: httpFunction('src/handlers/listNotices.ts', 'Lists the caller’s notices, newest first', {
    method: 'GET',
    path: '/api/notices',
    roles: everyRole,
    reach: { kind: 'listing' },
    summary: '我的通知（截止提醒、逾期督办） / My notices',
    request: { query: NoticeQuery },
    responses: { 200: { description: 'The notices and how many are unread', body: NoticeList } },
  }),
  markNoticeRead: httpFunction('src/handlers/markNoticeRead.ts', 'Marks one of the caller’s notices read', {
    method: 'POST',
    path: '/api/notices/{noticeId}/read',
    roles: everyRole,
    reach: { kind: 'listing' },
    summary: '标记为已读 / Mark a notice read',
    request: { path: NoticePath },
    responses: { 200: { description: 'The notice, read', body: NoticeView }, 404: { description: 'No such notice for the caller', body: Problem } },
  }),
  viewContacts: httpFunction('src/handlers/viewContacts.ts', 'Reads where a unit’s reminders go by email and SMS', {
    method: 'GET',
    path: '/api/units/{unitId}/notification-contacts',
    roles: ['unit_secretary'],
    reach: { kind: 'own-unit', unit: unitInPath },
    summary: '提醒联系方式 / Where reminders go',
    request: { path: ContactsPath },
    responses: { 200: { description: 'The unit’s contacts', body: ContactsView } },
  }),
  replaceContacts: httpFunction('src/handlers/replaceContacts.ts', 'Replaces where a unit’s reminders go by email and SMS', {
    method: 'PUT',
    path: '/api/units/{unitId}/notification-contacts',
    roles: ['unit_secretary'],
    reach: { kind: 'own-unit', unit: unitInPath },
    summary: '设置提醒联系方式 / Set where reminders go',
    request: { path: ContactsPath, body: ContactsBody },
    responses: { 200: { description: 'The unit’s contacts', body: ContactsView }, 422: { description: 'A contact without a way to reach it, or named twice', body: Problem } },
  }),
  runDeadlines: {
    entry: 'src/handlers/runDeadlines.ts',
    description: 'Decides the day’s reminders and escalations of every deadline, for the schedule’s own time',
    memoryMb: 1024,
    timeoutSeconds: 300,
    triggers: [{ type: 'schedule', cron: '0 9 * * ? *', timeZone: 'Asia/Shanghai' }],
  },
  dispatchReminders: {
    entry: 'src/handlers/dispatchReminders.ts',
    description: 'Sends what a run decided: in-app notices with their events, then email and SMS',
    memoryMb: 512,
    timeoutSeconds: 300,
    sendsNotifications: true,
    triggers: [{ type: 'stream', table: 'main', batchSize: 10, kindFilter: 'dispatch' }],
  },
  trackDeadlines: {
    entry: 'src/handlers/trackDeadlines.ts',
    description: 'Keeps who is done with each deadline, and the due dates of single records, from reports.events',
    memoryMb: 256,
    timeoutSeconds: 60,
    triggers: [{ type: 'kafka', topic: topics.reports, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
  },
} satisfies Record<string, FunctionSpec>;
