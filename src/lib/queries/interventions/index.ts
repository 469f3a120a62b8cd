export * from './common.ts';
export * from './funnel.ts';
export * from './coverage.ts';
export * from './timeliness.ts';
