/** Every service manifest. The CDK app, the local runtime and the generated documents start here. */
import signing from './signing/service.js';
import reports from './reports/service.js';
import interviews from './interviews/service.js';
import inspections from './inspections/service.js';
import disclosure from './disclosure/service.js';
import dashboard from './dashboard/service.js';
import type { ServiceManifest } from '#shared/manifest.js';

export const services: readonly ServiceManifest[] = [signing, reports, interviews, inspections, disclosure, dashboard];
