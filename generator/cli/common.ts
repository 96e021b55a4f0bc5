/** Options and output shared by the commands. */
import { dirname, resolve } from 'node:path';
import type { Argv } from 'yargs';
import type { Diagnostic } from '../diagnostics.js';
import { formatJson, formatText, Positions, sortPositioned } from './report.js';

export interface CommonArgs {
  spec?: string;
  json?: boolean;
}

export const withCommonOptions = <T>(yargs: Argv<T>) =>
  yargs
    .option('spec', {
      type: 'string',
      describe: 'Spec folder; the project root is its parent (handlers/ and environments/ beside it)',
      defaultDescription: './spec',
    })
    .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document on stdout (for CI)' });

export function projectPaths(args: CommonArgs) {
  const specDir = resolve(args.spec ?? 'spec');
  return { root: dirname(specDir), specDir };
}

/** Print diagnostics as `file:line:col: severity CODE: message` with a fix line, or return them as JSON. */
export function renderDiagnostics(root: string, diagnostics: Diagnostic[]) {
  const positions = new Positions(root);
  return sortPositioned(diagnostics.map((d) => positions.position(d)));
}

export function printDiagnostics(root: string, diagnostics: Diagnostic[]): void {
  for (const d of renderDiagnostics(root, diagnostics)) process.stderr.write(formatText(d) + '\n');
}

export const diagnosticsJson = (root: string, diagnostics: Diagnostic[]) =>
  renderDiagnostics(root, diagnostics).map(formatJson);

export function summary(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return [
    errors && `${errors} error${errors === 1 ? '' : 's'}`,
    warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`,
  ]
    .filter(Boolean)
    .join(', ');
}

export const printJson = (value: unknown) => process.stdout.write(JSON.stringify(value, undefined, 2) + '\n');
