/** Python functions: handler and code hash from the module's folder, checks at the spec, packaging for Lambda's platform. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePython, pipArguments, pythonInterpreter } from '../../generator/deploy/package-python.js';
import { BUILTIN } from '../../generator/sections/index.js';
import { creationBlocked, deprecationSoon } from '../../generator/sections/functions/runtimes.js';
import { codes, compileYaml, PROJECT } from '../helpers/compile-yaml.js';

const MODULE =
  'import json\n\ndef handler(event, context):\n    return {"ok": True}\n\nasync def other(event, context):\n    pass\n';
const spec = (fn: string) => `${PROJECT}
functions:
  ingest:
${fn}
routes:
  GET /orders: ingest
`;
const ingest = (extra = '', handler = 'handlers/py/ingest.handler', runtime = 'python3.13') =>
  spec(`    handler: ${handler}\n    runtime: ${runtime}\n    architecture: arm64\n${extra}`);
const build = (text: string, files: Record<string, string> = {}) =>
  compileYaml(text, 'test', {}, BUILTIN, {
    'handlers/py/ingest.py': MODULE,
    'handlers/py/util.py': 'X = 1\n',
    ...files,
  });

describe('Python functions', () => {
  it('run the module by its own name, from a zip of its folder hashed with the runtime and architecture', () => {
    const built = build(ingest());
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const fn = built.resources.IngestFunction.Properties;
    expect(fn.Handler).toBe('ingest.handler');
    expect(fn.Runtime).toBe('python3.13');
    const artifact = built.manifest!.artifacts.find((a) => a.function === 'ingest')!;
    expect(artifact.python).toEqual({ folder: 'handlers/py', runtime: 'python3.13', architecture: 'arm64' });
    expect(fn.Code.S3Key).toBe(artifact.key);
    // Another file of the folder, the requirements, or the architecture change the artifact's name.
    const keyOf = (b: ReturnType<typeof build>) => b.resources.IngestFunction.Properties.Code.S3Key;
    expect(keyOf(build(ingest(), { 'handlers/py/util.py': 'X = 2\n' }))).not.toBe(fn.Code.S3Key);
    expect(keyOf(build(ingest(), { 'handlers/py/requirements.txt': 'six==1.16.0\n' }))).not.toBe(fn.Code.S3Key);
    expect(keyOf(build(ingest().replace('arm64', 'x86_64')))).not.toBe(fn.Code.S3Key);
    // Tests beside the code are neither shipped nor hashed.
    expect(keyOf(build(ingest(), { 'handlers/py/tests/test_ingest.py': 'assert True\n' }))).toBe(fn.Code.S3Key);
    expect(
      build(ingest(), { 'handlers/py/requirements.txt': 'six==1.16.0\n' }).manifest!.artifacts[0].python?.requirements,
    ).toBe('handlers/py/requirements.txt');
  });

  it('refuse a function the module does not define, with did-you-mean, and a missing .py file', () => {
    const missing = build(ingest('', 'handlers/py/ingest.handlr'));
    expect(missing.diagnostics.map((d) => `${d.code} ${d.message}`)).toContain(
      "GEN331 handlers/py/ingest.py defines no top-level function 'handlr'. Did you mean 'handler'?",
    );
    const noFile = build(ingest('', 'handlers/py/nothing.handler'));
    expect(noFile.diagnostics.find((d) => d.code === 'GEN304')?.fix).toBe(
      "create handlers/py/nothing.py defining 'handler', or fix the path",
    );
  });

  it('warn a year before AWS deprecates the runtime, and refuse one Lambda no longer creates functions with', () => {
    expect(deprecationSoon('python3.13', new Date('2026-11-24'))).toBeUndefined();
    expect(deprecationSoon('python3.13', new Date('2028-07-01'))).toBe('2029-06-30');
    expect(deprecationSoon('python3.11', new Date('2026-01-01'))).toBe('2026-06-30');
    expect(creationBlocked('python3.11', new Date('2026-07-30'))).toBeUndefined();
    expect(creationBlocked('python3.11', new Date('2026-07-31'))).toBe('2026-07-31');
    const retired = build(ingest('', 'handlers/py/ingest.handler', 'python3.11'));
    const expected = creationBlocked('python3.11') ? 'GEN333' : 'GEN330';
    const found = retired.diagnostics.find((d) => d.code === expected);
    expect(found?.message).toContain('python3.11');
    if (expected === 'GEN333') expect(found?.fix).toBe('use python3.14 (test the code on it first)');
  });

  it('warn about requirements without an exact version, whose resolution the artifact hash cannot see', () => {
    const built = build(ingest(), {
      'handlers/py/requirements.txt': '# tools\nsix==1.16.0\nrequests>=2\n-r other.txt\nboto3 ; python_version > "3"\n',
    });
    const warnings = built.diagnostics.filter((d) => d.code === 'GEN334').map((d) => d.message.split(' in ')[0]);
    expect(warnings).toEqual(['requests>=2', 'boto3 ; python_version > "3"']);
    expect(built.stacks).toBeDefined(); // a warning, not an error
  });

  it('take per-environment variables, naming every environment', () => {
    const perEnv = build(ingest('    environment:\n      STAGE: { test: t, production: p }\n      LEVEL: info\n'));
    expect(perEnv.resources.IngestFunction.Properties.Environment.Variables).toEqual({ LEVEL: 'info', STAGE: 't' });
    expect(codes(build(ingest('    environment:\n      STAGE: { test: t }\n')))).toContain('GEN332');
    const unknown = build(ingest('    environment:\n      STAGE: { test: t, production: p, prod: x }\n'));
    expect(unknown.diagnostics.map((d) => d.message)).toContain(
      "STAGE names environment 'prod', which has no file in environments/. Did you mean 'production'?",
    );
  });
});

describe('Python packaging', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gen-pypkg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A tiny pure-Python wheel made here, so pip installs from this folder and never reaches a registry. */
  function wheel(): string {
    const wheels = join(dir, 'wheels');
    const build = join(dir, 'wheel-src');
    mkdirSync(join(build, 'tinypkg'), { recursive: true });
    mkdirSync(join(build, 'tinypkg-1.0.dist-info'), { recursive: true });
    writeFileSync(join(build, 'tinypkg/__init__.py'), 'VALUE = 42\n');
    writeFileSync(
      join(build, 'tinypkg-1.0.dist-info/METADATA'),
      'Metadata-Version: 2.1\nName: tinypkg\nVersion: 1.0\n',
    );
    writeFileSync(
      join(build, 'tinypkg-1.0.dist-info/WHEEL'),
      'Wheel-Version: 1.0\nGenerator: gen-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
    );
    writeFileSync(
      join(build, 'tinypkg-1.0.dist-info/RECORD'),
      'tinypkg/__init__.py,,\ntinypkg-1.0.dist-info/METADATA,,\ntinypkg-1.0.dist-info/WHEEL,,\ntinypkg-1.0.dist-info/RECORD,,\n',
    );
    mkdirSync(wheels, { recursive: true });
    execFileSync(pythonInterpreter(), [
      '-c',
      `import shutil; shutil.make_archive(${JSON.stringify(join(wheels, 'tinypkg-1.0-py3-none-any'))}, 'zip', ${JSON.stringify(build)})`,
    ]);
    execFileSync('mv', [join(wheels, 'tinypkg-1.0-py3-none-any.zip'), join(wheels, 'tinypkg-1.0-py3-none-any.whl')]);
    return wheels;
  }

  it('installs requirements for Lambda (platform, Python version, wheels only) and zips them with the module, reproducibly', async () => {
    const python = {
      folder: 'handlers',
      runtime: 'python3.13',
      architecture: 'arm64',
      requirements: 'handlers/requirements.txt',
    };
    expect(pipArguments(python, 'r.txt', '/t')).toEqual(
      expect.arrayContaining([
        '--platform',
        'manylinux2014_aarch64',
        '--python-version',
        '3.13',
        '--only-binary=:all:',
        '--implementation',
        'cp',
      ]),
    );
    mkdirSync(join(dir, 'project/handlers/tests'), { recursive: true });
    writeFileSync(join(dir, 'project/handlers/ingest.py'), MODULE);
    writeFileSync(join(dir, 'project/handlers/tests/test_ingest.py'), 'assert True\n');
    writeFileSync(join(dir, 'project/handlers/requirements.txt'), 'tinypkg==1.0\n');
    const artifact = { function: 'ingest', source: 'handlers/ingest.py', bucket: 'b', key: 'k', python };
    const extra = ['--no-index', '--find-links', wheel()];
    const zip = await packagePython(join(dir, 'project'), artifact, extra);
    const names = execFileSync(pythonInterpreter(), [
      '-c',
      'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))',
      writeZip(zip),
    ])
      .toString()
      .trim()
      .split('\n');
    expect(names).toContain('ingest.py');
    expect(names).toContain('tinypkg/__init__.py');
    expect(names).not.toContain('requirements.txt');
    expect(names.some((n) => n.startsWith('tests/'))).toBe(false);
    expect((await packagePython(join(dir, 'project'), artifact, extra)).equals(zip)).toBe(true);
  });

  it('says which requirement could not be installed for which platform', async () => {
    mkdirSync(join(dir, 'broken/handlers'), { recursive: true });
    writeFileSync(join(dir, 'broken/handlers/ingest.py'), MODULE);
    writeFileSync(join(dir, 'broken/handlers/requirements.txt'), 'not-a-package-anywhere==9.9\n');
    const python = {
      folder: 'handlers',
      runtime: 'python3.12',
      architecture: 'x86_64',
      requirements: 'handlers/requirements.txt',
    };
    await expect(
      packagePython(
        join(dir, 'broken'),
        { function: 'f', source: 'handlers/ingest.py', bucket: 'b', key: 'k', python },
        ['--no-index', '--find-links', join(dir, 'wheels')],
      ),
    ).rejects.toThrow(/could not install handlers\/requirements.txt for python3.12 on x86_64/);
  });

  function writeZip(zip: Buffer): string {
    const file = join(dir, `z${Math.random().toString(36).slice(2)}.zip`);
    writeFileSync(file, zip);
    return file;
  }
});
