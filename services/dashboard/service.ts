import { defineService } from '#shared/manifest.js';
import { topics } from '#events/topics.js';
import { Problem } from '#shared/http/problem.js';
import {
  AnnualReportOverview,
  AnnualReportQuery,
  ChangeCursor,
  InterviewsOverview,
  InterviewsQuery,
  KeyTaskLights,
  KeyTaskLightsQuery,
  OverviewQuery,
  RectificationOverview,
  RectificationQuery,
  ReminderOverview,
  RemindersQuery,
  SigningCoverage,
} from './src/schemas.js';

/** Who may read the dashboard: every role, each within the subtree of its unit. */
const readers = ['unit_staff', 'unit_secretary', 'discipline_inspector', 'organisation_dept', 'admin'] as const;

/** dashboard: read models built from the topics, for the oversight dashboard. */
export default defineService({
  name: 'dashboard',
  produces: [],
  tables: {
    main: { name: 'dashboard', stream: false },
  },
  functions: {
    onSigningEvents: {
      entry: 'src/handlers/onSigningEvents.ts',
      description: 'Projects the unit tree and the letters from signing.events',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.signing, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
    },
    onReportsEvents: {
      entry: 'src/handlers/onReportsEvents.ts',
      description: 'Projects annual report status, rectification items, key tasks with their lights, and reminders and escalations from reports.events',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.reports, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
    },
    onInterviewsEvents: {
      entry: 'src/handlers/onInterviewsEvents.ts',
      description: 'Projects talks held and suggested, warning notices and their replies, and integrity education, counted per unit and year, from interviews.events',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.interviews, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
    },
    changeCursor: {
      entry: 'src/handlers/changeCursor.ts',
      description: 'Where the read models are: an open dashboard polls it and fetches its views again when it moves',
      memoryMb: 256,
      timeoutSeconds: 5,
      triggers: [
        {
          type: 'http',
          method: 'GET',
          path: '/api/dashboard/cursor',
          roles: readers,
          reach: { kind: 'listing' },
          summary: '看板更新游标 / Change cursor of the dashboard',
          responses: { 200: { description: 'The cursor; it changes whenever an event changed the read models', body: ChangeCursor } },
        },
      ],
    },
    annualReportOverview: {
      entry: 'src/handlers/annualReportOverview.ts',
      description: 'Annual report status of every unit in the caller’s subtree',
      memoryMb: 512,
      timeoutSeconds: 10,
      triggers: [
        {
          type: 'http',
          method: 'GET',
          path: '/api/dashboard/annual-reports',
          roles: readers,
          reach: { kind: 'listing' },
          summary: '年度报告提交情况 / Annual report status',
          request: { query: AnnualReportQuery },
          responses: { 200: { description: 'Status per unit; with detail=true, each unit’s report in its cycle and the count of each status', body: AnnualReportOverview } },
        },
      ],
    },
    signingCoverage: {
      entry: 'src/handlers/signingCoverage.ts',
      description: 'Letters signed, level by level of the caller’s subtree',
      memoryMb: 512,
      timeoutSeconds: 10,
      triggers: [
        {
          type: 'http',
          method: 'GET',
          path: '/api/dashboard/signing',
          roles: readers,
          reach: { kind: 'listing' },
          summary: '责任书签订进度（看板） / Signing coverage, from the topics',
          request: { query: OverviewQuery },
          responses: { 200: { description: 'Letters in force, completed and pending per level, and who has not signed', body: SigningCoverage } },
        },
      ],
    },
    rectificationOverview: {
      entry: 'src/handlers/rectificationOverview.ts',
      description: 'Rectification items of the caller’s subtree, with those overdue',
      memoryMb: 512,
      timeoutSeconds: 10,
      triggers: [
        {
          type: 'http',
          method: 'GET',
          path: '/api/dashboard/rectifications',
          roles: readers,
          reach: { kind: 'listing' },
          summary: '整改事项（看板） / Rectification items',
          request: { query: RectificationQuery },
          responses: { 200: { description: 'Items soonest due first, whether each is overdue, and the count of each status and of those overdue', body: RectificationOverview } },
        },
      ],
    },
    keyTaskLights: {
      entry: 'src/handlers/keyTaskLights.ts',
      description: 'Key tasks of the caller’s subtree with their quarterly lights',
      memoryMb: 512,
      timeoutSeconds: 10,
      triggers: [
        {
          type: 'http',
          method: 'GET',
          path: '/api/dashboard/key-task-lights',
          roles: readers,
          reach: { kind: 'listing' },
          summary: '重点任务红黄绿灯（看板） / Key task lights',
          request: { query: KeyTaskLightsQuery },
          responses: { 200: { description: 'Each task’s light and reason per quarter, its comments, and red, yellow and green per quarter', body: KeyTaskLights } },
        },
      ],
    },
    reminderOverview: {
      entry: 'src/handlers/reminderOverview.ts',
      description: 'Reminders, failed deliveries and escalation of every unit of a subtree in the caller’s reach',
      memoryMb: 512,
      timeoutSeconds: 10,
      triggers: [
        {
          type: 'http',
          method: 'GET',
          path: '/api/dashboard/reminders',
          roles: readers,
          reach: { kind: 'listing' },
          summary: '催办与督办情况（看板） / Reminders and escalations',
          request: { query: RemindersQuery },
          responses: {
            200: { description: 'Per unit of the subtree: reminders got, failed deliveries, the escalation that stands; and their totals', body: ReminderOverview },
            404: { description: 'Unknown unit (only to an admin of the whole tree)', body: Problem },
          },
        },
      ],
    },
    interviewsOverview: {
      entry: 'src/handlers/interviewsOverview.ts',
      description: 'Talks, warning notices and integrity education of the year, per unit of a subtree in the caller’s reach',
      memoryMb: 512,
      timeoutSeconds: 10,
      triggers: [
        {
          type: 'http',
          method: 'GET',
          path: '/api/dashboard/interviews',
          roles: readers,
          reach: { kind: 'listing' },
          summary: '约谈、预警提示与廉政教育（看板） / Talks, warning notices and integrity education',
          request: { query: InterviewsQuery },
          responses: {
            200: { description: 'Per unit of the subtree: talks held by kind and by source, talks suggested, warning notices and where they stand, the education plan, sessions, attendance and trainings; and their totals', body: InterviewsOverview },
            404: { description: 'Unknown unit (only to an admin of the whole tree)', body: Problem },
          },
        },
      ],
    },
  },
});
