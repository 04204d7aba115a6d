/**
 * The commands a user types: `npm start` pointed at existing parts with KAFKA_BROKERS and
 * DYNAMODB_ENDPOINT, its health, and Ctrl-C (SIGINT to the process group) stopping everything it
 * started; `npm run --silent token` printing a token and nothing else.
 */
import { services } from '#services/index.js';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../paths.js';
import { freePort } from '../../ports.js';
import { readState } from '../support/state.js';
import { eventually } from '../support/harness.js';

const children = (pgid: number) =>
  spawnSync('ps', ['-o', 'pid=', '-g', String(pgid)], { encoding: 'utf8' }).stdout.split('\n').filter((l) => l.trim()).length;

it('npm start uses the parts named by KAFKA_BROKERS and DYNAMODB_ENDPOINT, reports health, and stops on Ctrl-C', async () => {
  // Prepare
  const state = readState();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cg-start-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['infra/local/bootstrap.mjs', 'start'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO: '0', KAFKA_BROKERS: state.brokers, DYNAMODB_ENDPOINT: state.endpoint },
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  try {
    // Act
    const health = await eventually(async () => {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        return res.ok ? ((await res.json()) as unknown) : undefined;
      } catch {
        return undefined;
      }
    }, 120_000, 'npm start to answer /health');

    // Assess
    expect(health).toEqual({ status: 'up', kafka: 'up', dynamodb: 'up', services: Object.fromEntries(services.map((s) => [s.name, 'up'])) });
    expect(output).toContain(`using ${state.brokers}`);
    expect(output).toContain(`using ${state.endpoint}`);
    expect(output).toContain('npm run --silent token -- --role admin');

    // Act: Ctrl-C reaches the whole process group
    process.kill(-child.pid!, 'SIGINT');

    // Assess
    expect(await exited).toBe(0);
    expect(children(child.pid!)).toBe(0);
  } finally {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
});

it('npm run --silent token prints a token and nothing else', () => {
  // Prepare
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cg-token-'));

  // Act
  const result = spawnSync('npm', ['run', '--silent', 'token', '--', '--role', 'unit_secretary', '--unit', 'u-1'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir },
  });
  const refused = spawnSync('npm', ['run', '--silent', 'token', '--', '--role', 'mayor'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir } });
  rmSync(dataDir, { recursive: true, force: true });

  // Assess
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  const claims = JSON.parse(Buffer.from(result.stdout.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
  expect(claims).toMatchObject({ 'custom:role': 'unit_secretary', 'custom:unit': 'u-1' });
  expect(refused.status).toBe(2);
  expect(refused.stdout).toBe('');
});
