export * from './accelerators';
export * from './model';
