/**
 * Paths the CDK app needs, computed from this file's location so that nothing machine-specific is
 * written into the code.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root (the folder that holds `package.json` and `cdk.json`). */
export const repoRoot: string = fileURLToPath(new URL('../../', import.meta.url));

/** The lock file NodejsFunction uses to decide the project root and the package manager. */
export const lockFile: string = path.join(repoRoot, 'package-lock.json');

/** The absolute path of a service's handler module: `services/<service>/<entry>`. */
export const handlerEntryPath = (service: string, entry: string): string =>
  path.join(repoRoot, 'services', service, entry);
