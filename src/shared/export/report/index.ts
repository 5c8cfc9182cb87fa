export * from './report';
export { TIER_SECTIONS, type ReportContext, type ReportSection } from './sections';
