/** The canvas shows the analysis' numbers: one source for bars, colours and findings. */
export * from '../analysis/capacity';
