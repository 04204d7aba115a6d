import path from 'node:path';
import { ESLint } from 'eslint';
import { repoRoot } from '../../paths.js';

const lint = async (file: string, code: string) => {
  const eslint = new ESLint({ cwd: repoRoot });
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return result!.messages.filter((m) => m.ruleId === 'boundaries/no-cross-service-import');
};

describe('the service boundary lint rule', () => {
  it('fails when a file of one service imports another service', async () => {
    // Act
    const messages = await lint('services/dashboard/src/app/x.ts', "export { decide } from '../../../reports/src/domain/annualReport.js';\n");

    // Assess
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toContain("Service 'dashboard' imports");
  });

  it('fails when the import goes through the #services alias', async () => {
    // Act
    const messages = await lint('services/dashboard/src/app/x.ts', "export { decide } from '#services/reports/src/domain/annualReport.js';\n");

    // Assess
    expect(messages.map((m) => m.message)).toEqual([expect.stringContaining("imports '#services/reports/src/domain/annualReport.js' from service 'reports'")]);
  });

  it('lets a service import its own files, events/ and shared/', async () => {
    // Act
    const messages = await lint(
      'services/dashboard/src/app/x.ts',
      "import { summarise } from '../domain/overview.js';\nimport { topics } from '#events/topics.js';\nimport { inReach } from '#shared/auth/reach.js';\nexport { summarise, topics, inReach, dashboard };\n",
    );

    // Assess
    expect(messages).toEqual([]);
  });
});
