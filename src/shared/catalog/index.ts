export * from './templates';
export * from './flavors';
