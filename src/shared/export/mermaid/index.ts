export * from './limits';
export * from './flowchart';
export * from './gantt';
export { mermaidText } from './escape';
