import { defineService } from '#shared/manifest.js';
import { topics } from '#events/topics.js';
import { AnnualReportOverview, OverviewQuery, SigningCoverage } from './src/schemas.js';

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
      description: 'Projects annual report status from reports.events',
      memoryMb: 256,
      timeoutSeconds: 60,
      triggers: [{ type: 'kafka', topic: topics.reports, batchSize: 500, startingPosition: 'TRIM_HORIZON' }],
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
          roles: ['unit_staff', 'unit_secretary', 'discipline_inspector', 'organisation_dept', 'admin'],
          reach: { kind: 'listing' },
          summary: '年度报告提交情况 / Annual report status',
          request: { query: OverviewQuery },
          responses: { 200: { description: 'Status per unit', body: AnnualReportOverview } },
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
          roles: ['unit_staff', 'unit_secretary', 'discipline_inspector', 'organisation_dept', 'admin'],
          reach: { kind: 'listing' },
          summary: '责任书签订进度（看板） / Signing coverage, from the topics',
          request: { query: OverviewQuery },
          responses: { 200: { description: 'Letters in force, completed and pending per level, and who has not signed', body: SigningCoverage } },
        },
      ],
    },
  },
});
