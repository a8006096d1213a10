export * from '../../lib/kafka';
export * from './acls';
export * from './client-quota';
export * from './kafka-provider';
export * from './partition-guard';
export * from './topic';
