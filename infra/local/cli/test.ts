/**
 * `npm test`: the type checks (the web app's too) and the linter, then the unit and infra projects,
 * then the integration project (in band: its tests share one broker; the browser tests, which build
 * the web app, are in it), then the stack deployed to LocalStack (`npm run test:localstack` alone).
 * Ends with the plain line `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../paths.js';

const extra = process.argv.slice(2);
const jest = path.join(repoRoot, 'node_modules/jest/bin/jest.js');
const out = mkdtempSync(path.join(os.tmpdir(), 'cg-jest-'));
let passed = 0;
let failed = 0;
let ok = true;
for (const [name, argv] of [
  ['typecheck', [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '--noEmit']],
  ['typecheck web', [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'services/dashboard/web']],
  ['lint', [path.join(repoRoot, 'node_modules/eslint/bin/eslint.js'), '--max-warnings', '0', '.']],
] as const) {
  process.stdout.write(`> ${name}\n`);
  const result = spawnSync(process.execPath, argv, { stdio: 'inherit', cwd: repoRoot });
  if (result.status === 0) passed += 1;
  else {
    failed += 1;
    ok = false;
  }
}
const runs: Array<[string, string[]]> = [
  ['unit-infra', ['--selectProjects', 'unit', 'infra']],
  ['integration', ['--selectProjects', 'integration', '--runInBand', '--forceExit']],
  // The stack on LocalStack in host mode: it sets up its own Python environment (infra/localstack).
  ['localstack', ['--selectProjects', 'localstack', '--runInBand']],
];
for (const [name, args] of runs) {
  const file = path.join(out, `${name}.json`);
  const result = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', jest, ...args, '--json', `--outputFile=${file}`, ...extra], {
    stdio: 'inherit',
    cwd: repoRoot,
  });
  try {
    const summary = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; success: boolean };
    passed += summary.numPassedTests;
    failed += summary.numFailedTests;
    ok &&= summary.success && result.status === 0;
  } catch {
    ok = false;
    failed += 1;
  }
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(ok ? 0 : 1);
