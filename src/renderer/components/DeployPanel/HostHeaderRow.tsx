/** The row naming a host above its actions, in the deploy plan and the rollback preview. */
export function HostHeaderRow({ host }: { host: { host: string; address: string; lock?: { holder: string; since: string } | null } }) {
  return (
    <tr className="deploy-plan__host">
      <th colSpan={4}>
        {host.host} <span className="muted">{host.address}</span>
        {host.lock ? <span className="deploy-plan__lock"> locked by {host.lock.holder} since {host.lock.since}</span> : null}
      </th>
    </tr>
  );
}
