/**
 * The CDK app: one stack, `CleanGovernance`, built from the service manifests. Configuration comes
 * from CDK context only (see `infra/lib/config.ts`), so `cdk synth` needs no AWS credentials.
 */
import { App } from 'aws-cdk-lib';
import { services } from '#services/index.js';
import { environmentFromContext } from '../lib/config.js';
import { PlatformStack } from '../lib/platform-stack.js';

const app = new App();
const env = environmentFromContext(app);
new PlatformStack(app, 'CleanGovernance', {
  services,
  description: 'Clean-governance responsibility system: Lambda services on MSK and DynamoDB',
  ...(env === undefined ? {} : { env }),
});
app.synth();
