export * from './delivery-profile';
export * from './topic-config';
export * from './topic-spec';
