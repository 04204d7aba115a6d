/**
 * The function host of the local runtime: every manifest function is imported once into this
 * process (a warm Lambda) and invoked by calling its `handler` with the event and a Lambda context.
 * See docs/adr/0004 for why in-process.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { qualifiedName, type FunctionSpec, type ServiceManifest } from '#shared/manifest.js';
import { repoRoot } from './paths.js';
import { localAccount, localRegion } from './events.js';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

export interface LocalFunction {
  readonly service: string;
  readonly name: string;
  readonly qualifiedName: string;
  readonly spec: FunctionSpec;
  invoke(event: unknown): Promise<unknown>;
}

export type InvocationListener = (fn: LocalFunction, event: unknown) => void;

const contextFor = (fn: { qualifiedName: string; spec: FunctionSpec }): Context => {
  const deadline = Date.now() + fn.spec.timeoutSeconds * 1000;
  const requestId = randomUUID();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: fn.qualifiedName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${localRegion}:${localAccount}:function:${fn.qualifiedName}`,
    memoryLimitInMB: String(fn.spec.memoryMb),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${fn.qualifiedName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

/** Imports every function of the manifests; `onInvoke` sees each event before the handler does. */
export const loadFunctions = async (services: readonly ServiceManifest[], onInvoke?: InvocationListener): Promise<Map<string, LocalFunction>> => {
  const loaded = new Map<string, LocalFunction>();
  for (const service of services) {
    for (const [name, spec] of Object.entries(service.functions)) {
      const file = path.join(repoRoot, 'services', service.name, spec.entry);
      // A plain absolute path (not a file: URL) so that jest's module loader takes it too.
      const module = (await import(file)) as { handler?: Handler };
      const handler = module.handler;
      if (typeof handler !== 'function') throw new Error(`${file} does not export a handler`);
      const fn: LocalFunction = {
        service: service.name,
        name,
        qualifiedName: qualifiedName(service.name, name),
        spec,
        invoke: async (event) => {
          onInvoke?.(fn, event);
          return handler(event, contextFor(fn));
        },
      };
      loaded.set(fn.qualifiedName, fn);
    }
  }
  return loaded;
};
