/**
 * Synthesizes the templates cfn-lint checks, without bundling the functions (their code is not
 * what it checks): the global stack and the China stack, each into a folder of its own under the
 * folder given. `npm run lint:cfn` runs it (see `infra/cfn-lint/run`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { services } from '#services/index.js';
import { environmentFromContext } from '../lib/config.js';
import { PlatformStack } from '../lib/platform-stack.js';

/** The stacks linted, by folder: their CDK context and the regions cfn-lint checks them for. */
export const lintedStacks: Readonly<Record<string, { readonly context: Record<string, string>; readonly regions: readonly string[] }>> = {
  aws: { context: { stage: 'prod' }, regions: ['us-east-1', 'ap-east-1'] },
  'aws-cn': { context: { partition: 'aws-cn', stage: 'prod', webDomain: 'qlzr.example.gov.cn', webCertificateId: 'ASCAEXAMPLE' }, regions: ['cn-north-1', 'cn-northwest-1'] },
};

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context?: Record<string, unknown> };
const outRoot = process.argv[2];
if (outRoot === undefined) throw new Error('usage: tsx infra/cfn-lint/synth.ts <folder>');
for (const [name, { context, regions }] of Object.entries(lintedStacks)) {
  const app = new App({ outdir: path.join(outRoot, name), context: { ...cdkJson.context, ...context, 'aws:cdk:bundling-stacks': [] } });
  const env = environmentFromContext(app);
  new PlatformStack(app, 'CleanGovernance', { services, ...(env === undefined ? {} : { env }) });
  app.synth();
  // The regions, for the shell script: one line per stack, `<folder> <region> <region>`.
  console.log([name, ...regions].join(' '));
}
