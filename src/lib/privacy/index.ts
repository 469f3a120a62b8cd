export * from './policy.ts';
export * from './cells.ts';
export * from './format.ts';
export * from './mapValues.ts';
