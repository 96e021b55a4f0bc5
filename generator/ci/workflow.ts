/**
 * The GitHub Actions workflow `gen init` writes (.github/workflows/gen.yml): build every
 * environment with --locked and check it; on pull requests, gen diff of each environment in the
 * job summary; on pushes to main, gen deploy of each unprotected environment, and of protected
 * ones only once the user uncomments their job behind a GitHub environment with reviewers.
 * Written line by line (not through a YAML library) to keep its comments; same project, same bytes.
 */
import { byText } from '../order.js';
import { roleVariable } from './variables.js';

export interface WorkflowEnvironment {
  name: string;
  region: string;
  protected: boolean;
}

export const WORKFLOW_FILE = '.github/workflows/gen.yml';
const expr = (text: string) => `\${{ ${text} }}`;
const jobId = (kind: string, env: string) => `${kind}-${env.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * Checkout, Node.js and the project's packages (gen among its devDependencies), gen on PATH.
 * Majors whose actions run on Node 24: GitHub removed the node20 runtime (the v4s) in September 2026.
 */
const SETUP = [
  '- uses: actions/checkout@v6',
  '- uses: actions/setup-node@v6',
  '  with:',
  '    node-version: 22',
  '    cache: npm',
  '- run: npm ci',
  '- run: echo "$PWD/node_modules/.bin" >> "$GITHUB_PATH"',
];

const credentials = (env: WorkflowEnvironment, kind: 'deploy' | 'diff') => [
  '- uses: aws-actions/configure-aws-credentials@v6',
  '  with:',
  `    role-to-assume: ${expr(`vars.${roleVariable(env.name, kind)}`)}`,
  `    aws-region: ${env.region}`,
  ...(kind === 'deploy' ? ['    role-duration-seconds: 7200'] : []),
];

/** Protected environments' deploy roles trust only jobs of the GitHub environment of the same name. */
const bootstrapCommand = (env: WorkflowEnvironment) =>
  `gen bootstrap --env ${env.name} --github-repo OWNER/NAME${env.protected ? ` --github-environment ${env.name}` : ''}`;

const AWS_PERMISSIONS = ['permissions:', '  contents: read', '  id-token: write'];

function buildJob(envs: WorkflowEnvironment[]): string[] {
  return [
    'build:',
    '  name: build and check',
    '  runs-on: ubuntu-latest',
    '  permissions:',
    '    contents: read',
    '  steps:',
    ...SETUP.map((l) => `    ${l}`),
    '    # --locked: exit 1 when placement/<env>.json is not the committed one (commit it with the spec).',
    ...envs.flatMap((e) => [`    - run: gen build --env ${e.name} --locked`, `    - run: gen check --env ${e.name}`]),
  ];
}

/** gen diff exits 1 when AWS would refuse a change: shown in the job summary first, then the job fails. */
function diffJob(env: WorkflowEnvironment): string[] {
  return [
    `${jobId('diff', env.name)}:`,
    `  name: diff ${env.name}`,
    '  # Pull requests from forks get no OIDC token: they are built and checked, not diffed.',
    `  if: github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository`,
    '  needs: build',
    '  runs-on: ubuntu-latest',
    ...AWS_PERMISSIONS.map((l) => `  ${l}`),
    '  concurrency:',
    `    group: gen-diff-${env.name}-${expr('github.ref')}`,
    '    cancel-in-progress: true',
    '  steps:',
    ...[...SETUP, ...credentials(env, 'diff')].map((l) => `    ${l}`),
    `    - name: gen diff --env ${env.name}`,
    '      run: |',
    '        set +e',
    `        gen diff --env ${env.name} > gen-diff.txt 2>&1`,
    '        code=$?',
    '        cat gen-diff.txt',
    `        { echo '### gen diff --env ${env.name}'; echo '\`\`\`'; cat gen-diff.txt; echo '\`\`\`'; } >> "$GITHUB_STEP_SUMMARY"`,
    '        exit $code',
  ];
}

function deployJob(env: WorkflowEnvironment, needs: string[]): string[] {
  return [
    `${jobId('deploy', env.name)}:`,
    `  name: deploy ${env.name}`,
    `  if: github.event_name == 'push' && github.ref == 'refs/heads/main'`,
    `  needs: [${needs.join(', ')}]`,
    ...(env.protected ? [`  environment: ${env.name}`] : []),
    '  runs-on: ubuntu-latest',
    ...AWS_PERMISSIONS.map((l) => `  ${l}`),
    '  # One deploy of an environment at a time; a newer push waits instead of cancelling a running deploy.',
    '  concurrency:',
    `    group: gen-deploy-${env.name}`,
    '    cancel-in-progress: false',
    '  steps:',
    ...[...SETUP, ...credentials(env, 'deploy')].map((l) => `    ${l}`),
    `    - run: gen deploy --env ${env.name} --approve`,
  ];
}

/** A protected environment's deploy job, commented out until its GitHub environment has reviewers. */
function protectedDeploy(env: WorkflowEnvironment, needs: string[], active: boolean): string[] {
  const job = deployJob(env, needs);
  if (active) return job;
  return [
    `# ${env.name} is protected (environments/${env.name}.yaml): its deploy waits for a reviewer. Before`,
    `# uncommenting, create the GitHub environment '${env.name}' with required reviewers (Settings >`,
    '# Environments, deployment branch main) and let only its jobs assume the deploy role:',
    `#   ${bootstrapCommand(env)}`,
    ...job.map((l) => `# ${l}`),
  ];
}

/** The workflow for these environments; `activeProtected` uncomments protected deploys (tests lint that form too). */
export function renderWorkflow(environments: WorkflowEnvironment[], options: { activeProtected?: boolean } = {}) {
  const envs = [...environments].sort((a, b) => byText(a.name, b.name));
  const open = envs.filter((e) => !e.protected);
  const afterOpen = open.length > 0 ? open.map((e) => jobId('deploy', e.name)) : ['build'];
  const jobs = [
    buildJob(envs),
    ...envs.map(diffJob),
    ...open.map((e) => deployJob(e, ['build'])),
    ...envs.filter((e) => e.protected).map((e) => protectedDeploy(e, afterOpen, Boolean(options.activeProtected))),
  ];
  return [
    '# gen: build and check every environment, show gen diff on pull requests, deploy pushes to main.',
    '# Written by gen init (README, "CI with GitHub Actions"). It needs gen in package.json',
    "# devDependencies (package-lock.json committed) and the roles' ARNs as repository variables:",
    ...envs.map((e) => `#   ${bootstrapCommand(e)}`),
    '# (each prints its gh variable set lines).',
    'name: gen',
    '',
    'on:',
    '  pull_request:',
    '  push:',
    '    branches: [main]',
    '',
    '# Nothing by default: each job asks for what it needs.',
    'permissions: {}',
    '',
    'jobs:',
    ...jobs.flatMap((job, i) => [...(i > 0 ? [''] : []), ...job.map((l) => (l ? `  ${l}` : l))]),
    '',
  ].join('\n');
}
