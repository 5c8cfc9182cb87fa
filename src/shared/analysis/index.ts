export * from './cold-start';
export * from './capacity';
export * from './blast-radius';
export * from './tiers';
