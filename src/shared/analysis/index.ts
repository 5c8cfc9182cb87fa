export * from './cold-start';
