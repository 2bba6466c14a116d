import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The project's own lint rules, on code written to break them: the rules a review would otherwise have to catch. */
const eslint = new ESLint({ cwd: process.cwd() });
const messages = async (code: string, filePath: string) => (await eslint.lintText(code, { filePath }))[0]?.messages.map((m) => m.ruleId) ?? [];

describe('lint', () => {
  it('keeps pages and their parts out of the store’s tables and out of Dexie', async () => {
    const page = "import { useLiveQuery } from 'dexie-react-hooks';\nexport const read = (db: { cases: { get(id: string): unknown } }) => db.cases.get('c1');\nexport const hook = useLiveQuery;\n";
    expect(await messages(page, 'renderer/src/features/cases/Example.tsx')).toEqual(['no-restricted-imports', 'no-restricted-syntax']);
    // The application layer and the store may.
    expect(await messages(page, 'renderer/src/app/example.ts')).toEqual([]);
  }, 30_000);

  it('forbids an import cycle', async () => {
    // shared/audit/trail.ts imports shared/domain/words.ts: words importing trail back would close a cycle.
    const code = "import { rowDigest } from '../audit/trail.js';\nexport const n = rowDigest;\n";
    expect(await messages(code, 'shared/domain/words.ts')).toContain('import-x/no-cycle');
  }, 30_000);
});
