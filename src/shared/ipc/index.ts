export * from './contract';
export * from './result';
export * from './bridge-protocol';
