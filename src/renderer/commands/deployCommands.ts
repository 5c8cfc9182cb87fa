import type { AppStore } from '../store';
import { useKnownHosts } from '../components/KnownHosts/store';
import type { Command } from './registry';

/** Deploy ▸ Plan, Deploy, Cancel, Roll Back and Known Hosts: the same actions as the deploy panel's buttons. */
export function deployCommands(store: AppStore): Command[] {
  const s = () => store.getState();
  const busy = () => s().deployStage === 'planning' || s().deployStage === 'applying';
  const canPlan = () => s().topology !== null && s().tierId !== null && !busy();
  const plan = async () => {
    s().openDeploy();
    await s().planDeploy();
  };
  return [
    { id: 'deploy.plan', run: plan, enabled: canPlan },
    {
      id: 'deploy.apply',
      // Nothing is applied unseen: without a current plan with changes, this plans first.
      run: async () => {
        const { deployPlan, deployStage } = s();
        if (deployStage === 'planned' && deployPlan?.hasChanges && deployPlan.problems.length === 0) {
          s().openDeploy();
          await s().applyDeploy();
        } else await plan();
      },
      enabled: canPlan,
    },
    { id: 'deploy.cancel', run: () => s().cancelDeploy(), enabled: () => s().deployStage === 'applying' && s().deployJobId !== null },
    {
      id: 'deploy.rollback',
      // Shows the preview only: the rollback itself is confirmed in the panel.
      run: async () => {
        s().openDeploy();
        await s().previewRollback();
      },
      enabled: canPlan,
    },
    { id: 'deploy.knownHosts', run: () => useKnownHosts.getState().show() },
  ];
}
