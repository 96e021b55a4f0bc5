/** gen build --env <name>[,<name>...]: compile the spec into CloudFormation templates under out/<env>/. */
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { error, hasErrors } from '../../diagnostics.js';
import { buildEnvironments, type BuildResult, type Paths } from '../../pipeline/build.js';
import { placementDrift, writeBuild } from '../../pipeline/write.js';
import {
  diagnosticsJson,
  printDiagnostics,
  printJson,
  projectPaths,
  summary,
  withCommonOptions,
  type CommonArgs,
} from '../common.js';
import { EXIT } from '../exit-codes.js';
import { sinceLastBuild } from '../../deploy/update-rules/since-last-build.js';
import { BUILTIN } from '../../sections/index.js';
import { regionNote } from '../../output/manifest.js';

interface BuildArgs extends CommonArgs {
  env: string[];
  out?: string;
  watch?: boolean;
  locked?: boolean;
}

export const buildCommand = {
  command: 'build',
  describe: 'Validate the spec and write CloudFormation templates for one or more environments to out/<env>/',
  builder: (yargs: Argv) =>
    withCommonOptions(yargs)
      .option('env', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'Environment(s) to build (files in environments/): --env test, --env test,production',
        coerce: (values: string[]) => [
          ...new Set(
            values
              .flatMap((v) => String(v).split(','))
              .map((v) => v.trim())
              .filter(Boolean),
          ),
        ],
      })
      .option('out', { type: 'string', describe: 'Output folder', defaultDescription: '<project>/out' })
      .option('watch', {
        type: 'boolean',
        default: false,
        describe: 'Rebuild on every save and print what changed (one environment)',
      })
      .option('locked', {
        type: 'boolean',
        default: false,
        describe: 'Fail instead of updating placement/<env>.json (for CI: placements must be committed)',
      })
      .example('$0 build --env test --watch', 'rebuild as you edit')
      .example('$0 build --env test', 'write out/test/*.template.json and out/test/manifest.json')
      .example('$0 build --env test,production', 'both environments, reading the spec once')
      .example('$0 build --env production --json --locked', 'the same, with a JSON report for CI'),
  run: runBuild,
};

interface Outcome {
  env: string;
  result: BuildResult;
  failed: boolean;
  target?: string;
  placementChanged: boolean;
}

function finish(paths: Paths, outDir: string, env: string, built: BuildResult, locked: boolean): Outcome {
  const result =
    locked && built.placement
      ? { ...built, diagnostics: [...built.diagnostics, ...placementDrift(paths.root, built.placement)] }
      : built;
  const failed = hasErrors(result.diagnostics) || !result.stacks || !result.manifest;
  if (failed) return { env, result, failed, placementChanged: false };
  // What AWS would refuse of this change (or take in steps), since the last build: warnings, before it is overwritten.
  result.diagnostics.push(
    ...sinceLastBuild(resolve(outDir, env), result.stacks!, result.spec, BUILTIN, result.env?.file),
  );
  try {
    return {
      env,
      result,
      failed,
      ...writeBuild(paths.root, outDir, env, { ...result, stacks: result.stacks!, manifest: result.manifest! }),
    };
  } catch (e) {
    // The disk's answer (permissions, a full disk, a file where a folder goes) is the user's to fix, not a bug in gen.
    // Inside the output folder, name the environment's folder (not the temporary one it is written through).
    const failedPath = (e as NodeJS.ErrnoException).path;
    const inOut = !failedPath || !relative(outDir, failedPath).startsWith('..');
    const show = (path: string) => relative(process.cwd(), path) || path;
    const where = show(inOut ? resolve(outDir, env) : failedPath);
    const folder = show(inOut ? outDir : failedPath);
    return {
      env,
      failed: true,
      placementChanged: false,
      result: {
        ...result,
        diagnostics: [
          ...result.diagnostics,
          error(
            'GEN349',
            `cannot write ${where}: ${reasonOf(e)}`,
            undefined,
            (e as NodeJS.ErrnoException).code === 'EACCES'
              ? `let your user write to ${folder}${inOut ? ', or pass --out <folder> you can write to' : ''}`
              : 'free the path (or pass --out <another folder>) and build again',
          ),
        ],
      },
    };
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a file is in the way of a folder',
  EEXIST: 'a file is in the way',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
};
const reasonOf = (e: unknown) => REASONS[(e as NodeJS.ErrnoException).code ?? ''] ?? String((e as Error).message);

/** `--out` must name a folder (made when missing): a file there is a usage mistake, said before anything is built. */
function outFolderProblem(outDir: string): string | undefined {
  let stats;
  try {
    stats = statSync(outDir);
  } catch {
    return undefined;
  }
  return stats.isDirectory()
    ? undefined
    : `--out ${relative(process.cwd(), outDir) || outDir} is a file, not a folder: pass a folder (gen makes it when missing)`;
}

const reportJson = (paths: Paths, o: Outcome) => ({
  ok: !o.failed,
  command: 'build',
  environment: o.env,
  ...(o.target ? { outDir: o.target } : {}),
  placementChanged: o.placementChanged,
  stacks: o.result.manifest?.stacks ?? [],
  diagnostics: diagnosticsJson(paths.root, o.result.diagnostics),
});

function reportText(paths: Paths, outDir: string, o: Outcome, ms: number) {
  printDiagnostics(paths.root, o.result.diagnostics);
  if (o.failed) {
    process.stderr.write(
      `gen: build of '${o.env}' failed with ${summary(o.result.diagnostics)}; nothing was written (${relative(process.cwd(), resolve(outDir, o.env)) || '.'}/ is unchanged)\n`,
    );
    return;
  }
  process.stdout.write(
    `gen: built ${o.result.manifest!.project} for ${o.env} in ${ms} ms -> ${relative(process.cwd(), o.target!) || '.'}/\n`,
  );
  if (o.placementChanged) process.stdout.write(`gen: placement/${o.env}.json updated: commit it with the spec\n`);
  for (const s of o.result.manifest!.stacks) {
    process.stdout.write(
      `  ${s.layer.padEnd(11)} ${s.stackName.padEnd(40)} ${String(s.resources).padStart(4)} resources ${(s.bytes / 1024).toFixed(1).padStart(8)} KB${regionNote(o.result.manifest!, s)}\n`,
    );
  }
}

export async function runBuild(args: BuildArgs): Promise<number> {
  const started = performance.now();
  const paths = projectPaths(args);
  const outDir = resolve(args.out ?? resolve(paths.root, 'out'));
  const outProblem = outFolderProblem(outDir);
  if (outProblem) {
    if (args.json) printJson({ ok: false, command: 'build', error: outProblem });
    else process.stderr.write(`gen: ${outProblem}\n`);
    return EXIT.usage;
  }
  if (args.watch) {
    if (args.env.length !== 1) {
      process.stderr.write('gen: --watch builds one environment: pass a single --env\n');
      return EXIT.usage;
    }
    const { watchBuild } = await import('../watch.js');
    return watchBuild(paths, args.env[0], outDir);
  }
  const outcomes = buildEnvironments(paths, args.env).map((built, i) =>
    finish(paths, outDir, args.env[i], built, Boolean(args.locked)),
  );
  const ms = Math.round(performance.now() - started);
  if (args.json) {
    // One environment: its report; several: { ok, command, results: [report...] }.
    printJson(
      outcomes.length === 1
        ? reportJson(paths, outcomes[0])
        : {
            ok: outcomes.every((o) => !o.failed),
            command: 'build',
            results: outcomes.map((o) => reportJson(paths, o)),
          },
    );
  } else {
    for (const o of outcomes) reportText(paths, outDir, o, ms);
  }
  return outcomes.some((o) => o.failed) ? EXIT.specErrors : EXIT.ok;
}
