export * from './envelope';
export * from './schema';
export * from './cloudevents';
