export * from './common.ts';
export * from './profile.ts';
export * from './matrix.ts';
export * from './ranking.ts';
export * from './notable.ts';
