/** gen bootstrap --env <name>: create the account's API Gateway logging role (once per region) and the environment's artifact bucket stack. */
import type { Argv } from 'yargs';
import { hasErrors } from '../../diagnostics.js';
import { EXIT } from '../exit-codes.js';
import { withTarget, withTargetOptions, type TargetArgs } from './target-options.js';
import { printDiagnostics } from '../common.js';
import { reachesCiRoles, REPO_PATTERN, roleName, type GithubAccess } from '../../deploy/github/oidc.js';
import { roleVariable } from '../../ci/variables.js';

interface BootstrapArgs extends TargetArgs {
  githubRepo?: string;
  githubBranch: string[];
  githubEnvironment: string[];
}

export const bootstrapCommand = {
  command: 'bootstrap',
  describe:
    "Create the environment's artifact bucket (encrypted, versioned, private) that deploys upload code to, and the account's API Gateway logging role",
  builder: (yargs: Argv) =>
    withTargetOptions(yargs)
      .option('github-repo', {
        type: 'string',
        describe:
          'Also create the roles GitHub Actions of this repository (owner/name) assume through OIDC: deploy (branches, environments) and diff (pull requests)',
      })
      .option('github-branch', {
        type: 'string',
        array: true,
        default: [],
        describe: 'Branch whose pushes may deploy (repeatable; default main unless --github-environment is given)',
      })
      .option('github-environment', {
        type: 'string',
        array: true,
        default: [],
        describe: 'GitHub environment whose jobs may deploy (repeatable; give it required reviewers in GitHub)',
      })
      .example('$0 bootstrap --env test --github-repo acme/shop', 'pushes to main deploy test')
      .example(
        '$0 bootstrap --env production --github-repo acme/shop --github-environment production',
        'only jobs of the GitHub environment production deploy production',
      ),
  run: async (args: BootstrapArgs) => {
    const access = githubAccess(args);
    if (typeof access === 'string') {
      process.stderr.write(`gen: ${access}\n`);
      return EXIT.usage;
    }
    return withTarget(args, 'bootstrap', async (target) => {
      // The roles are the project's: its name scopes what they may change.
      const project = access ? await projectName(target.paths) : undefined;
      if (access && !project) return EXIT.specErrors;
      if (project && reachesCiRoles(project, target.env.name)) {
        process.stderr.write(
          `gen: the project's roles (${project}-${target.env.name}-*) would include the GitHub roles (gen-github-*): rename the project to get GitHub roles\n`,
        );
        return EXIT.usage;
      }
      if (project && roleName(project, target.env.name, 'deploy').length > 64)
        return tooLong(roleName(project, target.env.name, 'deploy'));
      const [{ bootstrap }, { consoleReporter }] = await Promise.all([
        import('../../deploy/bootstrap.js'),
        import('../../deploy/reporter.js'),
      ]);
      const reporter = await consoleReporter(Boolean(process.stderr.isTTY));
      const result = await bootstrap(target.clients, target.env.name, reporter);
      if ('reason' in result) {
        process.stderr.write(`gen: bootstrap failed: ${result.reason}\n`);
        return EXIT.specErrors;
      }
      process.stderr.write(`gen: ${target.env.name} is bootstrapped (${result.stackName})\n`);
      if (!access || !project) return EXIT.ok;
      const { bootstrapGithub } = await import('../../deploy/github/bootstrap.js');
      const env = target.env.name;
      const roles = await bootstrapGithub(target.clients, { project, env, account: target.account }, access, reporter);
      if ('reason' in roles) {
        process.stderr.write(`gen: GitHub roles failed: ${roles.reason}\n`);
        return EXIT.specErrors;
      }
      // The ARNs on stdout, one command each: what the workflow gen init wrote reads (role-to-assume).
      process.stderr.write(`gen: GitHub Actions of ${access.repo} can deploy ${env}; set the workflow's variables:\n`);
      process.stdout.write(
        `gh variable set ${roleVariable(env, 'deploy')} --body ${roles.deployRoleArn}\n` +
          `gh variable set ${roleVariable(env, 'diff')} --body ${roles.diffRoleArn}\n`,
      );
      return EXIT.ok;
    });
  },
};

/** The GitHub access asked for, none, or what is wrong with the options (a usage mistake). */
function githubAccess(args: BootstrapArgs): GithubAccess | undefined | string {
  const branches = args.githubBranch.map(String);
  const environments = args.githubEnvironment.map(String);
  if (!args.githubRepo) {
    return branches.length + environments.length > 0
      ? '--github-branch and --github-environment need --github-repo owner/name'
      : undefined;
  }
  if (!REPO_PATTERN.test(args.githubRepo))
    return `--github-repo ${args.githubRepo} is not owner/name (for example acme/shop)`;
  const bad = [...branches, ...environments].find((n) => !n || /[*?"\s]/.test(n));
  if (bad !== undefined) return `'${bad}' cannot be a branch or environment name here (no wildcards, quotes or spaces)`;
  return {
    repo: args.githubRepo,
    branches: branches.length + environments.length === 0 ? ['main'] : branches,
    environments,
  };
}

async function projectName(paths: { root: string; specDir: string }): Promise<string | undefined> {
  const [{ readSpec }, { projectOf }] = await Promise.all([
    import('../../pipeline/build.js'),
    import('../../sections/project/model.js'),
  ]);
  const read = readSpec(paths);
  const name = read.spec && !hasErrors(read.diagnostics) ? projectOf(read.spec)?.value.name : undefined;
  if (!name) {
    printDiagnostics(paths.root, read.diagnostics);
    process.stderr.write("gen: the GitHub roles are scoped to the project's name: fix the spec first\n");
    return undefined;
  }
  return name;
}

function tooLong(name: string): number {
  process.stderr.write(
    `gen: the role name ${name} is longer than IAM's 64 characters: shorten the project or environment name\n`,
  );
  return EXIT.usage;
}
