export * from './svg';
export { SVG_THEMES, type SvgTheme } from './theme';
