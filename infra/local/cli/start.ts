/**
 * `npm start`: the whole system on this machine. Kafka and DynamoDB Local (or the ones named by
 * `KAFKA_BROKERS` / `DYNAMODB_ENDPOINT`), the runtime on `PORT` (3000), demo data unless `DEMO=0`.
 * Ctrl-C stops everything it started.
 */
import { mkdirSync } from 'node:fs';
import { dataDir } from '../paths.js';
import { Progress } from '../progress.js';
import { partsSteps, startParts, type Parts } from '../parts.js';
import { startRuntime, type Runtime } from '../runtime.js';
import { seedDemo } from '../demo.js';
import { buildWebApp } from '../webBuild.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
/** The year whose annual report is due next: last year's until 31 January, then this year's. */
const reportYear = (() => {
  const cst = new Date(Date.now() + 8 * 3600_000);
  return cst.getUTCMonth() === 0 ? cst.getUTCFullYear() - 1 : cst.getUTCFullYear();
})();
/** The year whose letters are signed now: this year, in China Standard Time. */
const signingYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
const demo = process.env.DEMO !== '0' && !process.argv.includes('--no-demo');

const main = async () => {
  const dir = dataDir();
  mkdirSync(dir, { recursive: true });
  const progress = new Progress(partsSteps + (demo ? 3 : 2));
  let parts: Parts | undefined;
  let runtime: Runtime | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\n正在停止 / stopping …\n');
    await runtime?.stop().catch(() => undefined);
    await parts?.stop().catch(() => undefined);
    process.stdout.write('已停止 / stopped.\n');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    parts = await startParts({
      dataDir: dir,
      kafkaPort: env('KAFKA_PORT', 19092),
      controllerPort: env('KAFKA_CONTROLLER_PORT', 19093),
      dynamoPort: env('DYNAMODB_PORT', 18000),
      progress,
      kafkaBrokers: process.env.KAFKA_BROKERS,
      dynamoEndpoint: process.env.DYNAMODB_ENDPOINT,
    });
    const web = progress.step('构建网页 / the web app');
    await buildWebApp();
    web.done();
    const step = progress.step('启动服务 / topics, tables, functions, gateway');
    runtime = await startRuntime({ kafkaBrokers: parts.brokers, dynamoEndpoint: parts.endpoint, dataDir: dir, port: env('PORT', 3000) });
    step.done(runtime.url);

    let units: Array<{ id: string; name: string; category: string; parentId: string | null }> = [];
    if (demo) {
      const demoStep = progress.step('示例数据 / demo data');
      units = await seedDemo(runtime, reportYear, signingYear, { overdueRun: true });
      demoStep.done(`${units.length} units`);
    }
    const { body: health } = await runtime.health();
    const url = runtime.url;
    const lines = [
      '',
      `系统已启动 / The system is up: ${url}   (health: ${health.status})`,
      `  网页 / web app        ${url}/   （开发登录页：选择单位和人员即可进入 / pick a unit and a person to sign in）`,
      `  健康检查 / health     GET ${url}/health`,
      `  接口文档 / OpenAPI    GET ${url}/api/openapi.json`,
      '',
      '获取令牌 / Get a token:',
      '  npm run --silent token -- --role admin',
      '  npm run --silent token -- --role unit_secretary --unit <unitId>',
      '调用示例 / Call the API:',
      `  curl -H "Authorization: Bearer $(npm run --silent token -- --role admin)" ${url}/api/units`,
      `  curl -H "Authorization: Bearer $(npm run --silent token -- --role admin)" "${url}/api/dashboard/annual-reports?year=${reportYear}"`,
      `  curl -H "Authorization: Bearer $(npm run --silent token -- --role admin)" "${url}/api/signing/coverage?year=${signingYear}"`,
      '以某人身份签署 / Sign as a person (ids from GET /api/units/<unitId>/posts):',
      '  npm run --silent token -- --role unit_staff --unit <unitId> --sub <personId>',
      ...(units.length > 0 ? ['', '示例单位 / Demo units:', ...units.map((u) => `  ${u.id}  ${u.name}（${u.category}）`)] : []),
      '',
      '按 Ctrl-C 停止 / Press Ctrl-C to stop.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (error) {
    process.stderr.write(`\n启动失败 / start failed: ${(error as Error).message}\n`);
    await shutdown(1);
  }
};

void main();
