/**
 * Makes sure schemathesis is installed: from PyPI, with the machine's `python3`, into a virtual
 * environment of the project's own (`.tools/schemathesis`, git-ignored). An environment that
 * already has the pinned version and the pinned dependencies is reused; any other is made anew.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../paths.js';

/** The schemathesis release the fuzz test runs (see docs/adr/0010-fuzzing-with-schemathesis.md). */
export const schemathesisVersion = '4.32.5';

/** The Python that schemathesis 4 requires at least. */
const minimumPython = [3, 11] as const;

/** Where the virtual environment lives. */
export const schemathesisVenv = path.join(repoRoot, '.tools/schemathesis');

/** The exact versions of schemathesis's own dependencies, so that a seed generates the same cases everywhere. */
const constraintsFile = path.join(repoRoot, 'infra/local/fuzz/constraints.txt');

interface Output {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program to its end without blocking the event loop (the gateway under test shares it). */
export const runProgram = (command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Output> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? repoRoot, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });

const python3 = async (): Promise<string> => {
  let probe: Output;
  try {
    probe = await runProgram('python3', ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])']);
  } catch {
    throw new Error(
      `The fuzz test needs Python ${minimumPython.join('.')} or newer as \`python3\` on PATH, with its venv module, to install schemathesis; none was found.`,
    );
  }
  const version = probe.stdout.trim();
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (probe.code !== 0 || major < minimumPython[0] || (major === minimumPython[0] && minor < minimumPython[1])) {
    throw new Error(`The fuzz test needs Python ${minimumPython.join('.')} or newer as \`python3\`; this one is ${version || 'not working'}.`);
  }
  return version;
};

/**
 * Gives the path of the `schemathesis` program of the project's virtual environment, installing
 * it first when the environment is missing or holds other versions. Says what it does on stderr.
 *
 * @example
 * ```ts
 * import { ensureSchemathesis } from '#infra/local/fuzz/install.js';
 *
 * const schemathesis = await ensureSchemathesis();
 * ```
 */
export const ensureSchemathesis = async (say: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<string> => {
  const program = path.join(schemathesisVenv, 'bin/schemathesis');
  const venvPython = path.join(schemathesisVenv, 'bin/python');
  const stampFile = path.join(schemathesisVenv, '.installed');
  const wanted = `schemathesis==${schemathesisVersion}\n${readFileSync(constraintsFile, 'utf8')}`;
  const where = path.relative(repoRoot, schemathesisVenv);

  if (existsSync(program) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) {
    const installed = await runProgram(venvPython, ['-c', 'import importlib.metadata as m; print(m.version("schemathesis"))']).catch(() => undefined);
    if (installed?.code === 0 && installed.stdout.trim() === schemathesisVersion) {
      say(`[fuzz] schemathesis ${schemathesisVersion} from ${where}`);
      return program;
    }
  }

  const pythonVersion = await python3();
  say(`[fuzz] installing schemathesis ${schemathesisVersion} from PyPI into ${where} (Python ${pythonVersion}) …`);
  const started = Date.now();
  rmSync(schemathesisVenv, { recursive: true, force: true });
  // A Debian or Ubuntu python3 without the python3-venv package cannot put pip into a new
  // environment (no ensurepip); its own pip then installs into the environment (`pip --python`).
  let pip = { program: venvPython, args: ['-m', 'pip'] };
  const venv = await runProgram('python3', ['-m', 'venv', schemathesisVenv]);
  if (venv.code !== 0) {
    rmSync(schemathesisVenv, { recursive: true, force: true });
    const bare = await runProgram('python3', ['-m', 'venv', '--without-pip', schemathesisVenv]);
    if (bare.code !== 0) {
      throw new Error(`\`python3 -m venv ${where}\` failed (on Debian and Ubuntu, install python3-venv):\n${venv.stderr || venv.stdout}`);
    }
    pip = { program: 'python3', args: ['-m', 'pip', '--python', venvPython] };
  }
  const install = await runProgram(pip.program, [
    ...pip.args,
    'install',
    '--disable-pip-version-check',
    '--no-input',
    '--quiet',
    `schemathesis==${schemathesisVersion}`,
    '--constraint',
    constraintsFile,
  ]);
  if (install.code !== 0) {
    rmSync(schemathesisVenv, { recursive: true, force: true });
    throw new Error(`pip could not install schemathesis ${schemathesisVersion}:\n${install.stderr || install.stdout}`);
  }
  writeFileSync(stampFile, wanted);
  say(`[fuzz] schemathesis ${schemathesisVersion} installed (${((Date.now() - started) / 1000).toFixed(0)}s)`);
  return program;
};
