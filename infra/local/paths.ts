import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository's root folder. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the local runtime keeps its data (git-ignored); `DATA_DIR` moves it. */
export const dataDir = (): string => path.resolve(repoRoot, process.env.DATA_DIR ?? '.data');
