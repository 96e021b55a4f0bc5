/**
 * Golden input/output pairs per section. Each folder tests/golden/sections/<section>/<case>/ is a
 * small project:
 *
 *   spec/*.yaml            the input (required; body schema files and the like may sit beside it)
 *   environments/*.yaml    optional; otherwise tests/fixtures/base/environments (the whole folder)
 *   handlers/              optional; otherwise tests/fixtures/base/handlers (the whole folder)
 *   expected/<env>/*.json  every file `gen build --env <env>` writes: templates and manifest.json
 *
 * Environment `test` is always built; a case pins another environment by having expected/<env>/.
 * The project is built in-process through the real pipeline and compared byte for byte.
 * UPDATE_GOLDEN=1 rewrites expected/ after a deliberate change (review the diff); a missing or
 * empty expected/<env>/ is written on the first run. New sections and cases are found from the
 * folders: adding one needs no edit here.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnvironments } from '../../generator/pipeline/build.js';
import { outputFiles } from '../../generator/pipeline/write.js';
import { FIXTURES, REPO } from '../fixtures/run-fixture.js';
import { CLEAN, cfnLint } from '../helpers/cfn-lint.js';

const SECTIONS = join(REPO, 'tests/golden/sections');
/** Folders a case may leave out, taken from the base fixture instead. */
const DEFAULTED = ['environments', 'handlers'];

const folders = (path: string) => (existsSync(path) ? readdirSync(path, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : []);

/** The case as a project in a temporary folder: the case's own files, the base fixture's for what it leaves out. */
function projectOf(caseDir: string): string {
  const root = mkdtempSync(join(tmpdir(), 'gen-golden-section-'));
  for (const part of DEFAULTED) if (!existsSync(join(caseDir, part))) cpSync(join(FIXTURES, 'base', part), join(root, part), { recursive: true });
  for (const entry of readdirSync(caseDir)) if (entry !== 'expected') cpSync(join(caseDir, entry), join(root, entry), { recursive: true });
  return root;
}

function compareOrWrite(files: Map<string, string>, expectedDir: string, label: string) {
  if (process.env.UPDATE_GOLDEN || !existsSync(expectedDir) || readdirSync(expectedDir).length === 0) {
    rmSync(expectedDir, { recursive: true, force: true });
    mkdirSync(expectedDir, { recursive: true });
    for (const [name, content] of files) writeFileSync(join(expectedDir, name), content);
  }
  const where = relative(REPO, expectedDir);
  expect([...files.keys()].sort(), `${label}: the files written differ from ${where} (UPDATE_GOLDEN=1 after reviewing)`).toEqual(readdirSync(expectedDir).sort());
  for (const [name, content] of files) {
    expect(content, `${label}: ${name} differs from ${where} (UPDATE_GOLDEN=1 after reviewing)`).toBe(readFileSync(join(expectedDir, name), 'utf8'));
  }
}

const sections = folders(SECTIONS);

it('finds golden cases, each with a spec/ folder', () => {
  expect(sections.length).toBeGreaterThan(0);
  for (const section of sections) {
    const cases = folders(join(SECTIONS, section));
    expect(cases.length, `tests/golden/sections/${section} has no case folders`).toBeGreaterThan(0);
    for (const name of cases) expect(existsSync(join(SECTIONS, section, name, 'spec')), `tests/golden/sections/${section}/${name} has no spec/`).toBe(true);
  }
});

describe.each(sections)('section %s', (section) => {
  const cases = folders(join(SECTIONS, section)).filter((name) => existsSync(join(SECTIONS, section, name, 'spec')));

  it.each(cases)('%s builds and matches expected/ byte for byte', (name) => {
    const caseDir = join(SECTIONS, section, name);
    const envs = ['test', ...folders(join(caseDir, 'expected')).filter((env) => env !== 'test')];
    const root = projectOf(caseDir);
    try {
      const results = buildEnvironments({ root, specDir: join(root, 'spec') }, envs);
      envs.forEach((env, i) => {
        const { stacks, manifest, documents, diagnostics } = results[i];
        const label = `${section}/${name} (${env})`;
        expect(diagnostics.filter((d) => d.severity === 'error'), `${label} does not build`).toEqual([]);
        if (!stacks || !manifest) throw new Error(`${label}: the build returned no output`);
        compareOrWrite(outputFiles({ stacks, manifest, documents }), join(caseDir, 'expected', env), label);
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/**
 * The real cfn-lint (from the project's .venv) over every template every golden case pins, in one
 * run: cfn-lint takes seconds to start, and a new section's cases are linted without an edit here.
 * Run after the cases above, which keep expected/ equal to what gen builds.
 */
describe('cfn-lint on every golden section template', () => {
  it('finds no error and no warning', () => {
    const files = sections.flatMap((section) =>
      folders(join(SECTIONS, section)).flatMap((name) =>
        folders(join(SECTIONS, section, name, 'expected')).flatMap((env) => {
          const dir = join(SECTIONS, section, name, 'expected', env);
          return readdirSync(dir)
            .filter((f) => f.endsWith('.template.json'))
            .map((f) => join(dir, f));
        }),
      ),
    );
    for (const section of sections)
      expect(
        files.some((f) => f.includes(`/sections/${section}/`)),
        `no golden template of ${section}`,
      ).toBe(true);
    expect(cfnLint(files)).toEqual(CLEAN);
  }, 300_000);
});
