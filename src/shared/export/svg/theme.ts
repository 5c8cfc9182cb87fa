/** The canvas colours of `src/renderer/styles/theme.css`, so an export looks like the app. */
export interface SvgTheme {
  background: string;
  box: string;
  boxBorder: string;
  boxHead: string;
  card: string;
  text: string;
  muted: string;
  edgeHard: string;
  edgeSoft: string;
  noPlane: string;
  env: Record<'production' | 'staging' | 'development' | 'other', string>;
}

export const SVG_THEMES: Record<'light' | 'dark', SvgTheme> = {
  light: {
    background: '#eef1f5',
    box: '#fbfcfd',
    boxBorder: '#b9c3cf',
    boxHead: '#ffffff',
    card: '#ffffff',
    text: '#1c2230',
    muted: '#5f6b7a',
    edgeHard: '#475569',
    edgeSoft: '#8391a3',
    noPlane: '#94a3b8',
    env: { production: '#b91c1c', staging: '#b45309', development: '#15803d', other: '#475569' },
  },
  dark: {
    background: '#101317',
    box: '#171b21',
    boxBorder: '#3d4656',
    boxHead: '#1e232b',
    card: '#20252e',
    text: '#e5e8ed',
    muted: '#a0aab7',
    edgeHard: '#aab4c2',
    edgeSoft: '#7d899a',
    noPlane: '#64748b',
    env: { production: '#f87171', staging: '#fbbf24', development: '#34d399', other: '#a0aab7' },
  },
};
