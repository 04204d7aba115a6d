import { defineService } from '#shared/manifest.js';
import { topics } from '#events/topics.js';
import { Problem } from '#shared/http/problem.js';
import { AnnualReportView, ReportPath, SaveDraftBody } from './src/schemas.js';

const reportErrors = {
  404: { description: 'No draft to submit', body: Problem },
  409: { description: 'The report is already submitted, or was changed meanwhile', body: Problem },
} as const;

/** reports: annual reports on the main responsibility (due 31 January) and, later, hearings and key tasks. */
export default defineService({
  name: 'reports',
  produces: [topics.reports],
  tables: {
    main: { name: 'reports', stream: true },
  },
  functions: {
    saveDraft: {
      entry: 'src/handlers/saveDraft.ts',
      description: 'Saves the draft of a unit’s annual report',
      memoryMb: 512,
      timeoutSeconds: 10,
      triggers: [
        {
          type: 'http',
          method: 'PUT',
          path: '/api/units/{unitId}/annual-reports/{year}',
          roles: ['unit_staff', 'unit_secretary'],
          reach: { kind: 'own-unit', unit: { in: 'path', name: 'unitId' } },
          summary: '保存年度报告草稿 / Save the annual report draft',
          request: { path: ReportPath, body: SaveDraftBody },
          responses: { 200: { description: 'The saved draft', body: AnnualReportView }, ...reportErrors },
        },
      ],
    },
    submit: {
      entry: 'src/handlers/submit.ts',
      description: 'Submits a unit’s annual report',
      memoryMb: 512,
      timeoutSeconds: 10,
      triggers: [
        {
          type: 'http',
          method: 'POST',
          path: '/api/units/{unitId}/annual-reports/{year}/submit',
          roles: ['unit_secretary'],
          reach: { kind: 'own-unit', unit: { in: 'path', name: 'unitId' } },
          summary: '提交年度报告 / Submit the annual report',
          request: { path: ReportPath },
          responses: { 200: { description: 'The submitted report', body: AnnualReportView }, ...reportErrors },
        },
      ],
    },
    onSigningEvents: {
      entry: 'src/handlers/onSigningEvents.ts',
      description: 'Learns which units exist from signing.events',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.signing, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
    },
    remindAnnualReports: {
      entry: 'src/handlers/remindAnnualReports.ts',
      description: 'Counts the units whose annual report is not yet submitted, a week before 31 January',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'schedule', cron: '0 9 24 1 ? *', timeZone: 'Asia/Shanghai' }],
    },
    relay: {
      entry: 'src/handlers/relay.ts',
      description: 'Publishes outbox items to reports.events',
      memoryMb: 256,
      timeoutSeconds: 30,
      triggers: [{ type: 'stream', table: 'main', batchSize: 1000, kindFilter: 'outbox' }],
    },
  },
});
