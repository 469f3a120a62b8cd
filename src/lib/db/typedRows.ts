/**
 * The one place where rows of the engine become rows of a declared type. `Row` is
 * `Record<string, unknown>`: the field types are those of the SQL's SELECT list, which the query modules
 * (src/lib/queries/**) declare next to the SQL as row interfaces (BigInt and dates are already converted
 * by rows.ts). Nothing is checked at run time: the SQL is the contract. query.svelte.ts uses it for
 * every query without a decoder; tests use it to read rows the same way.
 */
export const typedRows = <R>(rows: readonly unknown[]): R[] => rows as R[];
