export * from './common.js';
export * from './case.js';
export * from './staff.js';
export * from './allocation.js';
export * from './record.js';
export * from './snapshots.js';
export * from './bundle.js';
export * from './review.js';
