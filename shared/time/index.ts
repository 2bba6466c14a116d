export * from './precision.js';
export * from './london.js';
export * from './display.js';
export * from './calendar.js';
