/**
 * `npm run schedule -- <function> --at <ISO time>` fires a scheduled function of the running system
 * (`npm start`) as if its schedule came due at that time.
 */
import { parseArgs } from 'node:util';
import { dataDir } from '../paths.js';
import { loadOrCreateKeys, signToken } from '../jwt.js';
import { httpClient } from '../support/httpClient.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { at: { type: 'string' } } });
const [name] = positionals;
if (!name) {
  process.stderr.write('用法 / usage: npm run schedule -- <function> [--at <ISO time>]   e.g. reports-remindAnnualReports --at 2027-01-24T09:00:00+08:00\n');
  process.exit(2);
}
const url = `http://localhost:${process.env.PORT ?? 3000}/_local/schedule`;
try {
  const token = await signToken(await loadOrCreateKeys(dataDir()), 'admin');
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ function: name, ...(values.at ? { at: values.at } : {}) }),
  });
  process.stdout.write(`${JSON.stringify(await res.json(), null, 2)}\n`);
  process.exit(res.ok ? 0 : 1);
} catch {
  process.stderr.write(`系统未运行 / nothing answers at ${url}: start it with npm start first.\n`);
  process.exit(1);
}
