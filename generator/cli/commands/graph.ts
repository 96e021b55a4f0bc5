/** gen graph --env <name>: write out/<env>/architecture.md (Mermaid), or an HTML page with --format html. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { BUILTIN } from '../../sections/index.js';
import { hasErrors } from '../../diagnostics.js';
import { environmentDir, resolveEnvironment } from '../../environment/resolve.js';
import { architectureHtml, architectureMarkdown } from '../../graph/architecture.js';
import { readSpec } from '../../pipeline/build.js';
import {
  diagnosticsJson,
  printDiagnostics,
  printJson,
  projectPaths,
  withCommonOptions,
  type CommonArgs,
} from '../common.js';
import { EXIT } from '../exit-codes.js';

export const graphCommand = {
  command: 'graph',
  describe: 'Draw the architecture (routes -> functions -> tables, alarms -> topic, by stack) into out/<env>/',
  builder: (yargs: Argv) =>
    withCommonOptions(yargs)
      .option('env', { type: 'string', demandOption: true, describe: 'Environment to draw' })
      .option('format', {
        choices: ['markdown', 'html'] as const,
        default: 'markdown' as const,
        describe: 'markdown: architecture.md (renders on GitHub/GitLab); html: architecture.html to open in a browser',
      })
      .option('out', { type: 'string', describe: 'Output folder', defaultDescription: '<project>/out' }),
  run: (args: CommonArgs & { env: string; format: 'markdown' | 'html'; out?: string }) => {
    const paths = projectPaths(args);
    const read = readSpec(paths);
    const resolved = resolveEnvironment(args.env, environmentDir(paths.root), paths.root, BUILTIN.schemas);
    const diagnostics = [...read.diagnostics, ...resolved.diagnostics];
    // --json (a common option): one document on stdout, as build and validate print.
    const report = (ok: boolean, file?: string) =>
      printJson({
        ok,
        command: 'graph',
        environment: args.env,
        ...(file ? { file: relative(paths.root, file) } : {}),
        diagnostics: diagnosticsJson(paths.root, diagnostics),
      });
    if (hasErrors(diagnostics) || !read.spec || !resolved.env) {
      if (args.json) report(false);
      else printDiagnostics(paths.root, diagnostics);
      return EXIT.specErrors;
    }
    const dir = join(resolve(args.out ?? join(paths.root, 'out')), args.env);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, args.format === 'html' ? 'architecture.html' : 'architecture.md');
    writeFileSync(
      file,
      args.format === 'html'
        ? architectureHtml(read.spec, resolved.env)
        : architectureMarkdown(read.spec, resolved.env),
    );
    if (args.json) report(true, file);
    else process.stdout.write(`gen: wrote ${relative(process.cwd(), file)}\n`);
    return EXIT.ok;
  },
};
