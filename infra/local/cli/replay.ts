/**
 * `npm run replay -- <service>` rebuilds a service's read models from the topics in the running
 * system (`npm start`): its consumers stop, its table is emptied, its consumer groups go back to the
 * start of their topics and apply every event again. Progress is printed as it comes.
 * See docs/adr/0019-replaying-read-models.md.
 */
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { parseArgs } from 'node:util';
import { Problem } from '#shared/http/problem.js';
import { dataDir } from '../paths.js';
import { loadOrCreateKeys, signToken } from '../jwt.js';
import { Progress } from '../progress.js';
import { ReplayLine, type ReplayedTopic } from '../replay.js';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const [service] = positionals;
if (!service) {
  process.stderr.write('用法 / usage: npm run replay -- <service>   e.g. dashboard\n');
  process.exit(2);
}
const base = `http://localhost:${process.env.PORT ?? 3000}`;

const describe = (topics: readonly ReplayedTopic[]) => topics.map((t) => `${t.topic} ${t.applied}/${t.total}`).join(' · ');
const stages = { stopping: '停止消费者 / stopping its consumers', wiping: '清空表 / emptying its table', resetting: '重置偏移量 / rewinding its consumer groups', replaying: '' };

// `fetch` rather than the tools' HTTP client: the answer is read line by line as it streams in.
let response: Response;
try {
  const token = await signToken(await loadOrCreateKeys(dataDir()), 'admin');
  response = await fetch(`${base}/_local/replay`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ service }),
  });
} catch {
  process.stderr.write(`系统未运行 / nothing answers at ${base}/_local/replay: start it with npm start first.\n`);
  process.exit(1);
}
if (response.status !== 200 || !response.body) {
  const problem = Problem.safeParse(await response.json().catch(() => undefined));
  const reason = problem.success ? (problem.data.detail ?? problem.data.title) : `HTTP ${response.status}`;
  process.stderr.write(`重放被拒绝 / replay refused (${response.status}): ${reason}\n`);
  process.exit(1);
}

const step = new Progress(1).step(`重放 / replaying ${service}`);
for await (const text of createInterface({ input: Readable.fromWeb(response.body as ReadableStream<Uint8Array>), crlfDelay: Infinity })) {
  if (text.trim() === '') continue;
  const line = ReplayLine.parse(JSON.parse(text));
  if (line.type === 'progress') step.update(line.stage === 'replaying' ? describe(line.topics) : stages[line.stage]);
  else if (line.type === 'done') {
    step.done(`${describe(line.topics)} records`);
    process.exit(0);
  } else {
    step.fail(`重放失败 / replay failed: ${line.problem.detail ?? line.problem.title}`);
    process.exit(1);
  }
}
step.fail('连接中断 / the connection ended before the replay did; the runtime’s log says why');
process.exit(1);
