import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSpec } from '../../generator/pipeline/build.js';
import { handlerCoverage } from '../../generator/rules/project/handler-coverage.js';
import { functionsSection } from '../../generator/sections/functions/index.js';
import { BUILTIN } from '../../generator/sections/index.js';
import { contextFiles, contextHash, ignored, ignoreRules } from '../../generator/sections/functions/image-context.js';
import { compileYaml, PROJECT } from '../helpers/compile-yaml.js';
import { CLEAN, cfnLint } from '../helpers/cfn-lint.js';

const DOCKERFILE = 'FROM public.ecr.aws/lambda/python:3.12\nCOPY app.py ./\nCMD ["app.handler"]\n';
const APP = 'def handler(event, context):\n    return {"ok": True}\n';
const spec = (fn: string) => `${PROJECT}
functions:
  fraud:
${fn}
routes:
  GET /orders: fraud
`;
const imageFn = (extra = '', image = 'handlers/fraud') => spec(`    image: ${image}\n    memory: 3008\n${extra}`);
const FILES = { 'handlers/fraud/Dockerfile': DOCKERFILE, 'handlers/fraud/app.py': APP };
const build = (text: string, files: Record<string, string | undefined> = {}, env = 'test') =>
  compileYaml(
    text,
    env,
    {},
    BUILTIN,
    Object.fromEntries(Object.entries({ ...FILES, ...files }).filter((e): e is [string, string] => e[1] !== undefined)),
  );
const errors = (b: ReturnType<typeof build>) => b.diagnostics.filter((d) => d.severity === 'error');
const tagOf = (b: ReturnType<typeof build>) => b.manifest!.images![0].tag;

describe('container-image functions', () => {
  it('put the repository in data and run the image by a tag that is the hash of the context', () => {
    const built = build(imageFn());
    expect(errors(built)).toEqual([]);
    expect(built.layerOf.FraudRepository).toBe('data');
    expect(built.layerOf.FraudFunction).toBe('app');
    const repository = built.resources.FraudRepository as any;
    expect(repository.Properties).toMatchObject({
      RepositoryName: 'test-fraud',
      ImageScanningConfiguration: { ScanOnPush: true },
      ImageTagMutability: 'IMMUTABLE',
      EncryptionConfiguration: { EncryptionType: 'KMS' },
      EmptyOnDelete: true,
    });
    expect(JSON.parse(repository.Properties.LifecyclePolicy.LifecyclePolicyText).rules[0].selection).toEqual({
      tagStatus: 'any',
      countType: 'imageCountMoreThan',
      countNumber: 10,
    });
    // Lambda may pull, for this function (and its versions) only.
    expect(repository.Properties.RepositoryPolicyText.Statement).toEqual([
      {
        Sid: 'LambdaPullsThisFunctionsImages',
        Effect: 'Allow',
        Principal: { Service: 'lambda.amazonaws.com' },
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        Condition: {
          StringLike: {
            'aws:SourceArn': [
              { 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:test-fraud' },
              { 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:test-fraud:*' },
            ],
          },
        },
      },
    ]);
    expect(repository.DeletionPolicy).toBe('Delete');
    const fn = built.resources.FraudFunction.Properties;
    const [image] = built.manifest!.images!;
    expect(image).toEqual({
      function: 'fraud',
      context: 'handlers/fraud',
      dockerfile: 'Dockerfile',
      platform: 'linux/arm64',
      repository: 'test-fraud',
      tag: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(fn).toMatchObject({ PackageType: 'Image', Architectures: ['arm64'], MemorySize: 3008 });
    expect(fn.Code).toEqual({
      ImageUri: { 'Fn::Sub': `\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.\${AWS::URLSuffix}/test-fraud:${image.tag}` },
    });
    expect(fn.Handler).toBeUndefined();
    expect(fn.Runtime).toBeUndefined();
    // No zip to upload; the role has nothing about ECR (the repository policy lets Lambda pull).
    expect(built.manifest!.artifacts).toEqual([]);
    expect(JSON.stringify(built.resources.FraudRole)).not.toContain('ecr:');
  });

  it('say "image" in gen graph', () => {
    const root = mkdtempSync(join(tmpdir(), 'gen-image-graph-'));
    try {
      for (const [name, text] of Object.entries({ 'spec/app.yaml': imageFn(), ...FILES })) {
        mkdirSync(join(root, name, '..'), { recursive: true });
        writeFileSync(join(root, name), text);
      }
      const { spec } = readSpec({ root, specDir: join(root, 'spec') });
      const env = { name: 'test', functions: { memory: 512, timeout: 10 } } as never;
      expect([functionsSection.graph!(spec!, env, BUILTIN)].flat()[0].nodes).toEqual([
        'functions_fraud(["fraud<br/>image, 3008 MB, 10 s"])',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('run in the private network like any function, needing no ECR endpoint (Lambda pulls, not the function)', () => {
    const built = build(`${imageFn()}network:\n  internet: none\n  endpoints: [dynamodb]\n`);
    expect(errors(built)).toEqual([]);
    expect(built.resources.FraudFunction.Properties.VpcConfig).toBeDefined();
    expect(built.diagnostics.filter((d) => /ecr/i.test(d.message))).toEqual([]);
  });

  it('keep the repository in protected environments', () => {
    const repository = build(imageFn(), {}, 'production').resources.FraudRepository as any;
    expect([repository.DeletionPolicy, repository.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
    expect(repository.Properties.EmptyOnDelete).toBe(false);
    expect(repository.Properties.RepositoryName).toBe('production-fraud');
  });

  it('give the same tag for the same context, and a new one when a file, the Dockerfile or the architecture changes', () => {
    const tag = tagOf(build(imageFn()));
    expect(tagOf(build(imageFn()))).toBe(tag);
    expect(tagOf(build(imageFn(), { 'handlers/fraud/app.py': `${APP}# changed\n` }))).not.toBe(tag);
    expect(tagOf(build(imageFn(), { 'handlers/fraud/lib/rules.py': 'X = 1\n' }))).not.toBe(tag);
    expect(tagOf(build(imageFn(), { 'handlers/fraud/Dockerfile': `${DOCKERFILE}ENV A=1\n` }))).not.toBe(tag);
    expect(tagOf(build(imageFn('    architecture: x86_64\n')))).not.toBe(tag);
    expect(build(imageFn('    architecture: x86_64\n')).manifest!.images![0].platform).toBe('linux/amd64');
    // A file the .dockerignore leaves out is not in the context: it changes nothing (the .dockerignore itself does).
    const ignoring = { 'handlers/fraud/.dockerignore': 'tests/\n*.md\n' };
    const withIgnore = tagOf(build(imageFn(), ignoring));
    expect(tagOf(build(imageFn(), { ...ignoring, 'handlers/fraud/tests/test_app.py': 'assert True\n' }))).toBe(
      withIgnore,
    );
    expect(tagOf(build(imageFn(), { ...ignoring, 'handlers/fraud/NOTES.md': 'notes\n' }))).toBe(withIgnore);
    // A change of the tag is a change of code: a function kept warm publishes a new version.
    expect(tagOf(build(imageFn(), { 'handlers/fraud/other.txt': 'x' }))).not.toBe(tag);
  });

  it('take {context, dockerfile} for a Dockerfile with another name', () => {
    const built = build(imageFn('', '{ context: handlers/fraud, dockerfile: Dockerfile.lambda }'), {
      'handlers/fraud/Dockerfile': undefined,
      'handlers/fraud/Dockerfile.lambda': DOCKERFILE,
    });
    expect(errors(built)).toEqual([]);
    expect(built.manifest!.images![0]).toMatchObject({ context: 'handlers/fraud', dockerfile: 'Dockerfile.lambda' });
  });

  it('refuse handler or runtime beside image, at the key, with the fix', () => {
    const both = build(imageFn('    handler: handlers/orders.handler\n    runtime: python3.12\n'));
    expect(both.diagnostics.map((d) => [d.code, d.location?.path.join('.'), d.message])).toEqual([
      [
        'GEN365',
        'functions.fraud.handler',
        'functions.fraud.handler cannot be used with image: the image says what to run',
      ],
      [
        'GEN365',
        'functions.fraud.runtime',
        "functions.fraud.runtime cannot be used with image: the image's base image is its runtime",
      ],
    ]);
    expect(both.diagnostics[0].fix).toContain('CMD of its Dockerfile');
    const neither = build(spec('    memory: 512\n'));
    expect(neither.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['GEN202', "functions.fraud is missing 'handler'"],
    ]);
    expect(neither.diagnostics[0].fix).toContain('image: <folder with a Dockerfile>');
  });

  it('refuse a missing folder, a folder without its Dockerfile and a path leaving the project', () => {
    const missing = build(imageFn('', 'handlers/fraud-detection'));
    expect(missing.diagnostics.map((d) => [d.code, d.location?.path.join('.')])).toEqual([
      ['GEN366', 'functions.fraud.image'],
    ]);
    expect(missing.diagnostics[0].message).toBe(
      "image folder handlers/fraud-detection of function 'fraud' does not exist",
    );
    const noDockerfile = build(imageFn(), { 'handlers/fraud/Dockerfile': undefined });
    expect(noDockerfile.diagnostics.map((d) => [d.code, d.location?.path.join('.')])).toEqual([
      ['GEN367', 'functions.fraud.image'],
    ]);
    const named = build(imageFn('', '{ context: handlers/fraud, dockerfile: Dockerfile.lambda }'));
    expect(named.diagnostics.map((d) => [d.code, d.location?.path.join('.')])).toEqual([
      ['GEN367', 'functions.fraud.image.dockerfile'],
    ]);
    const outside = build(imageFn('', '../elsewhere'));
    expect(outside.diagnostics.map((d) => [d.code, d.location?.path.join('.')])).toEqual([
      ['GEN206', 'functions.fraud.image'],
    ]);
  });

  it('warn when a Lambda base image gets no CMD', () => {
    const built = build(imageFn(), {
      'handlers/fraud/Dockerfile': 'FROM public.ecr.aws/lambda/python:3.12\nCOPY app.py ./\n',
    });
    expect(built.diagnostics.map((d) => [d.code, d.severity])).toEqual([['GEN369', 'warning']]);
    expect(build(imageFn()).diagnostics).toEqual([]);
  });
});

describe('handler coverage (GEN-P5) with image functions', () => {
  it('counts the Python files of an image folder as that function’s code, not as handlers without a function', () => {
    const root = mkdtempSync(join(tmpdir(), 'gen-image-coverage-'));
    try {
      const files: Record<string, string> = {
        'spec/app.yaml': imageFn(),
        'handlers/fraud/Dockerfile': DOCKERFILE,
        'handlers/fraud/app.py': APP,
        'handlers/fraud/rules/limits.py': 'LIMIT = 1\n',
        'handlers/stray.py': APP,
      };
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(join(root, name, '..'), { recursive: true });
        writeFileSync(join(root, name), text);
      }
      const { spec } = readSpec({ root, specDir: join(root, 'spec') });
      expect(handlerCoverage.check({ spec: spec!, environments: [] }).map((v) => v.resource)).toEqual([
        'handlers/stray',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('cfn-lint on image functions', () => {
  it('finds nothing in test and production, a version and alias included (one run)', () => {
    const work = mkdtempSync(join(tmpdir(), 'gen-lint-images-'));
    try {
      const files = ['test', 'production'].flatMap((env) => {
        const built = build(
          imageFn('    architecture: x86_64\n    reservedConcurrency: 5\n    provisionedConcurrency: 2\n'),
          {},
          env,
        );
        expect(errors(built)).toEqual([]);
        return built.stacks!.map((stack) => {
          const file = join(work, `${env}-${stack.file}`);
          writeFileSync(file, stack.body);
          return file;
        });
      });
      expect(cfnLint(files)).toEqual(CLEAN);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('build context', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'gen-context-'));
  const write = (root: string, files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), text);
    }
  };

  it('reads .dockerignore as Docker does: last match wins, folders exclude what is under them, ** spans folders', () => {
    const rules = ignoreRules('# comment\n\nnode_modules\n**/*.pyc\n*.md\n!README.md\n/build/\n');
    expect(ignored(rules, 'node_modules/x/index.js')).toBe(true);
    expect(ignored(rules, 'lib/deep/mod.pyc')).toBe(true);
    expect(ignored(rules, 'mod.pyc')).toBe(true);
    expect(ignored(rules, 'NOTES.md')).toBe(true);
    expect(ignored(rules, 'README.md')).toBe(false);
    expect(ignored(rules, 'docs/NOTES.md')).toBe(false);
    expect(ignored(rules, 'build/out.bin')).toBe(true);
    expect(ignored(rules, 'app.py')).toBe(false);
  });

  it('always keeps the Dockerfile and .dockerignore, even when ignored', () => {
    const root = folder();
    try {
      write(root, { Dockerfile: 'FROM x\n', '.dockerignore': '*\n', 'app.py': '' });
      expect(contextFiles(root, 'Dockerfile')).toEqual(['.dockerignore', 'Dockerfile']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('hashes the same files to the same tag whatever order they were written in, and any content change to another', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8})?$/), { minLength: 1, maxLength: 5 }),
        fc.string({ maxLength: 20 }),
        (names, content) => {
          const files = Object.fromEntries(names.map((n, i) => [`src/${n}.py`, `${content}${i}`]));
          const a = folder();
          const b = folder();
          try {
            write(a, { Dockerfile: 'FROM x\n', ...files });
            write(b, Object.fromEntries(Object.entries({ Dockerfile: 'FROM x\n', ...files }).reverse()));
            const tag = contextHash(a, 'Dockerfile', 'arm64');
            expect(contextHash(b, 'Dockerfile', 'arm64')).toBe(tag);
            writeFileSync(join(b, `src/${names[0]}.py`), `${content}changed`);
            expect(contextHash(b, 'Dockerfile', 'arm64')).not.toBe(tag);
          } finally {
            rmSync(a, { recursive: true, force: true });
            rmSync(b, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
