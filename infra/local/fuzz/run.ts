/**
 * Runs schemathesis against a running gateway's `/api/openapi.json` as one identity, and reads
 * what it found: the number of generated cases from its JSON report, and the checks, the cases per
 * operation and each distinct failure with its curl command from the summary that `hooks.py`
 * writes. Schemathesis talks to the gateway on the loopback interface and nothing else: the base
 * URL is fixed, redirects are not followed, and proxy variables are removed from its environment.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../paths.js';
import { runProgram } from './install.js';

/**
 * The checks of every run (docs/adr/0010-fuzzing-with-schemathesis.md says why each). Left out:
 * `use_after_free` (no route deletes), `ensure_resource_availability` (a unit registered through
 * signing reaches reports only through Kafka, so a link followed at once may answer 404 by design)
 * and `object_level_authorization` (needs an identity per owner; the authorization matrix test
 * covers reach).
 */
export const fuzzChecks = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'positive_data_acceptance',
  'negative_data_rejection',
  'missing_required_header',
  'ignored_auth',
  'unsupported_method',
  'allow_header_conformance',
  'client_errors_are_problem_json',
] as const;

/**
 * Answers that reject invalid input: schemathesis's default list, plus 413, 414 and 431, with
 * which the gateway refuses a body, URL or header that is too large. 5xx stays in the list so that
 * a server error is reported once, by `not_a_server_error`.
 */
const rejectionStatuses = ['400', '401', '403', '404', '405', '406', '409', '413', '414', '415', '422', '428', '429', '431', '5XX'];

/**
 * Answers that accept valid input given the state it meets: schemathesis's default list (403 out
 * of reach, 404 unknown, 409 conflict, ...) plus 422, the answer to an `Idempotency-Key` used
 * before with another body, a state the generator cannot know of.
 */
const acceptanceStatuses = ['2XX', '3XX', '401', '403', '404', '409', '422', '429', '5XX'];

/**
 * Values schemathesis draws, with `probability`, for the named parameters (`body.parentId`,
 * `path.unitId`); a path parameter given one value in `pathParameters` keeps that value.
 */
export interface FuzzDictionary {
  readonly values: readonly string[];
  readonly parameters: readonly string[];
  readonly probability: number;
}

/** One run of schemathesis: which gateway, as whom, with which seed and how many cases. */
export interface FuzzOptions {
  /** The `schemathesis` program, from `ensureSchemathesis`. */
  readonly program: string;
  /** Names the run in the summary and in its report folder, e.g. the role. */
  readonly name: string;
  /** The gateway, on the loopback interface: `http://127.0.0.1:<port>`. */
  readonly baseUrl: string;
  /** The bearer token sent with every request; none for a run as the public, without an account. */
  readonly token?: string;
  /** Only the operations whose path matches this, e.g. the public routes. */
  readonly includePathRegex?: string;
  readonly seed: number;
  /** Cases per operation in the fuzzing phase; the coverage phase adds its own. */
  readonly maxExamples: number;
  /** Path parameters given one value in every case, e.g. `{ unitId }`. */
  readonly pathParameters?: Readonly<Record<string, string>>;
  readonly dictionary?: FuzzDictionary;
  /** Where the configuration, the reports and schemathesis's output go. */
  readonly reportDir: string;
}

/** One distinct failure: a check, an operation and a kind of failure, with the first case that showed it. */
export interface FuzzFailure {
  readonly check: string;
  readonly code: string;
  readonly operation: string;
  readonly title: string;
  readonly message: string;
  readonly status: number | null;
  readonly contentType: string | null;
  readonly body: string | null;
  /** The request, as schemathesis prints it, with the token shown as `[Filtered]`. */
  readonly curl: string;
  /** How many cases failed this way. */
  readonly count: number;
  /** The different first lines of the failure message, e.g. one per method answered 404 instead of 405. */
  readonly variants: readonly string[];
}

/** What one run found, read from schemathesis's JSON report and the summary of `hooks.py`. */
export interface FuzzResult {
  readonly name: string;
  readonly exitCode: number | null;
  readonly seconds: number;
  /** Test cases schemathesis generated (its JSON report's `test_cases.generated`). */
  readonly cases: number;
  /** Cases with at least one failed check. */
  readonly casesWithFailures: number;
  readonly operations: { readonly total: number; readonly tested: number };
  readonly casesByOperation: Readonly<Record<string, number>>;
  readonly checks: Readonly<Record<string, { readonly passed: number; readonly failed: number }>>;
  readonly failures: readonly FuzzFailure[];
  readonly droppedFailures: number;
  /** Errors that stopped cases from running (network errors, timeouts, a schema that does not load). */
  readonly errors: ReadonlyArray<{ readonly title: string; readonly count: number }>;
  readonly reportDir: string;
}

interface JsonReport {
  readonly exit_code: number;
  readonly operations: { readonly total: number; readonly tested: number } | null;
  readonly test_cases: { readonly generated: number; readonly with_failures: number };
  readonly errors: ReadonlyArray<{ readonly title: string; readonly count: number }>;
}

interface HookSummary {
  readonly cases: Record<string, number>;
  readonly checks: Record<string, { passed: number; failed: number }>;
  readonly failures: FuzzFailure[];
  readonly droppedFailures: number;
}

const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost']);
const proxyVariables = ['http_proxy', 'https_proxy', 'all_proxy', 'no_proxy'];

const toml = (value: string | number | boolean | readonly string[]): string =>
  Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(', ')}]` : JSON.stringify(value);

const configuration = (options: FuzzOptions, jsonReport: string): string => {
  const parameters = [
    ...(options.dictionary?.parameters ?? [])
      .filter((p) => !Object.keys(options.pathParameters ?? {}).some((name) => p === `path.${name}`))
      .map((p) => `${toml(p)} = { dictionary = "edges", probability = ${options.dictionary!.probability} }`),
    ...Object.entries(options.pathParameters ?? {}).map(([name, value]) => `${toml(`path.${name}`)} = ${toml(value)}`),
  ];
  return [
    `seed = ${options.seed}`,
    `base-url = ${toml(options.baseUrl)}`,
    // The token comes from the environment, so that it is in no file.
    ...(options.token === undefined ? [] : ['headers = { Authorization = "Bearer ${FUZZ_TOKEN}" }']),
    'workers = 1',
    'max-redirects = 0',
    // Report every failing case of an operation, not only its first.
    'continue-on-failure = true',
    // Hypothesis's timing health check depends on the machine, not on the API.
    'suppress-health-check = ["too_slow"]',
    '',
    '[cache]',
    'enabled = false',
    '',
    '[reports.json]',
    `path = ${toml(jsonReport)}`,
    '',
    '[generation]',
    `max-examples = ${options.maxExamples}`,
    // No example database: a run depends on its seed alone.
    'database = "none"',
    '',
    '[checks]',
    'enabled = false',
    ...fuzzChecks.map((check) => `${check}.enabled = true`),
    `negative_data_rejection.expected-statuses = ${toml(rejectionStatuses)}`,
    `positive_data_acceptance.expected-statuses = ${toml(acceptanceStatuses)}`,
    '',
    // Only the token is hidden in what schemathesis prints; the other headers (an Idempotency-Key)
    // are needed to reproduce a case.
    '[output.sanitization]',
    'keys-to-sanitize = ["authorization"]',
    'sensitive-markers = ["authorization"]',
    '',
    // Values taken from earlier responses (ids, times) differ from run to run; the seed alone decides.
    '[phases.fuzzing.extra-data-sources]',
    'responses = false',
    '',
    // Stateful sequences follow links across services that meet only through Kafka, so what they
    // see depends on timing rather than on the seed.
    '[phases.stateful]',
    'enabled = false',
    ...(options.dictionary ? ['', '[dictionaries.edges]', `values = ${toml(options.dictionary.values)}`] : []),
    ...(parameters.length > 0 ? ['', '[parameters]', ...parameters] : []),
    '',
  ].join('\n');
};

/**
 * Runs schemathesis once and reads its reports.
 *
 * @example
 * ```ts
 * import { ensureSchemathesis } from '#infra/local/fuzz/install.js';
 * import { runSchemathesis } from '#infra/local/fuzz/run.js';
 *
 * const result = await runSchemathesis({
 *   program: await ensureSchemathesis(),
 *   name: 'admin',
 *   baseUrl: 'http://127.0.0.1:3000',
 *   token: 'eyJ…',
 *   seed: 20261123,
 *   maxExamples: 100,
 *   reportDir: '.data/fuzz/admin',
 * });
 * console.log(result.cases, result.failures.length);
 * ```
 */
export const runSchemathesis = async (options: FuzzOptions): Promise<FuzzResult> => {
  const base = new URL(options.baseUrl);
  if (!loopbackHosts.has(base.hostname)) throw new Error(`The fuzz test only calls a gateway on the loopback interface, not ${base.host}`);
  const reportDir = path.resolve(options.reportDir);
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  const jsonReport = path.join(reportDir, 'report.json');
  const summaryFile = path.join(reportDir, 'summary.json');
  const configFile = path.join(reportDir, 'schemathesis.toml');
  writeFileSync(configFile, configuration(options, jsonReport));

  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !proxyVariables.includes(name.toLowerCase())));
  Object.assign(env, {
    SCHEMATHESIS_HOOKS: path.join(repoRoot, 'infra/local/fuzz/hooks.py'),
    FUZZ_SUMMARY_PATH: summaryFile,
    FUZZ_TOKEN: options.token ?? '',
    FUZZ_FIXED_PATH_PARAMETERS: Object.keys(options.pathParameters ?? {}).join(','),
    // Python's string hashing is randomised per process; fixed, so that set order cannot vary.
    PYTHONHASHSEED: '0',
    NO_COLOR: '1',
  });
  const started = Date.now();
  const output = await runProgram(
    options.program,
    [
      '--config-file',
      configFile,
      'run',
      new URL('/api/openapi.json', base).href,
      '--no-color',
      ...(options.includePathRegex ? ['--include-path-regex', options.includePathRegex] : []),
    ],
    { cwd: reportDir, env },
  );
  const seconds = (Date.now() - started) / 1000;
  writeFileSync(path.join(reportDir, 'output.txt'), `${output.stdout}${output.stderr}`);

  let report: JsonReport;
  let summary: HookSummary;
  try {
    report = JSON.parse(readFileSync(jsonReport, 'utf8')) as JsonReport;
    summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as HookSummary;
  } catch {
    throw new Error(`schemathesis (${options.name}) ended with code ${output.code} and wrote no report:\n${(output.stdout + output.stderr).slice(-4000)}`);
  }
  return {
    name: options.name,
    exitCode: output.code,
    seconds,
    cases: report.test_cases.generated,
    casesWithFailures: report.test_cases.with_failures,
    operations: { total: report.operations?.total ?? 0, tested: report.operations?.tested ?? 0 },
    casesByOperation: summary.cases,
    checks: summary.checks,
    failures: summary.failures,
    droppedFailures: summary.droppedFailures,
    errors: report.errors,
    reportDir,
  };
};

/** One line: the cases of each run, the failures, and how often each check passed and failed. */
export const summaryLine = (results: readonly FuzzResult[]): string => {
  const checks = new Map<string, { passed: number; failed: number }>();
  for (const result of results) {
    for (const [name, counts] of Object.entries(result.checks)) {
      const total = checks.get(name) ?? { passed: 0, failed: 0 };
      checks.set(name, { passed: total.passed + counts.passed, failed: total.failed + counts.failed });
    }
  }
  const cases = results.reduce((sum, r) => sum + r.cases, 0);
  const failed = results.reduce((sum, r) => sum + r.casesWithFailures, 0);
  const runs = results.map((r) => `${r.name} ${r.cases} in ${r.seconds.toFixed(0)}s`).join(', ');
  const perCheck = [...checks].map(([name, c]) => `${name} ${c.passed}✓${c.failed ? ` ${c.failed}✗` : ''}`).join(', ');
  return `[fuzz] ${cases} cases (${runs}), ${failed} with failures; checks: ${perCheck}`;
};

/** The first `limit` distinct failures of each run, each with the request that reproduces it. */
export const describeFailures = (results: readonly FuzzResult[], limit = 10): string => {
  const blocks: string[] = [];
  for (const result of results) {
    const rank = (f: FuzzFailure) => (fuzzChecks as readonly string[]).indexOf(f.check);
    const shown = [...result.failures].sort((a, b) => rank(a) - rank(b)).slice(0, limit);
    for (const f of shown) {
      blocks.push(
        [
          `${result.name} · ${f.check} · ${f.operation} · ${f.title} (${f.count} case${f.count === 1 ? '' : 's'})`,
          ...f.message
            .trim()
            .split('\n')
            .filter((line) => line.trim())
            .map((line) => `    ${line}`),
          ...(f.variants.length > 1 ? [`    also: ${f.variants.slice(1).join(' · ')}`] : []),
          `    answer: ${f.status ?? '—'} ${f.contentType ?? ''} ${f.body ?? ''}`.trimEnd(),
          `    ${f.curl.replace("'Authorization: [Filtered]'", `"Authorization: Bearer $TOKEN"`)}`,
        ].join('\n'),
      );
    }
    const more = result.failures.length - shown.length + result.droppedFailures;
    if (more > 0) blocks.push(`${result.name}: ${more} more distinct failures in ${path.relative(repoRoot, result.reportDir)}/summary.json`);
    for (const error of result.errors) blocks.push(`${result.name} · error · ${error.title} (${error.count})`);
  }
  return blocks.join('\n\n');
};
