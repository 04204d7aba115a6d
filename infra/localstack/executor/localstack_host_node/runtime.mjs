/**
 * A Lambda execution environment for Node.js handlers, run as a plain process on the host by the
 * LocalStack `host-node` runtime executor (executor.py beside this file). It does what LocalStack's
 * runtime init does inside a Lambda container (github.com/localstack/lambda-runtime-init, driven by
 * localstack/services/lambda_/invocation/executor_endpoint.py):
 *
 * 1. init: import the handler named by `_HANDLER` from `LAMBDA_TASK_ROOT`, as the Node.js runtime
 *    does (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html);
 * 2. serve `POST /invoke` on 127.0.0.1:`HOST_NODE_INVOKE_PORT`, then report
 *    `POST {LOCALSTACK_RUNTIME_ENDPOINT}/status/{LOCALSTACK_RUNTIME_ID}/ready` (or `/error`);
 * 3. per invocation (`{"invoke-id", "invoked-function-arn", "payload", "trace-id"}`): answer 202 at
 *    once, run the handler, post the captured output to `/invocations/{id}/logs` and the result to
 *    `/invocations/{id}/response`, or the error to `/invocations/{id}/error` in Lambda's error shape
 *    (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html).
 *
 * LocalStack sends one invocation at a time to an environment, so one capture buffer suffices.
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const env = process.env;
const runtimeEndpoint = env.LOCALSTACK_RUNTIME_ENDPOINT;
const runtimeId = env.LOCALSTACK_RUNTIME_ID;
const port = Number(env.HOST_NODE_INVOKE_PORT);
const taskRoot = env.LAMBDA_TASK_ROOT ?? process.cwd();
const timeoutMs = Number(env.AWS_LAMBDA_FUNCTION_TIMEOUT ?? 3) * 1000;

const post = async (route, body) => {
  const response = await fetch(`${runtimeEndpoint}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (!response.ok) console.error(`POST ${route}: ${response.status}`);
};

const errorShape = (error, fallbackType = 'Error') => ({
  errorType: error?.name ?? fallbackType,
  errorMessage: error?.message ?? String(error),
  trace: typeof error?.stack === 'string' ? error.stack.split('\n') : [],
});

/** `dir/file.export` → the module file (tried with .js, .mjs, .cjs as Lambda does) and the export. */
const loadHandler = async (handlerSetting) => {
  const slash = handlerSetting.lastIndexOf('/');
  const dot = handlerSetting.indexOf('.', slash + 1);
  if (dot < 0) throw Object.assign(new Error(`Bad handler ${handlerSetting}`), { name: 'Runtime.MalformedHandlerName' });
  const modulePath = path.resolve(taskRoot, handlerSetting.slice(0, dot));
  const exportPath = handlerSetting.slice(dot + 1).split('.');
  const file = ['.js', '.mjs', '.cjs'].map((ext) => modulePath + ext).find((candidate) => existsSync(candidate));
  if (!file) throw Object.assign(new Error(`Cannot find module '${modulePath}'`), { name: 'Runtime.ImportModuleError' });
  let fn = await import(pathToFileURL(file).href);
  for (const key of exportPath) fn = fn?.[key];
  if (typeof fn !== 'function') {
    throw Object.assign(new Error(`${handlerSetting} is undefined or not exported`), { name: 'Runtime.HandlerNotFound' });
  }
  return fn;
};

// Everything the handler writes goes to this process's own output (LocalStack's log of the
// environment) and, during an invocation, to the buffer returned as the invocation's logs.
let captured = null;
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    if (captured !== null) captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return write(chunk, ...rest);
  };
}

const invoke = async (handler, request) => {
  const requestId = request['invoke-id'];
  const started = Date.now();
  captured = [];
  env._X_AMZN_TRACE_ID = request['trace-id'] ?? '';
  console.log(`START RequestId: ${requestId} Version: ${env.AWS_LAMBDA_FUNCTION_VERSION ?? '$LATEST'}`);
  const context = {
    awsRequestId: requestId,
    invokedFunctionArn: request['invoked-function-arn'],
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, started + timeoutMs - Date.now()),
  };
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ timedOut: true }), timeoutMs);
  });
  let outcome;
  try {
    const event = request.payload ? JSON.parse(request.payload) : {};
    outcome = await Promise.race([Promise.resolve(handler(event, context)).then((value) => ({ value })), timeout]);
  } catch (error) {
    outcome = { error };
  } finally {
    clearTimeout(timer);
  }
  const duration = Date.now() - started;
  if (outcome.error) console.error(`${new Date().toISOString()}\t${requestId}\tERROR\t${outcome.error?.stack ?? outcome.error}`);
  if (outcome.timedOut) console.log(`${new Date().toISOString()} ${requestId} Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`);
  console.log(`END RequestId: ${requestId}`);
  console.log(`REPORT RequestId: ${requestId}\tDuration: ${duration} ms\tMemory Size: ${context.memoryLimitInMB} MB`);
  const logs = captured.join('');
  captured = null;
  await post(`/invocations/${requestId}/logs`, { logs });
  if (outcome.timedOut) {
    await post(`/invocations/${requestId}/error`, {
      errorType: 'Sandbox.Timedout',
      errorMessage: `Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`,
    });
  } else if (outcome.error) {
    await post(`/invocations/${requestId}/error`, errorShape(outcome.error));
  } else {
    // An undefined result is returned as JSON null, as by the Node.js runtime.
    await post(`/invocations/${requestId}/response`, JSON.stringify(outcome.value ?? null));
  }
};

const main = async () => {
  let handler;
  try {
    handler = await loadHandler(env._HANDLER ?? 'index.handler');
  } catch (error) {
    console.error(error);
    await post(`/status/${runtimeId}/error`, errorShape(error, 'Runtime.ImportModuleError'));
    process.exit(1);
  }
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/invoke') {
      res.writeHead(404).end();
      return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      let request;
      try {
        request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(202).end();
      invoke(handler, request).catch((error) => console.error('invocation failed', error));
    });
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  await post(`/status/${runtimeId}/ready`, {});
  // LocalStack's stop() ends the environment with SIGTERM, like Lambda's shutdown phase; should
  // LocalStack itself die first, the environment notices it has a new parent and ends too.
  process.on('SIGTERM', () => process.exit(0));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(0);
  }, 2000).unref();
};

await main();
