export * from './compiled-pattern';
export * from './event-match';
export * from './event-pattern-set';
export * from './issues';
export * from './pattern-json';
export * from './testing';
