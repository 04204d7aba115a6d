/** A Lambda function declared by a service manifest. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Duration, Tags } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { FunctionSpec } from '#shared/manifest.js';
import { handlerEntryPath, lockFile, repoRoot } from './paths.js';
import { FUNCTION_TAG } from './tags.js';

/** The runtime of every service function. */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_24_X;

/** The esbuild target matching {@link FUNCTION_RUNTIME} (`nodejs24.x` → `node24`). */
export const ESBUILD_TARGET = FUNCTION_RUNTIME.name.replace(/^nodejs(\d+)\.x$/, 'node$1');

/**
 * Workaround: CommonJS dependencies bundled into an ES module (kafkajs, …) still call `require`,
 * which ES modules do not define (https://nodejs.org/api/esm.html#no-require-exports-or-moduleexports),
 * so the bundle creates one. Lambda runs the `.mjs` bundle as an ES module
 * (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html).
 */
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** Props of {@link ServiceFunction}. */
export interface ServiceFunctionProps {
  /** The service the function belongs to. */
  readonly service: string;
  /** `qualifiedName(service, functionName)`. */
  readonly qualifiedName: string;
  readonly spec: FunctionSpec;
  /** The VPC, for a function that uses Kafka; the others run outside any VPC. */
  readonly network?: { readonly vpc: ec2.IVpc; readonly subnets: ec2.SubnetSelection; readonly securityGroup: ec2.ISecurityGroup };
  readonly environment: Readonly<Record<string, string>>;
  /** Days its logs are kept. */
  readonly logRetentionDays: number;
}

/**
 * A `NodejsFunction` bundled with esbuild from `services/<service>/<entry>` as an ES module, on
 * arm64, with memory and timeout from the manifest; in the VPC's isolated subnets when it uses Kafka.
 */
export class ServiceFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    const entry = handlerEntryPath(props.service, props.spec.entry);
    if (!existsSync(entry)) {
      throw new Error(
        `Handler of ${props.qualifiedName} not found: ${path.relative(repoRoot, entry)} ` +
          `(declared as entry '${props.spec.entry}' in services/${props.service}/service.ts).`,
      );
    }
    super(scope, id, {
      entry,
      handler: 'handler',
      description: props.spec.description,
      runtime: FUNCTION_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.spec.memoryMb,
      timeout: Duration.seconds(props.spec.timeoutSeconds),
      projectRoot: repoRoot,
      depsLockFilePath: lockFile,
      bundling: {
        format: OutputFormat.ESM,
        target: ESBUILD_TARGET,
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        // Bundle the AWS SDK instead of relying on the copy in the runtime: the runtime's SDK version
        // is not the locked one, and aws-msk-iam-sasl-signer-js imports SDK packages (e.g. the
        // deprecated @aws-sdk/util-utf8-browser) that the runtime need not contain
        // (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-package.html).
        bundleAwsSDK: true,
      },
      ...(props.network ? { vpc: props.network.vpc, vpcSubnets: props.network.subnets, securityGroups: [props.network.securityGroup] } : {}),
      environment: { ...props.environment },
      logGroup: new logs.LogGroup(scope, `${id}-logs`, { retention: props.logRetentionDays as logs.RetentionDays }),
    });
    Tags.of(this).add(FUNCTION_TAG, props.qualifiedName);
  }
}
