export * from './base.ts';
export * from './status.ts';
