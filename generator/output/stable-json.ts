/**
 * Canonical JSON: object keys sorted at every level, so the same data always gives the same
 * bytes. sortedPlain() turns cloudform objects (toJSON) into plain, sorted data in one pass;
 * the stages after compile work on that form.
 */
export function sortedPlain(input: unknown): unknown {
  const value =
    input !== null && typeof input === 'object' && typeof (input as { toJSON?: unknown }).toJSON === 'function'
      ? (input as { toJSON: () => unknown }).toJSON()
      : input;
  if (Array.isArray(value))
    return value.map((v) => (v === undefined || typeof v === 'function' ? null : sortedPlain(v)));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v !== undefined && typeof v !== 'function') out[key] = sortedPlain(v);
  }
  return out;
}

export function stableStringify(value: unknown, indent?: number): string {
  return JSON.stringify(sortedPlain(value ?? null), undefined, indent);
}
