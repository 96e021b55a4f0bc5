/**
 * Sorting text by code point. String.prototype.localeCompare depends on the ICU data and
 * locale of the machine (so output could differ between machines) and its first call costs
 * ~20 ms of ICU setup; generated output must be the same everywhere.
 */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
