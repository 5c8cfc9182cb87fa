export * from './cold-start';
export * from './capacity';
