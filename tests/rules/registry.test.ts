/**
 * The rule registry (generator/rules/index.ts) and the rule folders agree. The CLI is one esbuild
 * bundle, so rules cannot be discovered by scanning folders at run time; this test is what makes
 * "one file per rule, found from the folder" hold: every file in template/ and project/ exports one
 * rule, named like the file and listed; every listed rule has its file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, PROJECT_RULES, TEMPLATE_RULES } from '../../generator/rules/index.js';
import type { AnyRule } from '../../generator/rules/rule.js';

const RULES_DIR = join(import.meta.dirname, '../../generator/rules');
const FOLDERS = { template: TEMPLATE_RULES, project: PROJECT_RULES } as Record<string, readonly AnyRule[]>;

const isRule = (value: unknown): value is AnyRule =>
  !!value &&
  typeof value === 'object' &&
  typeof (value as AnyRule).id === 'string' &&
  typeof (value as AnyRule).check === 'function';

async function rulesInFolder(folder: string): Promise<{ file: string; rules: AnyRule[]; source: string }[]> {
  const files = readdirSync(join(RULES_DIR, folder))
    .filter((f) => f.endsWith('.ts'))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const module = await import(pathToFileURL(join(RULES_DIR, folder, file)).href);
      return {
        file,
        rules: Object.values(module).filter(isRule),
        source: readFileSync(join(RULES_DIR, folder, file), 'utf8'),
      };
    }),
  );
}

describe('rule registry', () => {
  it.each(Object.keys(FOLDERS))(
    'every file in %s/ is one listed rule named like the file, and every listed rule has its file',
    async (folder) => {
      const found = await rulesInFolder(folder);
      for (const { file, rules } of found) {
        expect(rules.length, `${folder}/${file} exports exactly one rule`).toBe(1);
        expect(`${rules[0].name}.ts`, `${folder}/${file}`).toBe(file);
        expect(FOLDERS[folder], `${folder}/${file} is listed in generator/rules/index.ts`).toContain(rules[0]);
      }
      expect(found.map(({ rules }) => rules[0].id).sort()).toEqual(FOLDERS[folder].map((r) => r.id).sort());
    },
  );

  it('lists every rule once, the 14 design properties first, then the guardrails', () => {
    expect(ALL_RULES.length).toBe(TEMPLATE_RULES.length + PROJECT_RULES.length);
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
    const properties = ALL_RULES.filter((r) => r.id.startsWith('GEN-P'));
    expect(properties.map((r) => r.id)).toEqual(Array.from({ length: 14 }, (_, i) => `GEN-P${i + 1}`));
    expect(ALL_RULES.slice(0, 14)).toEqual(properties);
    for (const rule of ALL_RULES) {
      expect(rule.id).toMatch(/^GEN-(P|G)[1-9]\d*$/);
      // A design property carries its number; a guardrail has none.
      expect(rule.property, rule.id).toBe(rule.id.startsWith('GEN-P') ? Number(rule.id.slice(5)) : undefined);
      expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.title.length * rule.description.length * rule.fix.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('project rules are in project/, template rules in template/, with the matching scope', () => {
    for (const rule of PROJECT_RULES) expect(rule.scope).toBe('project');
    for (const rule of TEMPLATE_RULES) expect(['stack', 'environment']).toContain(rule.scope);
  });

  it.each(Object.keys(FOLDERS))(
    'every rule file in %s/ opens with a comment naming its id and saying why',
    async (folder) => {
      for (const { file, rules, source } of await rulesInFolder(folder)) {
        const header = /^\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? '';
        expect(header, `${folder}/${file}`).toContain(rules[0].id);
        expect(header, `${folder}/${file}`).toMatch(/\bWhy\b/);
      }
    },
  );

  it('the rule folders hold nothing but rules', () => {
    for (const folder of Object.keys(FOLDERS)) {
      expect(
        readdirSync(join(RULES_DIR, folder)).filter((f) => !f.endsWith('.ts')),
        folder,
      ).toEqual([]);
    }
  });
});
