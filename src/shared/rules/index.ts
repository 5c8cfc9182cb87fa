export * from './types';
export * from './registry';
export * from './validate';
export * from './incremental';
export { buildContext, type RuleContext, type TierContext } from './context';
export { hardReach } from './graph';
export { rootsByHost, ROOT_SHARE } from './root-dependency-host';
