import { defineService } from '#shared/manifest.js';
import { topics } from '#events/topics.js';
import { AnnualReportOverview, OverviewQuery } from './src/schemas.js';

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
      description: 'Projects the unit tree from signing.events',
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
  },
});
