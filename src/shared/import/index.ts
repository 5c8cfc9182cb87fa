export * from './compose';
export * from './ssh-config';
export * from './report';
export * from './merge';
