export * from './acl-plan';
export * from './connector-config';
export * from './delivery-profile';
export * from './quota-spec';
export * from './topic-config';
export * from './topic-spec';
