export * from './errors';
export * from './load';
export * from './save';
export { deepEqual } from './canonical';
export { CURRENT_SCHEMA_VERSION } from '../model';
