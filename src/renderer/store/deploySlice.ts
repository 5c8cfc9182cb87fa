import type { DeploySlice, SliceCreator } from './types';

/** Plan, apply and job progress come with the deploy issue. */
export const createDeploySlice: SliceCreator<DeploySlice> = () => ({});
