import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function ruleMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (enforced by the lint run in npm test)', () => {
  it('stops the web app importing server code or Node built-ins', async () => {
    expect(await ruleMessages('src/web/features/x.ts', "import { buildApp } from '../../server/app.js';\nexport const a = buildApp;\n")).toEqual([
      expect.stringMatching(/src\/web must not import src\/server/),
    ]);
    expect(await ruleMessages('src/web/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await ruleMessages('src/web/x.ts', "import { IdSchema } from '../shared/contracts/common.js';\nexport const a = IdSchema;\n")).toEqual([]);
  });

  it('keeps shared code free of server, web and Node imports', async () => {
    expect(await ruleMessages('src/shared/domain/x.ts', "import { AppError } from '../../server/errors.js';\nexport const a = AppError;\n")).toHaveLength(1);
    expect(await ruleMessages('src/shared/domain/x.ts', "import { App } from '../../web/app.js';\nexport const a = App;\n")).toHaveLength(1);
  });
});
