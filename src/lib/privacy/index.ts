export * from './policy.ts';
export * from './suppress.ts';
export * from './audit.ts';
export * from './format.ts';
export * from './mapValues.ts';
export * from './lines.ts';
