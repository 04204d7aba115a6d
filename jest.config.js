/**
 * Four projects: `unit` (no network), `integration` (real Kafka and DynamoDB Local, started once by
 * the global setup), `infra` (the CDK template) and `localstack` (the stack deployed to LocalStack,
 * run on its own by `npm run test:localstack`). TypeScript is compiled by swc as ES modules; jest
 * runs with `--experimental-vm-modules` (see `infra/local/cli/test.ts`).
 */
const transform = {
  '^.+\\.(t|j)s$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'es6' } },
  ],
};
const common = {
  transform,
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    // The package.json `imports` aliases, and `.js` specifiers of TypeScript files.
    '^#(shared|events|services|infra)/(.*)\\.js$': '<rootDir>/$1/$2',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

export default {
  testTimeout: 180_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{services,shared,events,infra/local}/**/test/unit/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{services,infra/local}/**/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/infra/local/test/globalSetup.mjs',
      globalTeardown: '<rootDir>/infra/local/test/globalTeardown.mjs',
    },
    {
      ...common,
      displayName: 'infra',
      testMatch: ['<rootDir>/infra/test/**/*.test.ts'],
    },
    {
      // `npm run test:localstack`: the stack deployed to LocalStack in host mode (infra/localstack).
      ...common,
      displayName: 'localstack',
      testMatch: ['<rootDir>/infra/localstack/test/**/*.test.ts'],
    },
  ],
};
