import { defineService } from '#shared/manifest.js';
import { topics } from '#events/topics.js';
import { Problem } from '#shared/http/problem.js';
import { RegisterUnitBody, UnitList, UnitView } from './src/schemas.js';

/** signing: the unit tree (and, in later issues, lists, letters and signatures). */
export default defineService({
  name: 'signing',
  produces: [topics.signing],
  tables: {
    main: { name: 'signing', stream: true },
  },
  functions: {
    registerUnit: {
      entry: 'src/handlers/registerUnit.ts',
      description: 'Registers a unit in the unit tree',
      memoryMb: 512,
      timeoutSeconds: 10,
      triggers: [
        {
          type: 'http',
          method: 'POST',
          path: '/api/units',
          roles: ['admin'],
          reach: { kind: 'subtree', unit: { in: 'body', name: 'parentId' } },
          summary: '登记单位 / Register a unit',
          idempotent: true,
          request: { body: RegisterUnitBody },
          responses: {
            201: { description: 'The unit', body: UnitView },
            404: { description: 'Unknown parent unit (only to an admin of the whole tree)', body: Problem },
          },
        },
      ],
    },
    listUnits: {
      entry: 'src/handlers/listUnits.ts',
      description: "Lists the units in the caller's subtree",
      memoryMb: 512,
      timeoutSeconds: 10,
      triggers: [
        {
          type: 'http',
          method: 'GET',
          path: '/api/units',
          roles: ['unit_staff', 'unit_secretary', 'discipline_inspector', 'organisation_dept', 'admin'],
          reach: { kind: 'listing' },
          summary: '本级及下级单位 / Units in the caller’s subtree',
          responses: { 200: { description: 'The units', body: UnitList } },
        },
      ],
    },
    relay: {
      entry: 'src/handlers/relay.ts',
      description: 'Publishes outbox items to signing.events',
      memoryMb: 256,
      timeoutSeconds: 30,
      triggers: [{ type: 'stream', table: 'main', batchSize: 1000, kindFilter: 'outbox' }],
    },
  },
});
