/** The lint rules that hold the layers of architecture.md really fire. */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();
async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('layer rules', () => {
  it.each([
    ['electron/core/cases/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/domain/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['shared/x.ts', "import { openDesk } from '../electron/core/desk/open-desk';\nexport const a = openDesk;\n"],
    ['renderer/src/x.ts', "import { openDesk } from '../../electron/core/desk/open-desk';\nexport const a = openDesk;\n"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    ['electron/core/cases/x.ts', "import { startHost } from '../../host/server';\nexport const a = startHost;\n"],
    ['electron/core/rules/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['electron/core/time/x.ts', "import type { DeskDb } from '../db/connection';\nexport type A = DeskDb;\n"],
  ])('%s may not import that', async (file, code) => {
    expect(await errorsFor(file, code)).toContain('no-restricted-imports');
  });

  it('allows what the layers allow', async () => {
    expect(await errorsFor('electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
    expect(await errorsFor('renderer/src/x.ts', "import { SERVICES } from '../../shared/domain';\nexport const a = SERVICES;\n")).toEqual([]);
  });

  it('forbids rendering text as HTML', async () => {
    expect(
      await errorsFor('renderer/src/x.tsx', 'export const A = ({ t }: { t: string }) => <div dangerouslySetInnerHTML={{ __html: t }} />;\n'),
    ).toContain('no-restricted-syntax');
  });
});
