export * from '../../lib/kafka';
export * from './kafka-provider';
export * from './partition-guard';
export * from './topic';
