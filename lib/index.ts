export * from './errors';
export * from './validation';
export * from './pattern';
export * from './schema';
export * from './envelope';
