export * from './filters.ts';
export * from './mapIndicator.ts';
export * from './prevalence.ts';
export * from './summary.ts';
export * from './options.ts';
export * from './indicators.ts';
export * from './mapBySemester.ts';
export * from './core.ts';
