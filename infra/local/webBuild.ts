/**
 * Builds the web app with Vite (`services/dashboard/web/vite.config.ts`) into the folder the local
 * gateway serves. `npm start` and the browser tests call it, so a fresh clone needs no step of its
 * own. Vite runs in a process of its own: its native bundler does not load inside jest's VM
 * modules.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './paths.js';
import { webDist } from './webApp.js';

const vite = path.join(repoRoot, 'node_modules/vite/bin/vite.js');

/** Builds the app; answers the folder it is in. */
export const buildWebApp = (): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn', 'services/dashboard/web'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(webDist) : reject(new Error(`vite build failed (${code}): ${errors.trim().slice(-2000)}`))));
  });
